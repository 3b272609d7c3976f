#!/usr/bin/env bash
# Every benchmark in one go, on this machine: each figure beside its limit, the ratio and the goal, as a table
# printed at the end and written to bench/results.md (with the date, the commit and the machine) for BENCHMARKS.md
# to quote. Asserts nothing: a goal missed is a row that says so.
#
#   bench/run.sh [CANDIDATES]          (default 1000000; `make bench` runs it)
#
# Steps, on one throwaway cluster (bench/lib.sh: .data/bench-pg, 127.0.0.1:55434 or BENCH_PG_PORT), release build:
#   1. bench/candidates.sh at 300,000 candidates: search against the same SQL, the slowest searches, and an import
#      of 100,000 rows against \copy of the same rows into a table like candidates holding as many;
#   2. the same database grown to CANDIDATES: the same three again;
#   3. bench/reads.sh: reading one candidate under 32 connections against pgbench, and the server's peak memory;
#   4. bench/nominations.sh: nomination intake against pgbench running the same transaction;
#   5. bench/reports.sh: the pipeline report (whole and grouped by agency) and the targets report on an application
#      per candidate, with its stage history.
# About 30 minutes at a million candidates on 2 cores. BENCH_STEPS="3 4" runs only those steps (on the data of an
# earlier run).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
N=${1:-1000000}
STEPS=${BENCH_STEPS:-1 2 3 4 5}
OUT=${BENCH_OUT:-bench/results.md}   # BENCH_OUT writes the table elsewhere (a run of some steps only)
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS" "$WORK"' EXIT   # WORK: bench/lib.sh's folder, unused here
swift build -c release --product talent >/dev/null 2>&1 || swift build -c release --product talent
export TALENT_BIN=.build/release/talent

step() {   # step NUMBER SCALE-LABEL COMMAND...
    local number=$1 label=$2; shift 2
    [[ " $STEPS " == *" $number "* ]] || return 0
    echo "==== step $number: $*"
    "$@" 2>&1 | tee "$LOGS/$number.txt"
    grep '^RESULT' "$LOGS/$number.txt" | sed "s/^RESULT/$label/" >> "$LOGS/results.tsv" || true
}
: > "$LOGS/results.tsv"
step 1 "300,000" bench/candidates.sh 300000 100000 300
step 2 "$(thousands "$N")" env BENCH_REUSE=1 bench/candidates.sh "$N" 100000 300
step 3 "$(thousands "$N")" bench/reads.sh 10 3
step 4 "new database" bench/nominations.sh 10 3
step 5 "$(thousands "$N") applications" env BENCH_REUSE=1 bench/reports.sh "$N" 12

python3 bench/table.py "$LOGS/results.tsv" "$OUT" \
    "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources sql || echo '+changes')"
echo "written to $OUT"

#!/usr/bin/env bash
# Reading one candidate: GET /v1/candidates/{id} through the API (wrk, 32 connections) against pgbench running the
# statements the API sends for it (taken from PostgreSQL's log), in the same protocol, on the same database, in
# alternating rounds; and the server's peak resident memory under that load. Prints figures; asserts nothing.
#
#   bench/reads.sh [SECONDS] [ROUNDS]      (defaults 10 and 3; run after bench/candidates.sh has made `bench`)
#
# Both sides read the same 100 candidates, drawn at random from the whole table: wrk picks one per request, pgbench
# one of 100 scripts (one per candidate). PostgresNIO sends every statement unnamed in the extended protocol
# (Parse, Bind, Execute each time), so pgbench runs `-M extended`. BENCH_PERF=FILE records the server under the first
# round's load.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
source bench/lib.sh
DB=bench
need_wrk
bench_setup
export DATABASE_URL="$PGURL/$DB" DATABASE_MIGRATION_URL="$OWNER_PGURL/$DB"
$T migrate >/dev/null
psql -X -q -t -A "$DATABASE_URL" -c "SELECT id FROM candidates TABLESAMPLE SYSTEM (1) WHERE erased_at IS NULL ORDER BY random() LIMIT 100" > "$WORK/ids.txt"
token=$(staff_token "Bench Reader" admin)

# The statements of one read, from the log, with the candidate's id as the only thing that differs between scripts.
log_statements_on
bench_serve
first=$(head -n 1 "$WORK/ids.txt")
curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$API_PORT/v1/candidates/$first"  # the token's last-used stamp
logged_statements "$WORK/read.sql" "/v1/candidates/$first" "$token"
bench_stop
log_statements_off
statements=$(grep -c ';$' "$WORK/read.sql")
scripts=()
n=0
while read -r id; do
    sed "s/$first/$id/g" "$WORK/read.sql" > "$WORK/read.$n.sql"
    scripts+=(-f "$WORK/read.$n.sql@1")
    n=$((n + 1))
done < "$WORK/ids.txt"
MODE=extended

cat > "$WORK/read.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
request = function()
  return wrk.format("GET", "/v1/candidates/" .. ids[math.random(#ids)], {["Authorization"] = "Bearer $token"})
end
LUA

echo "== read by id, 32 connections, $ROUNDS rounds of ${SECONDS_EACH} s each side ($statements statements a read, pgbench -M $MODE)"
bench_serve
wrk -t 2 -c 32 -d 3s -s "$WORK/read.lua" "http://127.0.0.1:$API_PORT" >/dev/null 2>&1          # warm-up
pgbench -n -c 32 -j 2 -T 3 -M "$MODE" "${scripts[@]}" "$DATABASE_URL" >/dev/null 2>&1
: > "$WORK/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
    # BENCH_PERF=FILE records the server's stacks during the first round's load (perf record -g, 999 Hz).
    if [ "$round" = 1 ] && [ -n "${BENCH_PERF:-}" ]; then
        perf record -F 999 -g -o "$BENCH_PERF" -p "$server" -- sleep "$SECONDS_EACH" >/dev/null 2>&1 & perf=$!
    fi
    wrk -t 2 -c 32 -d "${SECONDS_EACH}s" --latency -s "$WORK/read.lua" "http://127.0.0.1:$API_PORT" > "$WORK/wrk.txt" 2>&1
    if [ -n "${perf:-}" ]; then wait "$perf" || true; perf=""; fi
    api=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
    pgbench -n -c 32 -j 2 -T "$SECONDS_EACH" -M "$MODE" "${scripts[@]}" "$DATABASE_URL" > "$WORK/pgbench.txt" 2>&1
    sql=$(awk '/^tps/ { print $3 }' "$WORK/pgbench.txt")
    printf '  round %d: API %8.1f reads/s (non-2xx: %s, p50 %s)   pgbench %8.1f transactions/s   ratio %.2f\n' \
        "$round" "$api" "${non2xx:-0}" "$(awk '/^ +50%/ { print $2 }' "$WORK/wrk.txt")" "$sql" "$(echo "$api / $sql" | bc -l)"
    echo "$api $sql" >> "$WORK/rounds.txt"
done
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
bench_stop
python3 - "$WORK/rounds.txt" "$rss" "$statements" <<'PY'
import statistics, sys
rounds = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
api = statistics.median(a for a, _ in rounds); sql = statistics.median(s for _, s in rounds)
ratio = statistics.median(a / s for a, s in rounds)
rss = int(sys.argv[2]) / 1024
print(f"  median: API {api:.1f} reads/s, pgbench {sql:.1f}/s, ratio {ratio:.2f} (goal >= 0.7)")
print(f"  server peak RSS under the read load: {rss:.1f} MB (goal <= 150 MB)")
print(f"RESULT\tread by id (GET /v1/candidates/{{id}}, 32 connections)\t{api:.0f} reads/s\tpgbench, same {sys.argv[3]} statements: {sql:.0f}/s\t{ratio:.2f}\t>= 0.7")
print(f"RESULT\tserver peak RSS under the read load\t{rss:.1f} MB\t150 MB\t{rss:.1f}\t<= 150")
PY

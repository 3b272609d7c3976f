#!/usr/bin/env bash
# Nomination intake through nginx with one and with two `talent serve` instances (issue 14, item 4): the same wrk load
# as bench/nominations.sh (32 connections, a new person and Idempotency-Key per request), first straight to one
# instance, then through nginx to one instance, then through nginx to two. Prints figures; asserts nothing.
#
#   bench/cluster.sh [SECONDS]      (default 15)
#
# A cluster of its own (deploy/local/cluster.sh, primary + streaming standby, synchronous_commit on) in
# .data/bench-cluster on 127.0.0.1:55496-55497 (BENCH_CLUSTER_PG_PORT) and free ports, removed at the end; a release
# build (TALENT_BIN runs another); POOL (default 12) is each instance's connection pool. Installs wrk when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-15}
T=${TALENT_BIN:-.build/release/talent}
[ -n "${TALENT_BIN:-}" ] || swift build -c release --product talent >/dev/null 2>&1
command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

unset TALENT_PG_DATA TALENT_PG_PORT TALENT_PG_FAST
PG_PORT=${BENCH_CLUSTER_PG_PORT:-55496}
export TALENT_BIN="$T" TALENT_CLUSTER_DIR=.data/bench-cluster TALENT_CLUSTER_DEMO=0
export TALENT_CLUSTER_PG_PORT=$PG_PORT TALENT_CLUSTER_STANDBY_PORT=$((PG_PORT + 1))
export TALENT_CLUSTER_HTTP_PORT=$(free_port) TALENT_CLUSTER_HTTPS_PORT=$(free_port)
export TALENT_PARTNER_RATE_PER_MINUTE=100000000 TALENT_POOL_SIZE=${POOL:-12}
API_A=$(free_port) API_B=$(free_port)
WORK=$(mktemp -d)
trap 'deploy/local/cluster.sh destroy >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
deploy/local/cluster.sh destroy >/dev/null 2>&1 || true

export DATABASE_URL="postgres://talent@127.0.0.1:$PG_PORT/talent"
TALENT_CLUSTER_API_PORTS="$API_A" deploy/local/cluster.sh start >/dev/null 2>"$WORK/start.log" || { cat "$WORK/start.log"; exit 1; }
$T partner add --code BENCH --name "Trường Đại học Đo Tải" >/dev/null
agreement=$($T agreement add --partner BENCH --reference B/1 --starts 2020-01-01 --ends 2099-12-31 --format csv \
            | awk -F, 'NR == 2 { print $1 }')
$T agreement activate "$agreement" >/dev/null
token=$($T token issue --partner BENCH | tail -n 1)

# bench/nominations.sh's request, with the run's number in every key and citizen ID so that no run replays another's.
lua() {
    cat > "$WORK/nominate-$1.lua" <<LUA
local counter = 0
function setup(thread) thread:set("tid", math.random(1, 99999)) end
request = function()
  counter = counter + 1
  local n = ($1 * 100000 + tid) * 100000 + counter
  local body = string.format([[{"candidate": {"full_name": "Nguyễn Thị Minh Thư", "date_of_birth": "2001-05-14",
    "citizen_id": "%012d", "email": "wrk%d@example.edu.vn",
    "education": [{"degree": "bachelor", "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                   "graduation_year": 2023, "classification": "excellent"}]},
    "nominator": {"name": "TS. Trần Văn An", "title": "Trưởng khoa", "email": "an.tran@example.edu.vn"},
    "relationship": "teacher", "justification": "Thủ khoa đầu ra.",
    "consent": {"obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"}}]], n, n)
  return wrk.format("POST", "/v1/nominations", {["Authorization"] = "Bearer $token",
                    ["Content-Type"] = "application/json", ["Idempotency-Key"] = "wrk-" .. n}, body)
end
LUA
}

run=0
measure() {
    local label=$1 url=$2
    run=$((run + 1))
    lua "$run"
    local before; before=$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM nominations")
    wrk -t 2 -c 32 -d "${SECONDS_EACH}s" --latency -s "$WORK/nominate-$run.lua" "$url" > "$WORK/wrk-$run.txt" 2>&1
    local rate non2xx p50 p99 after
    rate=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk-$run.txt")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk-$run.txt")
    p50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk-$run.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk-$run.txt")
    after=$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM nominations")
    printf '  %-34s %8.1f nominations/s   p50 %-8s p99 %-8s (non-2xx: %s; %s stored)\n' "$label" "$rate" "$p50" "$p99" \
        "${non2xx:-0}" "$((after - before))"
}

NGINX="http://127.0.0.1:$TALENT_CLUSTER_HTTP_PORT"
echo "== nomination intake, 32 connections, ${SECONDS_EACH} s each, $(nproc) cores shared by everything"
measure "one instance, straight" "http://127.0.0.1:$API_A"
measure "one instance, through nginx" "$NGINX"
TALENT_CLUSTER_API_PORTS="$API_A $API_B" deploy/local/cluster.sh start >/dev/null 2>>"$WORK/start.log" || { cat "$WORK/start.log"; exit 1; }
measure "two instances, through nginx" "$NGINX"
sleep 1.2  # nginx writes its log every second
served=$(grep -c "upstream=127.0.0.1:$API_B/201" .data/bench-cluster/nginx/access.log || true)
echo "  (the second instance answered $served of the last run's requests)"

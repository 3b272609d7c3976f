#!/usr/bin/env bash
# One of two instances is killed (SIGKILL) while four partners post nominations through nginx (issue 14, item 4):
# every acknowledged nomination is stored exactly once, every replay of its key returns the acknowledged id, nothing
# is stored that was not acknowledged, and every key is acknowledged within 5 s of the kill (its retry goes to the
# instance still running). Also: nginx spread the load over both instances, and /health through it shows the standby.
#
#   Tests/cluster/kill-instance.sh [TALENT_BINARY]      (default .build/debug/talent; run by `make test`)
#
# A cluster of its own (deploy/local/cluster.sh: primary, standby, two instances, nginx) in .data/cluster-test, on
# 127.0.0.1:55437 and :55438 (TALENT_KILL_PG_PORT) and free ports for the rest, removed at the end. About a minute.
# TALENT_KILL_BOUND (default 30) is how many seconds a key is retried before the test calls it lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
TALENT="${1:-.build/debug/talent}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fail() { echo "kill-instance: FAILED: $*" >&2; exit 1; }

unset TALENT_PG_DATA TALENT_PG_PORT
PG_PORT=${TALENT_KILL_PG_PORT:-55437}
export TALENT_BIN="$TALENT" TALENT_CLUSTER_DIR=.data/cluster-test TALENT_CLUSTER_DEMO=0 TALENT_PG_FAST=1
export TALENT_CLUSTER_PG_PORT=$PG_PORT TALENT_CLUSTER_STANDBY_PORT=$((PG_PORT + 1))
API_A=$(free_port) API_B=$(free_port)
while [ "$API_B" = "$API_A" ]; do API_B=$(free_port); done
export TALENT_CLUSTER_API_PORTS="$API_A $API_B" TALENT_CLUSTER_HTTP_PORT=$(free_port) TALENT_CLUSTER_HTTPS_PORT=$(free_port)
# The rate limit is not what this test is about (its own tests are in NominationTests).
export TALENT_PARTNER_RATE_PER_MINUTE=1000000
BASE="http://127.0.0.1:$TALENT_CLUSTER_HTTP_PORT"
DIR=$TALENT_CLUSTER_DIR

deploy/local/cluster.sh destroy >/dev/null 2>&1 || true
trap 'deploy/local/cluster.sh destroy >/dev/null 2>&1 || true' EXIT
mkdir -p "$DIR"
started=$(date +%s)
if ! deploy/local/cluster.sh start > "$DIR/../cluster-test-start.log" 2>&1; then
    cat "$DIR/../cluster-test-start.log" >&2
    fail "the cluster did not start"
fi
echo "kill-instance: cluster up in $(( $(date +%s) - started )) s (instances on $API_A and $API_B, nginx on $BASE)"

export DATABASE_URL="postgres://talent@127.0.0.1:$PG_PORT/talent"
export DATABASE_MIGRATION_URL="postgres://talent_owner@127.0.0.1:$PG_PORT/talent"
tokens="$DIR/tokens"
: > "$tokens"
for i in 1 2 3 4; do
    "$TALENT" partner add --code "KILL$i" --name "Trường Kiểm thử $i" >/dev/null
    agreement=$("$TALENT" agreement add --partner "KILL$i" --reference "K/$i" --starts 2020-01-01 --ends 2099-12-31 \
                --format csv | awk -F, 'NR == 2 { print $1 }')
    "$TALENT" agreement activate "$agreement" >/dev/null
    echo "KILL$i $("$TALENT" token issue --partner "KILL$i" | tail -n 1)" >> "$tokens"
done

health=$(curl -fs "$BASE/health") || fail "/health through nginx did not answer 200"
python3 -c 'import json,sys; h=json.loads(sys.argv[1]); sys.exit(0 if h.get("replica") == "ok" else 1)' "$health" \
    || fail "/health does not say the replica is ok: $health"

victim=$(cat "$DIR/instance-$API_A.pid")
timeout 240 python3 Tests/cluster/nominate.py --base "$BASE" --tokens "$tokens" --per-partner 40 --threads 2 \
    --kill-pid "$victim" --kill-after 60 --bound "${TALENT_KILL_BOUND:-30}" --max-wait 5 --database-url "$DATABASE_URL" \
    --json "$DIR/../cluster-test-run.json" || fail "see above (every attempt is in .data/cluster-test-run.json)"

# SIGKILL is final, but the process stays listed until it is reaped, as a zombie (state Z) if its parent has not
# waited for it yet: only a process that is neither gone nor a zombie 2 s after the kill still runs.
alive() { [ -e "/proc/$1" ] && [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
for _ in $(seq 1 20); do alive "$victim" || break; sleep 0.1; done
alive "$victim" && fail "the killed instance (pid $victim) still runs"
kill -0 "$(cat "$DIR/instance-$API_B.pid")" 2>/dev/null || fail "the other instance died too"
# nginx writes its log every second.
sleep 1.2
for port in "$API_A" "$API_B"; do
    grep -q "POST /v1/nominations .* upstream=127.0.0.1:$port/201" "$DIR/nginx/access.log" \
        || fail "nginx never sent a nomination to the instance on $port"
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] || fail "/health through nginx is not 200 after the kill"
echo "kill-instance: all checks passed in $(( $(date +%s) - started )) s"

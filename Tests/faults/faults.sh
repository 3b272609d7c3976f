#!/usr/bin/env bash
# Fault tests (Tests/faults/faults.py): `talent serve` killed with SIGKILL under nomination load, PostgreSQL restarted
# and stopped under writes waiting on a lock, a first request that runs long, an exhausted pool, SIGTERM with a
# request in flight. On a PostgreSQL cluster of their own (stopped, killed and restarted here), on loopback ports;
# everything started is stopped and removed at the end. Run by `make test`; about a minute and a half.
#
#   Tests/faults/faults.sh [path/to/talent]
set -euo pipefail
cd "$(dirname "$0")/../.."
TALENT="$(realpath "${1:-.build/debug/talent}")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

export TALENT_PG_DATA=.data/fault-pg TALENT_PG_PORT=$(free_port) TALENT_PG_FAST=1
deploy/local/db.sh destroy >/dev/null 2>&1 || true
trap 'deploy/local/db.sh destroy >/dev/null 2>&1 || true' EXIT
deploy/local/db.sh start >/dev/null
export DATABASE_URL="postgres://talent@127.0.0.1:$TALENT_PG_PORT/talent"
export DATABASE_MIGRATION_URL="postgres://talent_owner@127.0.0.1:$TALENT_PG_PORT/talent"
export TALENT_OPERATOR="Kiểm thử lỗi"
"$TALENT" migrate >/dev/null

# Four partner universities, each with an agreement in force and a token.
tokens=()
for code in DHL DHCT DHAG DHTG; do
    "$TALENT" partner add --code "$code" --name "Trường Đại học $code" >/dev/null
    agreement=$("$TALENT" agreement add --partner "$code" --reference "$code/1" --starts 2020-01-01 --ends 2099-12-31 \
                --format csv | awk -F, 'NR == 2 { print $1 }')
    "$TALENT" agreement activate "$agreement" >/dev/null
    tokens+=("$code=$("$TALENT" token issue --partner "$code" | tail -n 1)")
done

TALENT_BIN="$TALENT" DB_SH="$PWD/deploy/local/db.sh" API_PORT=$(free_port) \
    PARTNER_TOKENS="$(IFS=,; echo "${tokens[*]}")" timeout 600 python3 Tests/faults/faults.py

#!/usr/bin/env bash
# The leadership dashboard in a real headless browser: Debian's chromium and chromium-driver, driven by Selenium
# from PyPI (both installed here when missing). It signs in through the form, checks that the charts are drawn and
# show the API's numbers, at a desktop's and a phone's width, and keeps screenshots in .data/artifacts/.
# Run by `make test` against the test cluster (TALENT_PG_PORT).
set -euo pipefail
cd "$(dirname "$0")/../.."
TALENT="$(pwd)/${1:-.build/debug/talent}"
PORT_PG="${TALENT_PG_PORT:-55433}"
DB=browser_$$
export DATABASE_URL="postgres://talent@127.0.0.1:$PORT_PG/$DB"
export TALENT_OPERATOR="Kiểm thử trình duyệt"
ARTIFACTS=.data/artifacts
VENV=.data/browser-venv
mkdir -p "$ARTIFACTS"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "browser: installing chromium and chromium-driver (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
    echo "browser: installing selenium (PyPI) into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "selenium>=4.20,<5"
fi

psql -X -q -h 127.0.0.1 -p "$PORT_PG" -U talent -d postgres -c "CREATE DATABASE $DB" >/dev/null
API_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$API_PORT"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    psql -X -q -h 127.0.0.1 -p "$PORT_PG" -U talent -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

"$TALENT" migrate >/dev/null
"$TALENT" demo load >/dev/null
leader=$("$TALENT" user list --role leadership --format csv | awk -F, 'NR == 2 { print $1 }')
token=$("$TALENT" token issue --user "$leader" | tail -n 1)

"$TALENT" serve --host 127.0.0.1 --port "$API_PORT" --log-level warning & server=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done

"$VENV/bin/python" Tests/browser/dashboard_test.py "$BASE" "$token" "$ARTIFACTS"

#!/usr/bin/env bash
# The leadership dashboard and the evaluators' pages in a real headless browser: Debian's chromium and
# chromium-driver, driven by Selenium from PyPI (both installed here when missing). A leader signs in through the form
# with an e-mail and a password and checks that the charts are drawn and show the API's numbers, at a desktop's and a
# phone's width; an evaluator signs in, opens /evaluate and scores a sheet. Screenshots are kept in artifacts/.
# Run by `make test` against the test cluster (TALENT_PG_PORT).
set -euo pipefail
cd "$(dirname "$0")/../.."
TALENT="$(pwd)/${1:-.build/debug/talent}"
source Tests/lib.sh
export TALENT_OPERATOR="Kiểm thử trình duyệt"
ARTIFACTS=artifacts
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

test_database "browser_$$"
API_PORT=$(free_port)
BASE="http://127.0.0.1:$API_PORT"

"$TALENT" migrate >/dev/null
"$TALENT" demo load >/dev/null
leader=$("$TALENT" user list --role leadership --format csv | awk -F, 'NR == 2 { print $1 }')
token=$("$TALENT" token issue --user "$leader" | tail -n 1)

start_server "$TALENT" "$API_PORT"

# The demo accounts' e-mails and password (DemoData): a leader, and an evaluator with sheets left to score.
password="demo-483-talent"  # DemoData.password
"$VENV/bin/python" Tests/browser/dashboard_test.py "$BASE" "$token" "$ARTIFACTS" nam.vo@demo.talent.vn "$password"
"$VENV/bin/python" Tests/browser/evaluate_test.py "$BASE" "$ARTIFACTS" "${TALENT_BROWSER_EVALUATOR:-hai.le@demo.talent.vn}" "$password"

#!/usr/bin/env bash
# Property-based tests of the API against its own description: schemathesis (PyPI) reads /openapi.json from a
# server on the test cluster (with the demo data loaded) and sends generated requests, valid and invalid, to every
# operation as an administrator. Every check must pass: no 5xx, only documented statuses, content types and headers,
# bodies matching their schemas, and invalid input refused. Run by `make test` after the Swift tests.
#   Tests/fuzz/schemathesis.sh [TALENT_BINARY]      (SCHEMATHESIS_MAX_EXAMPLES, SCHEMATHESIS_MAX_TIME bound the run)
set -euo pipefail
TALENT="${1:-.build/debug/talent}"
source "$(dirname "$0")/../lib.sh"
VERSION=4.32.5
if ! command -v schemathesis >/dev/null || [ "$(schemathesis --version 2>/dev/null | awk '{print $NF}')" != "$VERSION" ]; then
    echo "schemathesis: installing schemathesis $VERSION (PyPI)…" >&2
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "schemathesis==$VERSION" >/dev/null
fi
test_database "fuzz_$$"
export TALENT_OPERATOR="Kiểm thử schemathesis"
# A generous partner rate: the fuzzer is not a partner, but the limiter must not turn its requests into 429s.
export TALENT_PARTNER_RATE_PER_MINUTE=100000
"$TALENT" migrate >/dev/null
"$TALENT" demo load >/dev/null
admin=$("$TALENT" user add --name "Quản trị kiểm thử" --role admin --format csv | awk -F, 'NR == 2 { print $1 }')
token=$("$TALENT" token issue --user "$admin" | tail -n 1)

API_PORT=$(free_port)
start_server "$TALENT" "$API_PORT"
mkdir -p .data
report=.data/schemathesis
rm -rf "$report"
status=0
schemathesis run "http://127.0.0.1:$API_PORT/openapi.json" \
    --url "http://127.0.0.1:$API_PORT" \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection \
    --phases examples,coverage,fuzzing \
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-30}" \
    --max-time "${SCHEMATHESIS_MAX_TIME:-600}" \
    --workers 2 --seed 483 --no-color \
    --report junit --report-dir "$report" || status=$?
if [ "$status" -ne 0 ]; then
    echo "schemathesis: FAILED (exit $status); the JUnit report is in $report" >&2
    exit 1
fi
echo "schemathesis: every check passed"

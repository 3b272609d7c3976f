#!/usr/bin/env bash
# Property-based tests of the API against its own description: schemathesis (PyPI) reads /openapi.json from a server
# on the test cluster (with the demo data loaded) and sends generated requests, valid and invalid, to every operation.
# Every check must pass: no 5xx, only documented statuses, content types and headers, bodies matching their schemas,
# and invalid input refused. Seven passes: two cross-agency ones, two cross-partner ones, then as an administrator (every operation but
# submitting a nomination), as a partner university with an active agreement (the nomination routes), and without a
# token (the public routes). A share of the generated requests name real records (ids and codes of the demo data,
# Tests/fuzz/dictionaries.py). The cross-agency passes (Tests/fuzz/cross_agency.py) send valid requests to every GET
# operation that reads records as an agency-scoped HR officer of Sở Nội vụ, then of Sở Tư pháp, with the
# dictionaries full of the other agency's ids, and fail when an answer shows, counts or confirms a record out of the
# officer's reach (issue 12). The cross-partner passes (Tests/fuzz/cross_partner.py) read the nomination routes as
# each of two partner universities with the dictionaries full of the other partners' nominations, and fail when an
# answer shows or confirms one (issue 14).
# Run by `make test` after the smoke test: about three minutes on two cores, the demo data and the administrator's
# pass most of it, the cross-agency passes about half a minute.
#   Tests/fuzz/schemathesis.sh [TALENT_BINARY]
# The run is reproducible: a fixed seed, a fixed number of examples per operation, no example database, no crash
# cache. SCHEMATHESIS_MAX_EXAMPLES (default 30; the cross-agency passes take half) changes the number;
# SCHEMATHESIS_SEED the seed; SCHEMATHESIS_MAX_TIME (seconds) turns each pass into a time-boxed run that keeps fuzzing
# until its time is spent.
set -euo pipefail
TALENT="${1:-.build/debug/talent}"
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
VERSION=4.32.5
if ! command -v schemathesis >/dev/null || [ "$(schemathesis --version 2>/dev/null | awk '{print $NF}')" != "$VERSION" ]; then
    echo "schemathesis: installing schemathesis $VERSION (PyPI)…" >&2
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "schemathesis==$VERSION" >/dev/null
fi
started=$SECONDS
# Hypothesis keeps its caches here rather than in .hypothesis/ of the working tree.
export HYPOTHESIS_STORAGE_DIRECTORY=.data/hypothesis
test_database "fuzz_$$"
export TALENT_OPERATOR="Kiểm thử schemathesis"
# A generous partner rate: the limiter must not turn the fuzzer's requests into 429s.
export TALENT_PARTNER_RATE_PER_MINUTE=100000
"$TALENT" migrate >/dev/null
"$TALENT" demo load >/dev/null
admin=$("$TALENT" user add --name "Quản trị kiểm thử" --role admin --format csv | awk -F, 'NR == 2 { print $1 }')
admin_token=$("$TALENT" token issue --user "$admin" | tail -n 1)
# Two partners of their own, each with an agreement active today and a quota the fuzzer cannot use up
# (docs/partners.md); FUZZ's token also runs the nomination pass.
declare -A partner_tokens
for code in FUZZ FUZZB; do
    "$TALENT" partner add --code "$code" --name "Trường Đại học Kiểm thử $code" --kind university >/dev/null
    agreement=$("$TALENT" agreement add --partner "$code" --reference "$code/2000" --starts 2000-01-01 \
        --ends 2099-12-31 --quota 100000 --format csv | awk -F, 'NR == 2 { print $1 }')
    "$TALENT" agreement activate "$agreement" >/dev/null
    partner_tokens[$code]=$("$TALENT" token issue --partner "$code" | tail -n 1)
done
partner_token=${partner_tokens[FUZZ]}

report=.data/schemathesis
rm -rf "$report"
mkdir -p "$report/data"
# Real ids and codes for the fuzzer's dictionaries (Tests/fuzz/dictionaries.py), so that requests get past 404.
for noun in application candidate position rubric agreement user agency partner; do
    case $noun in agency) file=agencies ;; *) file=${noun}s ;; esac
    limit=(--limit 40)
    case $noun in rubric | agreement | user | partner) limit=() ;; esac
    "$TALENT" "$noun" list --format json "${limit[@]}" >"$report/data/$file.json"
done
python3 "$HERE/dictionaries.py" "$HERE/schemathesis.toml" "$report/data" "$report/schemathesis.toml"

# The cross-agency passes (Tests/fuzz/cross_agency.py): an agency-scoped HR officer of Sở Nội vụ and one of Sở Tư
# pháp, and two candidates who applied at both (one past a panel at Sở Tư pháp, one nominated there by a partner),
# so that each officer also reads people of her own agency with an application at the other. What each may not
# see is read from the tables now, before any pass writes.
snv_position=$("$TALENT" position list --agency SNV --format csv | awk -F, 'NR == 2 { print $1 }')
for candidate in $(python3 "$HERE/cross_agency.py" shared STP); do
    "$TALENT" application open --candidate "$candidate" --position "$snv_position" >/dev/null
done
declare -A scope_token
for agency in SNV STP; do
    officer=$("$TALENT" user add --name "Cán bộ tổ chức $agency kiểm thử" --role hr --agency "$agency" --scope agency \
        --format csv | awk -F, 'NR == 2 { print $1 }')
    scope_token[$agency]=$("$TALENT" token issue --user "$officer" | tail -n 1)
    other=$([ "$agency" = SNV ] && echo STP || echo SNV)
    python3 "$HERE/cross_agency.py" facts "$agency" "$officer" "$other" >"$report/scope-$agency.json"
    python3 "$HERE/cross_agency.py" config "$HERE/schemathesis.toml" "$report/scope-$agency.json" \
        "$report/scope-$agency.toml"
done

API_PORT=$(free_port)
start_server "$TALENT" "$API_PORT"
failed=()

# The cross-partner passes (Tests/fuzz/cross_partner.py): each of the two partners nominates one person, then reads
# the nomination routes while the dictionaries hold the other partners' nominations (the other test partner's and the
# demo universities').
n=0
for code in FUZZ FUZZB; do
    n=$((n + 1))
    curl -fs -o /dev/null -H "Authorization: Bearer ${partner_tokens[$code]}" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: fuzz-cross-$code" "http://127.0.0.1:$API_PORT/v1/nominations" -d @- <<JSON
{"candidate": {"full_name": "Sinh viên $code", "citizen_id": "08720100000$n", "email": "sv.$n@fuzz.edu.vn"},
 "nominator": {"name": "TS. Kiểm Thử"}, "relationship": "teacher", "justification": "Kiểm thử chéo.",
 "consent": {"obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"}}
JSON
done
for code in FUZZ FUZZB; do
    python3 "$HERE/cross_partner.py" facts "$code" >"$report/partner-$code.json"
    python3 "$HERE/cross_partner.py" config "$HERE/schemathesis.toml" "$report/partner-$code.json" \
        "$report/partner-$code.toml"
done

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance
checks+=,response_schema_conformance
# pass NAME [schemathesis options]: one run against the server; its JUnit report is $report/NAME.xml. CONFIG, CHECKS,
# PHASES and EXAMPLES, set for one call (`PHASES=fuzzing pass …`), change its configuration file, checks, phases and
# number of examples per operation.
pass() {
    local name=$1
    shift
    local budget=()
    [ -n "${SCHEMATHESIS_MAX_TIME:-}" ] && budget=(--max-time "$SCHEMATHESIS_MAX_TIME")
    echo "schemathesis: pass '$name'" >&2
    local status=0
    # `timeout` only guards against a hung run; the number of examples bounds a normal one. One worker: with two,
    # Python 3.11.7 sometimes fails inside schemathesis ("AST constructor recursion depth mismatch", a CPython race
    # between threads), and one also keeps the order of requests, and so the run, the same every time. The
    # `too_slow` health check times Hypothesis's data generation, which the nomination body's patterns make slow on
    # a loaded machine; it says nothing about the API, so it is off. A request may take 30 s: issuing the province's
    # report renders its PDF with WeasyPrint (6-7 s under the Swift tests' load), and a fresh clone's CI once saw one
    # pass 10 s, a read timeout that said nothing about the API either.
    timeout --signal=INT 600 schemathesis --config-file "${CONFIG:-$report/schemathesis.toml}" --no-color run \
        "http://127.0.0.1:$API_PORT/openapi.json" --url "http://127.0.0.1:$API_PORT" \
        --checks "${CHECKS:-$checks,negative_data_rejection}" \
        --phases "${PHASES:-examples,coverage,fuzzing}" --max-examples "${EXAMPLES:-${SCHEMATHESIS_MAX_EXAMPLES:-30}}" \
        "${budget[@]}" \
        --seed "${SCHEMATHESIS_SEED:-483}" --generation-database none --workers 1 --request-timeout 30 --suppress-health-check too_slow \
        --report junit --report-junit-path "$report/$name.xml" "$@" || status=$?
    [ "$status" -eq 0 ] || failed+=("$name (exit $status)")
}

# First the cross-agency passes, on the data their facts were read from (they only read): every GET operation that
# reads records, valid requests only (they are the ones that reach records), half the examples.
for agency in SNV STP; do
    SCHEMATHESIS_HOOKS="$HERE/cross_agency.py" TALENT_FUZZ_FACTS="$report/scope-$agency.json" \
        CONFIG="$report/scope-$agency.toml" CHECKS="no_cross_agency_read,$checks" PHASES=fuzzing \
        EXAMPLES=$(((${SCHEMATHESIS_MAX_EXAMPLES:-30} + 1) / 2)) \
        pass "scope-$agency" -H "Authorization: Bearer ${scope_token[$agency]}" --mode positive --include-method GET \
        --exclude-path-regex '^/(health|openapi|problems)'
done
for code in FUZZ FUZZB; do
    SCHEMATHESIS_HOOKS="$HERE/cross_partner.py" TALENT_FUZZ_FACTS="$report/partner-$code.json" \
        CONFIG="$report/partner-$code.toml" CHECKS="no_cross_partner_read,$checks" PHASES=fuzzing \
        pass "partner-scope-$code" -H "Authorization: Bearer ${partner_tokens[$code]}" --mode positive \
        --include-name-regex '^GET /v1/nominations'
done
pass admin -H "Authorization: Bearer $admin_token" --exclude-name "POST /v1/nominations"
pass partner -H "Authorization: Bearer $partner_token" --include-path-regex '^/v1/nominations'
pass public --include-path-regex '^/(health|openapi|dashboard|problems)'

elapsed=$((SECONDS - started))
if [ "${#failed[@]}" -gt 0 ]; then
    echo "schemathesis: FAILED in ${elapsed}s: ${failed[*]}; JUnit reports in $report" >&2
    exit 1
fi
echo "schemathesis: every check passed (cross-agency, cross-partner, admin, partner and public passes, ${elapsed}s)"

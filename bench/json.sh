#!/usr/bin/env bash
# The one serialiser's choice (issue 10): a page of candidates written by JSONWriter (the product's mapping) against
# Foundation's JSONEncoder without .sortedKeys (same fields, explicit nulls). Prints figures; asserts nothing.
#
#   bench/json.sh [PAGE_SIZE] [WRITES_PER_ROUND]      (defaults 51 2000: the API's page of 50 and its lookahead)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product talent-json-bench >/dev/null
.build/release/talent-json-bench "${1:-51}" "${2:-2000}"

# Shared by the benchmark scripts: the throwaway cluster on 127.0.0.1:55434 (or BENCH_PG_PORT), a release build, a work folder and a
# server, all cleaned up on exit. Source it from the repository's root.
# BENCH_PG_PORT chooses another port (when several checkouts share a machine).
export TALENT_PG_DATA=.data/bench-pg TALENT_PG_PORT=${BENCH_PG_PORT:-55434}
# The application's runtime role, the schema's owner (databases, migrations, bulk set-up SQL) and the cluster's
# superuser (server settings), as deploy/local/db.sh makes them.
PGURL=postgres://talent@127.0.0.1:$TALENT_PG_PORT
OWNER_PGURL=postgres://talent_owner@127.0.0.1:$TALENT_PG_PORT
SUPER_PGURL=postgres://postgres@127.0.0.1:$TALENT_PG_PORT
# TALENT_BIN runs another build of talent (for example main's, to compare before and after a change).
T=${TALENT_BIN:-.build/release/talent}
WORK=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Builds the release binary and starts the benchmark cluster.
bench_setup() {
    [ -n "${TALENT_BIN:-}" ] || swift build -c release --product talent >/dev/null 2>&1
    deploy/local/db.sh start >/dev/null 2>&1
}

# One row of bench/run.sh's table, printed as a line that bench/run.sh picks out of the output (tab-separated after
# RESULT): the scenario, what was measured, its limit, the ratio or figure the goal is about, and the goal
# ("<= 1.3", ">= 0.7").
result() { printf 'RESULT\t%s\t%s\t%s\t%s\t%s\n' "$@"; }

# 1000000 as 1,000,000 (printf's %'d depends on the locale, and the C locale has no separator).
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

# Installs wrk from Debian when it is missing.
need_wrk() { command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }; }

# A bearer token of a new staff user: staff_token NAME ROLE.
staff_token() {
    local user
    user=$($T user add --name "$1" --role "$2" --format csv | awk -F, 'NR == 2 { print $1 }')
    $T token issue --user "$user" | tail -n 1
}

# Starts the server on API_PORT (a free port, chosen once) and waits for it; bench_stop stops it.
API_PORT=${API_PORT:-$(free_port)}
bench_serve() {
    $T serve --host 127.0.0.1 --port "$API_PORT" --log-level error "$@" & server=$!
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$API_PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done
}
bench_stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# The statements the server sends for a request, taken from PostgreSQL's log: log_statements_on makes the database
# log every statement of its new connections (start the server after it, stop it before log_statements_off);
# logged_statements OUT PATH TOKEN requests PATH and writes what the server sent, ready for pgbench -f.
log_statements_on() {
    STATEMENT_LOG="$(psql -X -q -t -A "$SUPER_PGURL/$DB" -c "SHOW data_directory")/server.log"
    psql -X -q "$SUPER_PGURL/$DB" -c "ALTER DATABASE $DB SET log_statement = 'all'"
}
log_statements_off() { psql -X -q "$SUPER_PGURL/$DB" -c "ALTER DATABASE $DB RESET log_statement"; }
logged_statements() {
    local mark
    mark=$(wc -l < "$STATEMENT_LOG")
    curl -fs -o /dev/null -H "Authorization: Bearer $3" "http://127.0.0.1:$API_PORT$2"
    sleep 0.3
    tail -n +"$((mark + 1))" "$STATEMENT_LOG" > "$WORK/log.txt"
    python3 bench/statements.py "$WORK/log.txt" > "$1"
}

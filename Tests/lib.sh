# Shared by the end-to-end scripts (smoke.sh, browser/dashboard.sh): a database of their own on the test cluster, a
# free port on 127.0.0.1, and a server they start and always stop.
PORT_PG="${TALENT_PG_PORT:-55433}"
server=""

# Creates the database NAME on the test cluster, owned by the schema's owner role, and points DATABASE_URL at it as
# the application's runtime role (DATABASE_MIGRATION_URL as the owner, for `talent migrate`); it is dropped on exit.
test_database() {
    DB=$1
    export DATABASE_URL="postgres://talent@127.0.0.1:$PORT_PG/$DB"
    export DATABASE_MIGRATION_URL="postgres://talent_owner@127.0.0.1:$PORT_PG/$DB"
    psql -X -q -h 127.0.0.1 -p "$PORT_PG" -U talent_owner -d postgres -c "CREATE DATABASE $DB" >/dev/null
    trap cleanup EXIT
}

cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    psql -X -q -h 127.0.0.1 -p "$PORT_PG" -U talent_owner -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts `talent serve` on 127.0.0.1:PORT in the background and waits until /health answers.
start_server() {
    local talent=$1 port=$2
    "$talent" serve --host 127.0.0.1 --port "$port" --log-level warning & server=$!
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
}

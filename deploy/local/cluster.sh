#!/usr/bin/env bash
# More than one instance, on loopback (`make cluster`, `make cluster-stop`): a PostgreSQL primary and a streaming hot
# standby made from it with `pg_basebackup -R`, two `talent serve` instances writing to the primary and sending report
# queries to the standby (DATABASE_READ_URL), and nginx in front of them on http://127.0.0.1:8088 and
# https://127.0.0.1:8443 (a self-signed certificate made at first start). Everything listens on 127.0.0.1 only.
#
#   deploy/local/cluster.sh start     # idempotent: starts what is not running, prints what runs where
#   deploy/local/cluster.sh stop      # stops everything it started (pid files), idempotent; the data stays
#   deploy/local/cluster.sh status
#   deploy/local/cluster.sh destroy   # stop, then delete the cluster's files
#
# nginx balances round-robin with passive health checks: an instance that refuses connections, times out or answers
# 502/503 three times within 10 s is left out for 10 s. It retries a request on the other instance after such a
# failure only when the request is idempotent (GET, HEAD, PUT, DELETE, …) or was never sent (the connection was
# refused): a POST or PATCH that reached an instance which then died is answered 502, never sent twice
# (`proxy_next_upstream` without `non_idempotent`). A partner's retry with the same Idempotency-Key is what makes a
# nomination safe to send again.
#
# Settings, from the environment (the defaults are `make cluster`'s):
#   TALENT_BIN                  the program (.build/release/talent; the tests use .build/debug/talent)
#   TALENT_CLUSTER_DIR          where its files go (.data/cluster)
#   TALENT_CLUSTER_PG_PORT      the primary (55491)
#   TALENT_CLUSTER_STANDBY_PORT the standby (55492); TALENT_CLUSTER_STANDBY=0 starts none (reports on the primary)
#   TALENT_CLUSTER_API_PORTS    one instance per port ("8091 8092")
#   TALENT_CLUSTER_HTTP_PORT, TALENT_CLUSTER_HTTPS_PORT   nginx (8088, 8443)
#   TALENT_CLUSTER_DEMO         1 (default): load the demo data, as `make run` does; 0: an empty database
#   TALENT_PG_FAST=1            trade durability for speed (tests), as for deploy/local/db.sh
# Other TALENT_* settings (TALENT_PARTNER_RATE_PER_MINUTE, …) reach the instances as they are.
set -euo pipefail

cd "$(dirname "$0")/../.."
DIR="${TALENT_CLUSTER_DIR:-.data/cluster}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
# What `start` chose, so that `stop` and `status` find the same processes whatever the environment says then.
STATE="$DIR/cluster.env"
if [ "${1:-start}" != start ] && [ -f "$STATE" ]; then
    # shellcheck source=/dev/null
    source "$STATE"
fi
TALENT="${TALENT_BIN:-.build/release/talent}"
PG_PORT="${TALENT_CLUSTER_PG_PORT:-55491}"
STANDBY_PORT="${TALENT_CLUSTER_STANDBY_PORT:-55492}"
STANDBY="${TALENT_CLUSTER_STANDBY:-1}"
API_PORTS="${TALENT_CLUSTER_API_PORTS:-8091 8092}"
HTTP_PORT="${TALENT_CLUSTER_HTTP_PORT:-8088}"
HTTPS_PORT="${TALENT_CLUSTER_HTTPS_PORT:-8443}"
DEMO="${TALENT_CLUSTER_DEMO:-1}"
PRIMARY_DATA="$DIR/primary"
STANDBY_DATA="$DIR/standby"
NGINX="$DIR/nginx"
DB_NAME=talent

say() { echo "cluster: $*" >&2; }
fail() { say "$*"; exit 1; }

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/pg_ctl" ] && [ -x "$dir/pg_basebackup" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

# As deploy/local/db.sh: the server runs as the unprivileged `postgres` user when we are root, and its files move under
# /var/lib/postgresql when that user cannot reach the checkout.
as_owner() {
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

relocated() {
    local data=$1
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$(dirname "$data")" 2>/dev/null; then
        echo "/var/lib/postgresql/talent-clusters/$(printf %s "$data" | md5sum | cut -c1-16)"
    else
        echo "$data"
    fi
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

primary_env() { TALENT_PG_DATA="$PRIMARY_DATA" TALENT_PG_PORT="$PG_PORT" "$@"; }

psql_super() { PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

# nginx from Debian, installed when missing as db.sh installs PostgreSQL. The package would start its own server on
# port 80 at install: a policy-rc.d that refuses keeps it from starting (one that is there already stays).
install_nginx() {
    command -v nginx >/dev/null && return 0
    [ -x /usr/sbin/nginx ] && return 0
    [ "$(id -u)" = 0 ] || fail "nginx is missing; run as root or: sudo apt-get install nginx"
    say "installing nginx (Debian package)…"
    local policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy"
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-upgrade --no-install-recommends nginx openssl >/dev/null || { [ -n "$policy" ] && rm -f "$policy"; fail "could not install nginx"; }
    [ -n "$policy" ] && rm -f "$policy"
    return 0
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

start_primary() {
    primary_env deploy/local/db.sh start >/dev/null
    # PostgreSQL 15's defaults already stream (wal_level replica, 10 WAL senders, and initdb's pg_hba.conf trusts
    # replication connections from 127.0.0.1, which only this machine's users can open): said here so that a cluster
    # made with other settings gets them. WAL is kept for a standby that falls behind for a while (no slot: a standby
    # removed by hand never holds the primary's disk hostage).
    psql_super -p "$PG_PORT" -d postgres >/dev/null <<'SQL'
ALTER SYSTEM SET wal_level = 'replica';
ALTER SYSTEM SET max_wal_senders = 10;
ALTER SYSTEM SET wal_keep_size = '512MB';
ALTER SYSTEM SET hot_standby = on;
SELECT pg_reload_conf();
SQL
    if [ "$(psql_super -p "$PG_PORT" -d postgres -tAc 'SHOW wal_level')" = minimal ]; then
        say "restarting the primary for wal_level = replica"
        primary_env deploy/local/db.sh stop >/dev/null 2>&1
        primary_env deploy/local/db.sh start >/dev/null
    fi
}

start_standby() {
    local bin data; bin="$(find_bindir)"; data="$(relocated "$STANDBY_DATA")"
    if [ ! -s "$data/PG_VERSION" ]; then
        say "making the standby from the primary (pg_basebackup -R)"
        rm -rf "$data"
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres: "$data"
        chmod 700 "$data"
        as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$data" -R -X stream -c fast
    fi
    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        say "standby already running on 127.0.0.1:$STANDBY_PORT"
        return 0
    fi
    port_taken "$STANDBY_PORT" && fail "port $STANDBY_PORT is taken by another program; set TALENT_CLUSTER_STANDBY_PORT"
    # A hot standby needs at least the primary's max_connections (db.sh gives test clusters more).
    local connections; connections=$(psql_super -p "$PG_PORT" -d postgres -tAc 'SHOW max_connections')
    local options="-p $STANDBY_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=$connections"
    options="$options -c hot_standby=on -c hot_standby_feedback=on"
    [ "${TALENT_PG_FAST:-}" = 1 ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # The port is in the kernel's ephemeral range: a client connection that just used it (pg_basebackup's, say) can
    # keep it from binding for a moment, so a start refused with "Address already in use" is tried again.
    local attempt
    for attempt in 1 2 3 4 5; do
        as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start -o "$options" >/dev/null && break
        if [ "$attempt" = 5 ] || ! tail -n 5 "$data/server.log" | grep -q "Address already in use"; then
            tail -n 5 "$data/server.log" >&2
            fail "the standby did not start (see $data/server.log)"
        fi
        sleep 1
    done
    say "standby started on 127.0.0.1:$STANDBY_PORT"
}

# Waits until the standby streams from the primary and has replayed what the primary had written when asked.
wait_for_standby() {
    local target
    target=$(psql_super -p "$PG_PORT" -d postgres -tAc "SELECT pg_current_wal_lsn()")
    for _ in $(seq 1 100); do
        if [ "$(psql_super -p "$STANDBY_PORT" -d postgres -tAc \
                "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn AND EXISTS (SELECT FROM pg_stat_wal_receiver WHERE status = 'streaming')" \
                2>/dev/null)" = t ]; then
            return 0
        fi
        sleep 0.2
    done
    fail "the standby on 127.0.0.1:$STANDBY_PORT does not stream from the primary (see $(relocated "$STANDBY_DATA")/server.log)"
}

primary_url() { echo "postgres://talent@127.0.0.1:$PG_PORT/$DB_NAME"; }
owner_url() { echo "postgres://talent_owner@127.0.0.1:$PG_PORT/$DB_NAME"; }
read_url() { [ "$STANDBY" = 1 ] && echo "postgres://talent@127.0.0.1:$STANDBY_PORT/$DB_NAME" || true; }

start_instance() {
    local port=$1 pidfile="$DIR/instance-$1.pid" log="$DIR/instance-$1.log"
    if alive "$pidfile"; then
        say "instance on 127.0.0.1:$port already running (pid $(cat "$pidfile"))"
        return 0
    fi
    port_taken "$port" && fail "port $port is taken by another program; set TALENT_CLUSTER_API_PORTS"
    # Its own session: a Ctrl-C in the terminal that ran `make cluster` does not reach it; `cluster-stop` does.
    DATABASE_URL="$(primary_url)" DATABASE_READ_URL="$(read_url)" \
        setsid "$TALENT" serve --host 127.0.0.1 --port "$port" --log-level "${TALENT_CLUSTER_LOG_LEVEL:-warning}" \
        </dev/null >>"$log" 2>&1 &
    echo $! > "$pidfile"
}

wait_for_instance() {
    local port=$1
    for _ in $(seq 1 150); do
        curl -fs -m 2 "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
        alive "$DIR/instance-$port.pid" || fail "the instance on 127.0.0.1:$port exited (see $DIR/instance-$port.log)"
        sleep 0.2
    done
    fail "the instance on 127.0.0.1:$port does not answer /health (see $DIR/instance-$port.log)"
}

write_nginx_conf() {
    mkdir -p "$NGINX/tmp" "$NGINX/tls"
    if [ ! -s "$NGINX/tls/cert.pem" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
            -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
            -keyout "$NGINX/tls/key.pem" -out "$NGINX/tls/cert.pem" >/dev/null 2>&1
        chmod 600 "$NGINX/tls/key.pem"
    fi
    local servers="" port
    for port in $API_PORTS; do
        servers="$servers        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
    done
    cat > "$NGINX/nginx.conf" <<CONF
# Written by deploy/local/cluster.sh at each start (edits are lost).
worker_processes 1;
pid $NGINX/nginx.pid;
error_log $NGINX/error.log warn;
events { worker_connections 1024; }
http {
    # Which instance answered, and how: a request retried on the other one lists both (A, B/502, 201).
    log_format talent '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent \$request_time '
                      'upstream=\$upstream_addr/\$upstream_status \$upstream_response_time';
    access_log $NGINX/access.log talent buffer=64k flush=1s;
    client_body_temp_path $NGINX/tmp/body;
    proxy_temp_path $NGINX/tmp/proxy;
    fastcgi_temp_path $NGINX/tmp/fastcgi;
    uwsgi_temp_path $NGINX/tmp/uwsgi;
    scgi_temp_path $NGINX/tmp/scgi;
    server_tokens off;
    # The instances refuse what is too large themselves, with problem+json (their limit is 1 MiB, uploads more).
    client_max_body_size 32m;

    upstream talent {
$servers        keepalive 32;
    }

    server {
        listen 127.0.0.1:$HTTP_PORT;
        listen 127.0.0.1:$HTTPS_PORT ssl;
        server_name localhost;
        ssl_certificate $NGINX/tls/cert.pem;
        ssl_certificate_key $NGINX/tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;

        location / {
            proxy_pass http://talent;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            # The host as the client typed it: problem types and links name this address, not an instance's.
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
            # Another instance after an error, a timeout, 502 or 503, for idempotent requests only: without
            # non_idempotent, nginx never sends a POST or PATCH a second time once an instance has received it.
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            proxy_next_upstream_timeout 15s;
        }
    }
}
CONF
}

start_nginx() {
    install_nginx
    write_nginx_conf
    local nginx; nginx=$(nginx_bin)
    "$nginx" -t -q -p "$NGINX" -c "$NGINX/nginx.conf" -e "$NGINX/error.log" || fail "nginx refused its configuration ($NGINX/nginx.conf)"
    if alive "$NGINX/nginx.pid"; then
        "$nginx" -p "$NGINX" -c "$NGINX/nginx.conf" -e "$NGINX/error.log" -s reload
        say "nginx already running (pid $(cat "$NGINX/nginx.pid")): configuration reloaded"
        return 0
    fi
    for port in "$HTTP_PORT" "$HTTPS_PORT"; do
        port_taken "$port" && fail "port $port is taken by another program; set TALENT_CLUSTER_HTTP_PORT / TALENT_CLUSTER_HTTPS_PORT"
    done
    "$nginx" -p "$NGINX" -c "$NGINX/nginx.conf" -e "$NGINX/error.log"
    for _ in $(seq 1 50); do
        curl -fs -m 2 "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    fail "nginx does not answer on 127.0.0.1:$HTTP_PORT (see $NGINX/error.log)"
}

start() {
    [ -x "$TALENT" ] || fail "$TALENT is not built (swift build -c release, or set TALENT_BIN)"
    cat > "$STATE" <<ENV
TALENT_BIN='$TALENT'
TALENT_CLUSTER_PG_PORT='$PG_PORT'
TALENT_CLUSTER_STANDBY_PORT='$STANDBY_PORT'
TALENT_CLUSTER_STANDBY='$STANDBY'
TALENT_CLUSTER_API_PORTS='$API_PORTS'
TALENT_CLUSTER_HTTP_PORT='$HTTP_PORT'
TALENT_CLUSTER_HTTPS_PORT='$HTTPS_PORT'
ENV
    start_primary
    DATABASE_URL="$(primary_url)" DATABASE_MIGRATION_URL="$(owner_url)" "$TALENT" migrate >/dev/null
    if [ "$DEMO" = 1 ]; then
        DATABASE_URL="$(primary_url)" "$TALENT" demo load --as "make cluster" >/dev/null
    fi
    if [ "$STANDBY" = 1 ]; then
        start_standby
        wait_for_standby
    fi
    local port
    for port in $API_PORTS; do start_instance "$port"; done
    for port in $API_PORTS; do wait_for_instance "$port"; done
    start_nginx
    summary
}

summary() {
    local port pids=""
    cat <<TEXT

  Talent on more than one instance, on loopback (make cluster-stop stops it; files in $DIR)

    nginx       http://127.0.0.1:$HTTP_PORT   https://127.0.0.1:$HTTPS_PORT (self-signed: curl --cacert $NGINX/tls/cert.pem)
                pid $(cat "$NGINX/nginx.pid" 2>/dev/null || echo ?), log $NGINX/error.log, $NGINX/access.log
TEXT
    for port in $API_PORTS; do
        printf '    instance    http://127.0.0.1:%s   pid %s, log %s\n' "$port" "$(cat "$DIR/instance-$port.pid" 2>/dev/null || echo ?)" \
            "$DIR/instance-$port.log"
    done
    cat <<TEXT
    primary     $(primary_url)   reads and writes (data $(relocated "$PRIMARY_DATA"))
TEXT
    if [ "$STANDBY" = 1 ]; then
        cat <<TEXT
    standby     $(read_url)   streaming hot standby: the instances' DATABASE_READ_URL, report queries
TEXT
    fi
    cat <<TEXT

  The CLI works on the primary:
    export DATABASE_URL=$(primary_url)
    export DATABASE_MIGRATION_URL=$(owner_url)
    $TALENT candidate list
  The API through nginx:
    curl -s http://127.0.0.1:$HTTP_PORT/health      # says the replica's state and lag too

TEXT
}

stop_pid() {
    local pidfile=$1 name=$2 signal=${3:-TERM}
    if alive "$pidfile"; then
        local pid; pid=$(cat "$pidfile")
        kill "-$signal" "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
            say "$name (pid $pid) did not stop in 10 s: killed"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        say "stopped $name"
    fi
    rm -f "$pidfile"
}

stop() {
    stop_pid "$NGINX/nginx.pid" nginx QUIT
    local pidfile
    for pidfile in "$DIR"/instance-*.pid; do
        [ -e "$pidfile" ] || continue
        stop_pid "$pidfile" "instance $(basename "$pidfile" .pid | cut -d- -f2)"
    done
    local bin data
    if bin="$(find_bindir)"; then
        data="$(relocated "$STANDBY_DATA")"
        if [ -s "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
            as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
            say "stopped the standby"
        fi
    fi
    if [ -d "$PRIMARY_DATA" ] || [ -d "$(relocated "$PRIMARY_DATA")" ]; then
        primary_env deploy/local/db.sh stop 2>&1 | sed 's/^db: /cluster: primary: /' >&2
    fi
}

status() {
    local port
    alive "$NGINX/nginx.pid" && echo "nginx: running (pid $(cat "$NGINX/nginx.pid")) on 127.0.0.1:$HTTP_PORT, :$HTTPS_PORT" \
        || echo "nginx: not running"
    for port in $API_PORTS; do
        alive "$DIR/instance-$port.pid" && echo "instance 127.0.0.1:$port: running (pid $(cat "$DIR/instance-$port.pid"))" \
            || echo "instance 127.0.0.1:$port: not running"
    done
    echo "primary 127.0.0.1:$PG_PORT: $(primary_env deploy/local/db.sh status 2>/dev/null | head -n 1 || echo 'not running')"
    if [ "$STANDBY" = 1 ]; then
        local bin; bin="$(find_bindir)" || return 0
        echo "standby 127.0.0.1:$STANDBY_PORT: $(as_owner "$bin/pg_ctl" -D "$(relocated "$STANDBY_DATA")" status 2>/dev/null | head -n 1 || echo 'not running')"
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    destroy)
        stop
        primary_env deploy/local/db.sh destroy >/dev/null 2>&1 || true
        rm -rf "$(relocated "$STANDBY_DATA")" "$DIR"
        say "removed $DIR" ;;
    *) echo "usage: $0 start|stop|status|destroy" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for development and tests, listening on 127.0.0.1 only.
#
#   deploy/local/db.sh start   # idempotent: installs PostgreSQL if missing, creates and starts the cluster
#   deploy/local/db.sh stop
#   deploy/local/db.sh status
#   deploy/local/db.sh destroy # stop and delete the cluster's files
#   deploy/local/db.sh pg_ctl ARGS…  # pg_ctl on the cluster, as its owner (the fault tests restart it this way)
#
# TALENT_PG_DATA (default .data/pg) and TALENT_PG_PORT (default 55432) choose the cluster; `make test` uses its own.
# TALENT_PG_ARCHIVE=DIR switches on continuous WAL archiving into DIR (off unless set; `make db` sets it to
# .data/backup/wal for `talent backup`, README "Backup and restore") and makes the backup role `talent_backup`.
# PostgreSQL refuses to run as root, so when run as root the server runs as the unprivileged `postgres` user.
#
# Three roles, as in production (README, "Database roles"): `postgres` is the cluster's superuser, used by this script
# alone; `talent_owner` owns the database and its tables and runs the migrations (it may create databases, for the
# tests); `talent` is what the application connects as: a member of `talent_app`, which the migrations grant what
# the application may do (no UPDATE, DELETE or TRUNCATE of the audit trail), owning nothing and not a superuser.
set -euo pipefail

cd "$(dirname "$0")/../.."
DATA="${TALENT_PG_DATA:-.data/pg}"
PORT="${TALENT_PG_PORT:-55432}"
SUPERUSER=postgres
OWNER_ROLE=talent_owner
RUNTIME_ROLE=talent
DB_NAME="${TALENT_PG_DATABASE:-talent}"
ARCHIVE="${TALENT_PG_ARCHIVE:-}"
mkdir -p "$(dirname "$DATA")"
DATA="$(cd "$(dirname "$DATA")" && pwd)/$(basename "$DATA")"

say() { echo "db: $*" >&2; }

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

# Debian packages the scripts need: PostgreSQL, curl and python3 for the smoke test, WeasyPrint with the
# Liberation fonts (Liberation Serif has Times New Roman's metrics) for the PDF of an issued report, and
# poppler-utils and unzip for the text of uploaded documents.
install_postgres() {
    local missing=()
    find_bindir >/dev/null || missing+=(postgresql postgresql-contrib)
    command -v curl >/dev/null || missing+=(curl)
    command -v python3 >/dev/null || missing+=(python3)
    command -v weasyprint >/dev/null || missing+=(weasyprint)
    # The text of uploaded documents, for search: PDF (poppler-utils' pdftotext) and DOCX (unzip).
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    command -v unzip >/dev/null || missing+=(unzip)
    [ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        say "missing: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
        exit 1
    fi
    say "installing ${missing[*]} (Debian packages)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # --no-upgrade: never upgrade a server that is already there.
    apt-get install -y -qq --no-upgrade --no-install-recommends "${missing[@]}" >/dev/null
    find_bindir >/dev/null || { say "PostgreSQL binaries not found after install"; exit 1; }
}

# Runs a command as the cluster's owner: the unprivileged postgres user when we are root.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        # From /, which the postgres user can always enter (the checkout may be under a private home folder).
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

psql_admin() {
    PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" "$@"
}

# A cluster made before the roles were split has `talent` as its superuser and owner of everything: it is refused
# with what to do, rather than used with a runtime role that could edit the audit trail.
refuse_old_cluster() {
    if ! PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres -tAc "SELECT 1" >/dev/null 2>&1 \
        && PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PORT" -U "$RUNTIME_ROLE" -d postgres -tAc \
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user" 2>/dev/null | grep -q t; then
        say "the cluster in $DATA predates the split of database roles (its superuser is $RUNTIME_ROLE)."
        say "Remove it and start again (its data is lost): TALENT_PG_DATA=$DATA deploy/local/db.sh destroy"
        exit 1
    fi
}

# The owner and runtime roles (idempotent). The runtime role is a member of talent_app, to which the migrations grant
# the application's privileges; in production the same three names (or a runtime role of another name made a member
# of talent_app) are made once by the database administrator.
ensure_roles() {
    psql_admin -d postgres >/dev/null <<SQL
SET client_min_messages TO warning;
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$OWNER_ROLE') THEN
        CREATE ROLE $OWNER_ROLE LOGIN CREATEDB;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'talent_app') THEN
        CREATE ROLE talent_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$RUNTIME_ROLE') THEN
        CREATE ROLE $RUNTIME_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    END IF;
END
\$\$;
GRANT talent_app TO $RUNTIME_ROLE;
SQL
}

# As root the server runs as `postgres`, which may not be able to reach a checkout under a private home folder
# (/root is mode 700): then the cluster lives under /var/lib/postgresql instead, at a path fixed by the checkout's.
relocate_if_unreachable() {
    [ "$(id -u)" = 0 ] || return 0
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    if ! runuser -u postgres -- test -x "$(dirname "$DATA")" 2>/dev/null; then
        DATA="/var/lib/postgresql/talent-clusters/$(printf %s "$DATA" | md5sum | cut -c1-16)"
        mkdir -p "$(dirname "$DATA")"
        chown postgres: "$(dirname "$DATA")"
    fi
}

# The settings that archive every finished WAL segment into $ARCHIVE, and at least once a minute while anything is
# written (archive_timeout: the most a lost primary loses). A segment is copied under a temporary name and renamed,
# so the archive holds it whole or not at all; an archived segment is never overwritten, and the same bytes again
# (a crash after the copy, before the server noted it) count as archived.
archive_options() {
    case "$ARCHIVE" in *[\'\"\$\`\\%]*) say "TALENT_PG_ARCHIVE must not contain quotes, \$, \`, \\ or %"; exit 1 ;; esac
    mkdir -p "$ARCHIVE"
    ARCHIVE="$(cd "$ARCHIVE" && pwd -P)"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -w "$ARCHIVE" 2>/dev/null; then
        chown postgres: "$ARCHIVE"
        # Under a private folder (/root) the server cannot reach it: the archive moves, and DIR points there.
        if ! runuser -u postgres -- test -w "$ARCHIVE" 2>/dev/null; then
            local moved; moved="/var/lib/postgresql/talent-archives/$(printf %s "$ARCHIVE" | md5sum | cut -c1-16)"
            mkdir -p "$moved" && chown postgres: "$moved"
            rmdir "$ARCHIVE" || { say "cannot move the archive $ARCHIVE where PostgreSQL can write"; exit 1; }
            ln -s "$moved" "$ARCHIVE"
            ARCHIVE="$moved"
        fi
    fi
    local f="\"$ARCHIVE/%f\""
    echo "-c wal_level=replica -c archive_mode=on -c archive_timeout=60 -c archive_command='test -f $f && cmp -s %p $f || (test ! -f $f && cp %p \"$ARCHIVE/%f.tmp\" && sync \"$ARCHIVE/%f.tmp\" && mv \"$ARCHIVE/%f.tmp\" $f)'"
}

# The role `talent backup run` connects as: REPLICATION (pg_basebackup reads every file), nothing else.
ensure_backup_role() {
    psql_admin -d postgres >/dev/null <<SQL
SET client_min_messages TO warning;
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'talent_backup') THEN
        CREATE ROLE talent_backup LOGIN REPLICATION;
    END IF;
END
\$\$;
SQL
    if [ "$(psql_admin -d postgres -tAc "SHOW archive_mode")" != on ]; then
        say "WAL archiving is off in the running cluster: restart it to switch it on (make db-stop; make db)"
    fi
}

start() {
    install_postgres
    relocate_if_unreachable
    local bin; bin="$(find_bindir)"
    if [ ! -s "$DATA/PG_VERSION" ]; then
        say "creating a cluster in $DATA"
        mkdir -p "$DATA"
        [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || as_owner true; chown -R postgres: "$DATA"; }
        chmod 700 "$DATA"
        as_owner "$bin/initdb" -D "$DATA" -U "$SUPERUSER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        say "already running on 127.0.0.1:$PORT"
    else
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
            say "port $PORT is taken by another program; set TALENT_PG_PORT"
            exit 1
        fi
        # TCP on 127.0.0.1 only; no Unix socket (a deep checkout path would exceed the socket path limit).
        local options="-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200"
        # Test clusters trade durability for speed: they are deleted after the run anyway. They also take more
        # connections: every parallel test has a database and pool of its own, and the CLI tests open more, so 200
        # can run out, which the CLI reports as an unreachable database.
        [ "${TALENT_PG_FAST:-}" = 1 ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=600"
        if [ -n "$ARCHIVE" ]; then options="$options $(archive_options)"; fi
        as_owner "$bin/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start -o "$options" >/dev/null
        say "started on 127.0.0.1:$PORT"
    fi
    refuse_old_cluster
    ensure_roles
    if [ -n "$ARCHIVE" ]; then ensure_backup_role; fi
    if ! psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
        psql_admin -d postgres -c "CREATE DATABASE \"$DB_NAME\" OWNER $OWNER_ROLE" >/dev/null
        say "created database $DB_NAME"
    fi
    # The runtime URL (what DATABASE_URL names); migrations connect as $OWNER_ROLE (DATABASE_MIGRATION_URL).
    echo "postgres://$RUNTIME_ROLE@127.0.0.1:$PORT/$DB_NAME"
}

stop() {
    local bin; bin="$(find_bindir)" || { say "PostgreSQL is not installed"; return 0; }
    relocate_if_unreachable
    if [ -s "$DATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        say "stopped"
    else
        say "not running"
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status)
        bin="$(find_bindir)" || { say "PostgreSQL is not installed"; exit 3; }
        relocate_if_unreachable
        as_owner "$bin/pg_ctl" -D "$DATA" status ;;
    destroy) stop; rm -rf "$DATA"; say "removed $DATA" ;;
    pg_ctl)
        bin="$(find_bindir)" || { say "PostgreSQL is not installed"; exit 3; }
        relocate_if_unreachable
        shift
        as_owner "$bin/pg_ctl" -D "$DATA" "$@" ;;
    *) echo "usage: $0 start|stop|status|destroy|pg_ctl ARGS…" >&2; exit 2 ;;
esac

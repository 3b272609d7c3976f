#!/usr/bin/env bash
# Backup and point-in-time restore, end to end (issue 14, item 5), with the built `talent` binary: a cluster of its
# own with WAL archiving on free loopback ports, migrate, write, `backup run`, write more, note a moment T, write more
# still, `backup restore --time T` started on another port, which must hold exactly the rows written before T; then
# `backup restore` without --time, which must hold them all. Refusals (non-empty target, a time before the first
# backup, a bad timestamp) are one line and exit 2. Everything it starts is stopped and removed; `make test` runs it
# under `timeout`, and every wait here is bounded.
set -euo pipefail
TALENT="$(cd "$(dirname "${1:-.build/debug/talent}")" && pwd)/$(basename "${1:-.build/debug/talent}")"
cd "$(dirname "$0")/.."
fail() { echo "backup: FAILED: $*" >&2; exit 1; }
checks=0
ok() { checks=$((checks + 1)); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Under /tmp, which the server's OS user can reach whatever the checkout's folder.
WORK=$(mktemp -d /tmp/talent-backup-test.XXXXXX)
chmod 755 "$WORK"
PG_PORT=$(free_port) AT_T_PORT=$(free_port) LATEST_PORT=$(free_port)
export TALENT_PG_DATA=$WORK/pg TALENT_PG_PORT=$PG_PORT TALENT_PG_FAST=1 TALENT_PG_ARCHIVE=$WORK/backup/wal
export TALENT_BACKUP_DIR=$WORK/backup TALENT_CONFIG=/nonexistent/talent.json TALENT_OPERATOR="Kiểm thử sao lưu"
export DATABASE_URL=postgres://talent@127.0.0.1:$PG_PORT/talent
export DATABASE_MIGRATION_URL=postgres://talent_owner@127.0.0.1:$PG_PORT/talent
export PGCONNECT_TIMEOUT=5

cleanup() {
    [ -n "${BACKUP_TEST_KEEP:-}" ] && { echo "backup: kept $WORK (ports $PG_PORT $AT_T_PORT $LATEST_PORT)" >&2; return; }
    for dir in "$WORK/at-t" "$WORK/latest"; do
        [ -s "$dir/PG_VERSION" ] && TALENT_PG_DATA=$dir deploy/local/db.sh stop >/dev/null 2>&1 || true
    done
    deploy/local/db.sh destroy >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

sql() { local port=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d talent -tA "$@"; }
agencies() { sql "$1" -c "SELECT string_agg(code, ',' ORDER BY code) FROM agencies WHERE code LIKE 'BK%'"; }
add() { for code in "$@"; do "$TALENT" agency add --code "$code" --name "Cơ quan $code" >/dev/null; done; }

deploy/local/db.sh start >/dev/null
"$TALENT" migrate >/dev/null
[ "$(sql "$PG_PORT" -c "SHOW archive_mode")" = on ] || fail "archiving is off"; ok

# No backup yet: a restore says so.
if out=$("$TALENT" backup restore --target "$WORK/none" 2>&1); then fail "restored without a backup"; fi
grep -q "talent backup run" <<<"$out" || fail "no hint to run a backup: $out"; ok

add BKA1 BKA2
out=$("$TALENT" backup run --label "trước đợt B" 2>&1) || fail "backup run: $out"
grep -q "không archive\|chưa lưu trữ" <<<"$out" && fail "backup run warns that WAL is not archived: $out"
grep -q "trước đợt B" <<<"$out" || fail "backup run does not show its label: $out"; ok
add BKB1 BKB2
sleep 1
# T in the server's clock, which stamps the commits that recovery compares with it.
T=$(sql "$PG_PORT" -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
sleep 1
add BKC1 BKC2
[ "$(agencies "$PG_PORT")" = BKA1,BKA2,BKB1,BKB2,BKC1,BKC2 ] || fail "the writes are not there"
# The segment being written is archived at a switch (or by archive_timeout): switch, and wait for the archive.
segment=$(sql "$PG_PORT" -c "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 150); do [ -f "$WORK/backup/wal/$segment" ] && break; sleep 0.2; done
[ -f "$WORK/backup/wal/$segment" ] || fail "segment $segment was not archived"; ok

# The list: one backup, with its label, times and WAL range, in Vietnamese, English and JSON.
json=$("$TALENT" backup list --format json)
python3 - "$json" <<'PY' || fail "backup list --format json: $json"
import json, sys
backups = json.loads(sys.argv[1])
assert len(backups) == 1, backups
b = backups[0]
assert b["label"] == "trước đợt B" and b["size_bytes"] > 0 and b["started_at"] <= b["finished_at"], b
assert len(b["start_wal"]) == 24 and b["start_wal"] <= b["end_wal"], b
PY
ok
grep -q "Dung lượng" <<<"$("$TALENT" backup list)" || fail "backup list is not in Vietnamese"; ok
grep -q "Finished" <<<"$("$TALENT" backup list --lang en)" || fail "backup list --lang en is not in English"; ok

# Refusals: one line on stderr, exit 2, nothing written.
refused() {
    local expect=$1; shift
    local status=0 err
    err=$("$TALENT" backup restore "$@" 2>&1 >/dev/null) || status=$?
    [ "$status" = 2 ] || fail "backup restore $* exited $status: $err"
    [ "$(wc -l <<<"$err")" = 1 ] || fail "backup restore $* did not answer one line: $err"
    grep -q "$expect" <<<"$err" || fail "backup restore $*: $err"
}
mkdir "$WORK/full" && touch "$WORK/full/file"
refused "không phải thư mục trống" --target "$WORK/full"; ok
refused "trước khi bản sao lưu đầu tiên" --target "$WORK/early" --time 2020-01-01T00:00:00Z; ok
refused "is not a valid\|must be a moment" --target "$WORK/bad" --time "hôm qua" --lang en; ok
refused "tương lai" --target "$WORK/future" --time 2999-01-01T00:00:00Z; ok
[ ! -e "$WORK/early" ] && [ ! -e "$WORK/bad" ] || fail "a refused restore wrote something"; ok

# Restore to T, started on its own port: exactly the rows committed before T, and it takes writes.
start=$(date +%s.%N)
out=$("$TALENT" backup restore --target "$WORK/at-t" --time "$T" --start-port "$AT_T_PORT" 2>&1) \
    || fail "backup restore --time $T: $out"
seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
grep -q "127.0.0.1:$AT_T_PORT" <<<"$out" || fail "restore did not say where it runs: $out"
[ "$(agencies "$AT_T_PORT")" = BKA1,BKA2,BKB1,BKB2 ] || fail "restored to T: $(agencies "$AT_T_PORT")"; ok
[ "$(sql "$AT_T_PORT" -c "SELECT pg_is_in_recovery()")" = f ] || fail "the restored cluster is still in recovery"; ok
sql "$AT_T_PORT" -c "CREATE TABLE restore_check (n int); INSERT INTO restore_check VALUES (1)" >/dev/null; ok

# Restore without --time: everything archived.
out=$("$TALENT" backup restore --target "$WORK/latest" --start-port "$LATEST_PORT" --format json 2>&1) \
    || fail "backup restore (latest): $out"
[ "$(agencies "$LATEST_PORT")" = BKA1,BKA2,BKB1,BKB2,BKC1,BKC2 ] || fail "restored latest: $(agencies "$LATEST_PORT")"; ok

echo "backup: $checks checks passed (restore to T and start: ${seconds}s)"

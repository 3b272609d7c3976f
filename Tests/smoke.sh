#!/usr/bin/env bash
# End-to-end check of the built `talent` binary against the test cluster, as a user would run it:
# serve refuses pending migrations, migrate, demo data, the CLI and the API on one database, and /health
# going to 503 when PostgreSQL stops and back to 200 when it returns, without restarting the server.
# Run by `make test` after the Swift tests (TALENT_PG_DATA/TALENT_PG_PORT name the test cluster).
set -euo pipefail
TALENT="${1:-.build/debug/talent}"
source "$(dirname "$0")/lib.sh"
test_database "smoke_$$"
export TALENT_OPERATOR="Kiểm thử khói"
checks=0
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); }

API_PORT=$(free_port)
BASE="http://127.0.0.1:$API_PORT"

# serve refuses to start with pending migrations
if out=$("$TALENT" serve --host 127.0.0.1 --port "$API_PORT" 2>&1); then fail "serve started with pending migrations"; fi
grep -q "talent migrate" <<<"$out" || fail "serve did not say to run talent migrate: $out"; ok

"$TALENT" migrate >/dev/null; ok
"$TALENT" demo load >/dev/null; ok

# The server's outbox worker sends e-mail to a recording sendmail and retries a failed webhook after a second.
mail_dir=$(mktemp -d) hook_dir=$(mktemp -d)
cat > "$mail_dir/sendmail" <<SH
#!/bin/sh
cat > "$mail_dir/\$(date +%s%N).eml"
SH
chmod 755 "$mail_dir/sendmail"
export TALENT_SENDMAIL="$mail_dir/sendmail" TALENT_WEBHOOK_RETRY_SECONDS=1
start_server "$TALENT" "$API_PORT"
[ "$(curl -s "$BASE/health")" = '{"database":"ok","pool":"ok","status":"ok"}' ] || fail "health is not ok"; ok
# the API description comes from the binary's resource bundle (openapi.yaml), as YAML and as JSON
curl -sf -o /dev/null -w '%{content_type}' "$BASE/openapi.yaml" | grep -q '^application/yaml' || fail "no /openapi.yaml"; ok
curl -sf "$BASE/openapi.json" | grep -q '"openapi":"3.1.0"' || fail "no /openapi.json"; ok
# A problem's type is a page on this server that says what it means.
type=$(curl -s "$BASE/v1/candidates" | python3 -c 'import json,sys; print(json.load(sys.stdin)["type"])')
[ "$type" = "$BASE/problems/unauthenticated" ] || fail "problem type is $type"
curl -sf -H 'Accept-Language: en' "$type" | grep -q 'Not authenticated' || fail "no page at $type"; ok

# Sở Tư pháp's province-scoped officer (Sở Nội vụ's, agency-scoped, would not see the candidate the operator adds)
hr=$("$TALENT" user list --role hr --format csv | awk -F, '$5 == "duc.tran@demo.talent.vn" { print $1 }')
token=$("$TALENT" token issue --user "$hr" | tail -n 1)
id=$("$TALENT" candidate add --name "Nguyễn Thị Minh Thư" --citizen-id 082301777123 --format json \
     | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
name=$(curl -fs -H "Authorization: Bearer $token" "$BASE/v1/candidates/$id" \
       | python3 -c 'import json,sys; sys.stdout.buffer.write(json.load(sys.stdin)["full_name"].encode())' | od -An -tx1)
[ "$name" = "$(printf 'Nguyễn Thị Minh Thư' | od -An -tx1)" ] || fail "name did not round-trip byte for byte"; ok

status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
         -d '{"full_name": 1}' "$BASE/v1/candidates")
[ "$status" = 422 ] || fail "a wrong type answered $status"; ok
"$TALENT" audit list --entity "candidate:$id" | grep -q "Kiểm thử khói" || fail "audit does not name the actor"; ok

# The shipped 2025 reorganization: a dry run writes nothing, applying it retires the merged departments, again is a no-op
reorg=deploy/reorganizations/2025-dong-thap.json
"$TALENT" agency reorganize --file "$reorg" --dry-run | grep -q "Chạy thử, chưa ghi gì" || fail "no dry run"; ok
"$TALENT" agency list | grep -q "SKHDT" || fail "the dry run wrote something"; ok
"$TALENT" agency reorganize --file "$reorg" | grep -q "Đã áp dụng" || fail "the reorganization did not apply"; ok
! "$TALENT" agency list | grep -q "SKHDT" || fail "SKHDT is still active"; ok
"$TALENT" agency reorganize --file "$reorg" --lang en | grep -q "Nothing to change" || fail "a second run changed something"; ok

# Sở Nội vụ's HR officer on her own machine: no database credentials (an unreachable DATABASE_URL), only the
# server and her password. She adds a candidate and opens an application at her agency; Sở Tư pháp's application
# is not found to her, and both are found by Sở Tư pháp's province-scoped officer.
lan_home=$(mktemp -d) duc_home=$(mktemp -d)
trap 'rm -rf "$lan_home" "$duc_home" "$mail_dir" "$hook_dir"; cleanup' EXIT
as_lan() { HOME="$lan_home" DATABASE_URL=postgres://nobody@127.0.0.1:1/none TALENT_PASSWORD=demo-483-talent "$TALENT" "$@"; }
as_duc() { HOME="$duc_home" DATABASE_URL=postgres://nobody@127.0.0.1:1/none TALENT_PASSWORD=demo-483-talent "$TALENT" "$@"; }
as_lan login --server "$BASE" --email lan.nguyen@demo.talent.vn >/dev/null || fail "Lan could not sign in"; ok
[ "$(stat -c %a "$lan_home/.config/talent/credentials")" = 600 ] || fail "the credentials file is not 0600"; ok
as_lan whoami --format csv | grep -q ',SNV,' || fail "whoami does not say SNV"; ok
cid=$(as_lan candidate add --name "Lý Thị Hoa" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
snv_position=$(as_lan position list --format csv | awk -F, 'NR == 2 { print $1 }')
[ -n "$snv_position" ] || fail "Lan sees no position of her agency"
snv_app=$(as_lan application open --candidate "$cid" --position "$snv_position" --format json \
          | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || fail "Lan could not open an application"; ok
stp_app=$("$TALENT" application list --agency STP --format csv | awk -F, 'NR == 2 { print $1 }')
if out=$(as_lan application show "$stp_app" 2>&1); then fail "Lan read Sở Tư pháp's application"; fi
grep -q "Không tìm thấy" <<<"$out" || fail "Sở Tư pháp's application is not 'not found' to Lan: $out"; ok
as_duc login --server "$BASE" --email duc.tran@demo.talent.vn >/dev/null || fail "Đức could not sign in"; ok
as_duc application show "$snv_app" >/dev/null || fail "Đức cannot read Lan's application"; ok
as_duc application show "$stp_app" >/dev/null || fail "Đức cannot read his own agency's application"; ok
"$TALENT" audit list --entity "candidate:$cid" | grep -q "Nguyễn Thị Lan" || fail "the audit does not name Lan"; ok
as_lan referral list >/dev/null || fail "Lan cannot list referrals through the server"; ok
[ "$(as_lan partner list --format csv | wc -l)" -gt 1 ] || fail "Lan cannot list partners through the server"; ok
as_lan candidate export --out "$lan_home/snv.csv" 2>/dev/null || fail "Lan cannot export through the server"
grep -q "Lý Thị Hoa" "$lan_home/snv.csv" || fail "Lan's export lacks her candidate"
! grep -q "Nguyễn Thị Minh Thư" "$lan_home/snv.csv" || fail "Lan's export holds the operator's candidate"; ok
if as_lan report annual --year 2026 >/dev/null 2>&1; then fail "an agency-scoped officer read the province's annual report"; fi; ok
if out=$(as_lan demo load 2>&1); then fail "a server-host-only command ran with a server"; fi
grep -q "chỉ chạy trên máy chủ" <<<"$out" || fail "no clear message for a server-host-only command: $out"; ok
chmod 644 "$lan_home/.config/talent/credentials"
if out=$(as_lan whoami 2>&1); then fail "a credentials file others can read was used"; fi
grep -q "chmod 600" <<<"$out" || fail "no chmod advice: $out"; ok
chmod 600 "$lan_home/.config/talent/credentials"
as_lan logout >/dev/null || fail "logout failed"; ok
[ ! -e "$lan_home/.config/talent/credentials" ] || fail "logout left the token behind"; ok

# Documents: a PDF uploaded as multipart comes back byte for byte with its type; a text file named .pdf is 415.
weasyprint - "$hook_dir/cv.pdf" <<<'<html><meta charset=utf-8><p>Kỹ thuật soạn thảo văn bản</p></html>' 2>/dev/null \
    || fail "weasyprint could not make a PDF"
doc=$(curl -fs -H "Authorization: Bearer $token" -F kind=cv -F "file=@$hook_dir/cv.pdf;filename=Lý lịch.pdf" \
      "$BASE/v1/candidates/$id/documents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') \
    || fail "the document was not uploaded"; ok
curl -fs -H "Authorization: Bearer $token" -o "$hook_dir/back.pdf" -w '%{content_type}' "$BASE/v1/documents/$doc" \
    | grep -q '^application/pdf$' || fail "the document did not come back as a PDF"
cmp -s "$hook_dir/cv.pdf" "$hook_dir/back.pdf" || fail "the document did not come back byte for byte"; ok
printf 'plain text' > "$hook_dir/fake.pdf"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -F kind=cv -F "file=@$hook_dir/fake.pdf" \
         "$BASE/v1/candidates/$id/documents")
[ "$status" = 415 ] || fail "a text file named .pdf answered $status"; ok
curl -fs -H "Authorization: Bearer $token" "$BASE/v1/candidates?document=soan%20thao" | grep -q "$id" \
    || fail "the document's text does not find the candidate"; ok

# A partner's webhook, through the running server's worker: the receiver answers 500 once, then 204; both
# attempts carry the same delivery id and a signature the receiver checks with the secret.
hook_port=$(free_port)
python3 - "$hook_port" "$hook_dir" <<'PY' & hook_pid=$!
import http.server, json, os, sys
port, folder = int(sys.argv[1]), sys.argv[2]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        n = len([f for f in os.listdir(folder) if f.endswith(".json")])
        with open(os.path.join(folder, "%d.json" % n), "w") as f:
            json.dump({"headers": dict(self.headers), "body": body.decode()}, f)
        self.send_response(500 if n == 0 else 204)
        self.end_headers()
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", port), Hook).serve_forever()
PY
trap 'kill $hook_pid 2>/dev/null; rm -rf "$lan_home" "$duc_home" "$mail_dir" "$hook_dir"; cleanup' EXIT
secret=$("$TALENT" webhook add --partner CTU --url "http://127.0.0.1:$hook_port/hook" | tail -n 1)
ctu=$("$TALENT" token issue --partner CTU | tail -n 1)
nomination=$(curl -fs -H "Authorization: Bearer $ctu" -H 'Idempotency-Key: smoke-1' -H 'Content-Type: application/json' \
  -d '{"candidate": {"full_name": "Đặng Thu Thảo", "email": "thao.dang@example.edu.vn"},
       "nominator": {"name": "TS. Trần Văn An", "email": "an.tran@example.edu.vn"}, "relationship": "teacher",
       "justification": "Thủ khoa", "consent": {"obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"}}' \
  "$BASE/v1/nominations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || fail "the nomination failed"; ok
"$TALENT" nomination review "$nomination" >/dev/null || fail "the nomination could not be reviewed"; ok
for _ in $(seq 1 100); do [ -e "$hook_dir/1.json" ] && break; sleep 0.1; done
[ -e "$hook_dir/1.json" ] || fail "the webhook was not retried"
python3 - "$hook_dir" "$secret" "$nomination" <<'PY' || fail "the webhook's deliveries are wrong"
import hashlib, hmac, json, sys
folder, secret, nomination = sys.argv[1], sys.argv[2].encode(), sys.argv[3]
first, second = (json.load(open("%s/%d.json" % (folder, n))) for n in (0, 1))
for d in (first, second):
    expected = "sha256=" + hmac.new(secret, d["body"].encode(), hashlib.sha256).hexdigest()
    assert hmac.compare_digest(d["headers"]["X-Talent-Signature"], expected), "a bad signature"
    event = json.loads(d["body"])
    assert event["nomination_id"] == nomination and event["status"] == "under_review", event
assert first["headers"]["X-Talent-Delivery"] == second["headers"]["X-Talent-Delivery"]
PY
ok
"$TALENT" webhook deliveries --partner CTU --format csv | grep -q ",delivered," || fail "the delivery is not delivered"; ok
# The nominator's acknowledgment went through sendmail.
for _ in $(seq 1 50); do ls "$mail_dir"/*.eml >/dev/null 2>&1 && break; sleep 0.1; done
grep -lq "^To: an.tran@example.edu.vn" "$mail_dir"/*.eml 2>/dev/null || fail "no acknowledgment e-mail: $("$TALENT" mail deliveries --format csv)"; ok

# The audit trail: intact after all that, its head printed as an anchor; the application's role cannot edit it,
# and an entry the owner edits behind the trigger's back is named (exit 1), also with the anchor kept.
"$TALENT" audit verify >/dev/null || fail "audit verify failed on an intact trail"; ok
anchor=$("$TALENT" audit anchor)
grep -Eq '^[0-9]+:[0-9a-f]{64}$' <<<"$anchor" || fail "audit anchor printed $anchor"; ok
"$TALENT" audit verify --anchor "$anchor" >/dev/null || fail "audit verify refused its own anchor"; ok
if psql -X -q -d "$DATABASE_URL" -c "UPDATE audit_log SET actor = 'x'" >/dev/null 2>&1; then
    fail "the runtime role updated the audit trail"
fi
if psql -X -q -d "$DATABASE_URL" -c "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only" >/dev/null 2>&1; then
    fail "the runtime role disabled the audit trail's trigger"
fi; ok
psql -X -q -v ON_ERROR_STOP=1 -d "$DATABASE_MIGRATION_URL" >/dev/null <<'SQL'
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET actor = 'Người khác' WHERE seq = 3;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
SQL
if out=$("$TALENT" audit verify --lang en 2>&1); then fail "audit verify passed an edited trail"; fi
grep -q "broken at entry no. 3 " <<<"$out" || fail "audit verify did not name entry 3: $out"; ok
curl -fs -H "Authorization: Bearer $token" "$BASE/v1/audit/verify" >/dev/null 2>&1 && fail "an hr token read /v1/audit/verify"; ok

# PostgreSQL goes away and comes back; the server follows by itself.
deploy/local/db.sh stop >/dev/null 2>&1
status=$(curl -s -o /dev/null -m 15 -w '%{http_code}' "$BASE/health")
[ "$status" = 503 ] || fail "health answered $status with the database down"; ok
deploy/local/db.sh start >/dev/null 2>&1
for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] && break; sleep 0.2; done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] || fail "health did not recover"; ok
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$BASE/v1/candidates/$id")" = 200 ] \
    || fail "the API did not recover"; ok

echo "smoke: all $checks end-to-end checks passed"

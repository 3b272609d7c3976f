#!/usr/bin/env bash
# Nomination intake: POST /v1/nominations through the API (32 connections, unique Idempotency-Keys and people)
# against pgbench running the same SQL transaction on the same database, in the same run. Prints figures.
#
#   bench/nominations.sh [SECONDS] [ROUNDS]      (defaults 20 and 1; rounds alternate the two sides, the ratio is
#                                                 the median of the rounds)
#
# Uses the throwaway cluster of bench/candidates.sh (127.0.0.1:55434) and a fresh database; installs wrk if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
ROUNDS=${2:-1}
source bench/lib.sh
DB=bench_nominations

need_wrk
bench_setup
psql -X -q "$OWNER_PGURL/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
# Both sides commit every nomination; with each commit waiting for its flush, both wait on this shared machine's
# disk and the rounds disagree (from 0.89 to 2.03 in one run), measuring the disk rather than the work. So the
# database's commits do not wait for the flush (BENCH_SYNC=on keeps the wait), the same for both sides.
psql -X -q "$SUPER_PGURL/$DB" -c "ALTER DATABASE $DB SET synchronous_commit = ${BENCH_SYNC:-off}"
export DATABASE_URL="$PGURL/$DB" DATABASE_MIGRATION_URL="$OWNER_PGURL/$DB"
$T migrate >/dev/null
$T partner add --code BENCH --name "Trường Đại học Đo Tải" >/dev/null
agreement=$($T agreement add --partner BENCH --reference B/1 --starts 2020-01-01 --ends 2099-12-31 --format csv \
            | awk -F, 'NR == 2 { print $1 }')
$T agreement activate "$agreement" >/dev/null
token=$($T token issue --partner BENCH | tail -n 1)

# Each nomination queues an acknowledgment to its nominator, which the server's outbox worker pipes to sendmail while
# the benchmark runs: here a sendmail that takes the message and drops it (the worker's work is the server's, once per
# nomination, as on a real machine; a missing sendmail would retry every message again and again instead).
printf '#!/bin/sh\ncat >/dev/null\n' > "$WORK/sendmail"; chmod +x "$WORK/sendmail"
TALENT_SENDMAIL="$WORK/sendmail" TALENT_PARTNER_RATE_PER_MINUTE=100000000 bench_serve --pool-size "${POOL:-12}"

cat > "$WORK/nominate.lua" <<LUA
local counter = 0
function setup(thread) thread:set("tid", math.random(1, 99999)) end
request = function()
  counter = counter + 1
  local n = tid * 10000000 + counter
  local body = string.format([[{"candidate": {"full_name": "Nguyễn Thị Minh Thư", "date_of_birth": "2001-05-14",
    "citizen_id": "%012d", "email": "wrk%d@example.edu.vn",
    "education": [{"degree": "bachelor", "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                   "graduation_year": 2023, "classification": "excellent"}]},
    "nominator": {"name": "TS. Trần Văn An", "title": "Trưởng khoa", "email": "an.tran@example.edu.vn"},
    "relationship": "teacher", "justification": "Thủ khoa đầu ra.",
    "consent": {"obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"}}]], n, n)
  -- wrk.format replaces wrk.headers with the table given, so every header goes here.
  return wrk.format("POST", "/v1/nominations", {["Authorization"] = "Bearer $token",
                    ["Content-Type"] = "application/json", ["Idempotency-Key"] = "wrk-" .. n}, body)
end
LUA

# The statements the API sends for a new person, as PostgreSQL logs them (log_statement = all), with parameters of
# the same values and sizes: the token lookup, the partner's rate-limit bucket (RateLimitTable.take), then one
# transaction (NominationService.submit): the key's lock and stored answer, the work (the person, the education record,
# the referral, the nomination, the status the partner follows with its row lock, the acknowledgment queued for the
# nominator, the consent, the audit entries), the answer. Compared with the log again after issue 17.
token_hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
token_id=$($T token list --format csv | awk -F, 'NR == 2 { print $1 }')
partner_name="Trường Đại học Đo Tải"
cat > "$WORK/nominate.sql" <<SQL
\set n random(1, 999999999999)
SELECT t.id, t.user_id, t.partner_code, coalesce(u.name, p.name), coalesce(u.role, 'partner'), t.prefix,
       t.created_at, t.expires_at, t.revoked_at, t.last_used_at
FROM access_tokens t LEFT JOIN staff_users u ON u.id = t.user_id LEFT JOIN partners p ON p.code = t.partner_code
WHERE t.secret_hash = '\\x$token_hash'::bytea;
WITH clock AS (SELECT clock_timestamp() AS now),
taken AS (
    INSERT INTO rate_limits AS r (partner_code, tokens, refilled_at)
    SELECT 'BENCH', 100000000::float8 - 1, now FROM clock
    ON CONFLICT (partner_code) DO UPDATE
        SET tokens = least(100000000::float8, r.tokens + greatest(0, extract(epoch FROM EXCLUDED.refilled_at
                           - r.refilled_at))::float8 * 1666666.6666666667::float8) - 1,
            refilled_at = EXCLUDED.refilled_at
        WHERE least(100000000::float8, r.tokens + greatest(0, extract(epoch FROM EXCLUDED.refilled_at
                    - r.refilled_at))::float8 * 1666666.6666666667::float8) >= 1
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM taken),
       (SELECT least(100000000::float8, b.tokens + greatest(0, extract(epoch FROM c.now - b.refilled_at))::float8
                     * 1666666.6666666667::float8)
        FROM rate_limits b, clock c WHERE b.partner_code = 'BENCH');
BEGIN;
SELECT pg_try_advisory_xact_lock(hashtextextended('BENCH:pgb-' || :n, 0));
SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE partner_code = 'BENCH' AND key = 'pgb-' || :n;
SELECT id, partner_code, reference, title, signed_on::text, starts_on::text, ends_on::text, status, fields, yearly_quota,
training, notes, version, created_at, updated_at FROM agreements WHERE ('BENCH'::text IS NULL OR partner_code = 'BENCH')
ORDER BY partner_code, starts_on, reference LIMIT 1000;
SELECT pg_advisory_xact_lock(hashtextextended('citizen_id:' || lpad(:n::text, 12, '0'), 483));
SELECT c.id, c.full_name, c.date_of_birth::text, c.gender, c.citizen_id, c.email, c.phone, c.province, c.sector,
c.current_employer, c.current_title, c.legal_experience_years, c.skills, c.languages, c.notes, c.version,
c.created_at, c.updated_at, (extract(epoch FROM c.created_at) * 1000000)::bigint, c.sort_key,
ARRAY(SELECT concat_ws(chr(31), e.degree, coalesce(e.field, chr(30)), coalesce(e.institution, chr(30)),
                       coalesce(e.graduation_year::text, chr(30)), coalesce(e.classification, chr(30)))
      FROM candidate_education e WHERE e.candidate_id = c.id ORDER BY e.ordinal) FROM candidates c
WHERE (c.citizen_id = lpad(:n::text, 12, '0') OR c.email = 'pgb' || :n || '@example.edu.vn' OR c.phone = NULL)
  AND (NULL::uuid IS NULL OR c.id <> NULL);
INSERT INTO candidates (full_name, search_name, sort_key, date_of_birth, gender, citizen_id, email, phone,
                        province, sector, current_employer, current_title, legal_experience_years, skills,
                        languages, notes)
VALUES ('Nguyễn Thị Minh Thư', 'nguyen thi minh thu', 'ZL0RK[\`IR000030ZLM005QMRL0000', '2001-05-14'::date, NULL,
        lpad(:n::text, 12, '0'), 'pgb' || :n || '@example.edu.vn', NULL, NULL, NULL, NULL, NULL, NULL, '{}', '{}', NULL)
RETURNING id AS cid, version, created_at, updated_at \gset
INSERT INTO candidate_education (candidate_id, ordinal, degree, field, institution, institution_folded,
                                 graduation_year, classification)
VALUES (':cid', 0, 'bachelor', 'law', 'Trường Đại học Luật TP. Hồ Chí Minh', 'truong dai hoc luat tp. ho chi minh', 2023, 'excellent');
INSERT INTO referrals (candidate_id, referrer_kind, referrer_name, referrer_title, referrer_email, referrer_user_id,
                       referrer_agency_code, referrer_partner_code, relationship, justification, channel,
                       credited, created_by)
VALUES (':cid', 'partner', 'TS. Trần Văn An', 'Trưởng khoa', 'an.tran@example.edu.vn', NULL, NULL, 'BENCH', 'teacher',
        'Thủ khoa đầu ra.', 'nomination',
        NOT EXISTS (SELECT 1 FROM referrals WHERE candidate_id = ':cid' AND credited
                    AND created_at > now() - make_interval(months => 12)),
        '$partner_name')
RETURNING id AS rid, candidate_id, referrer_kind, referrer_name, referrer_title, referrer_email, referrer_user_id,
referrer_agency_code, referrer_partner_code, relationship, justification, channel, credited, created_by, created_at,
(extract(epoch FROM created_at) * 1000000)::bigint AS micros \gset
INSERT INTO nominations (partner_code, agreement_id, candidate_id, referral_id, position_id, application_id,
                         submitted, consent_obtained_at, consent_notice_version)
VALUES ('BENCH', '$agreement', ':cid', ':rid', NULL, NULL,
        '{"candidate":{"citizen_id":"00000000000:n","date_of_birth":"2001-05-14","education":[{"classification":"excellent","degree":"bachelor","field":"law","graduation_year":2023,"institution":"Trường Đại học Luật TP. Hồ Chí Minh"}],"email":"wrk:n@example.edu.vn","full_name":"Nguyễn Thị Minh Thư"},"consent":{"notice_version":"2026-01","obtained_at":"2026-11-02T09:00:00Z"},"justification":"Thủ khoa đầu ra.","nominator":{"email":"an.tran@example.edu.vn","name":"TS. Trần Văn An","title":"Trưởng khoa"},"relationship":"teacher"}'::jsonb,
        '2026-11-02 09:00:00+00', '2026-01')
RETURNING id AS nid, created_at \gset
SELECT 1 FROM nominations WHERE candidate_id = ANY('{:cid}'::uuid[]) ORDER BY id FOR UPDATE;
WITH current AS (
    SELECT id, status AS before, nomination_status(id) AS after FROM nominations
    WHERE candidate_id = ANY('{:cid}'::uuid[])
)
UPDATE nominations n SET status = current.after, status_changed_at = clock_timestamp()
FROM current WHERE n.id = current.id AND current.after IS DISTINCT FROM current.before
RETURNING n.id, n.partner_code, current.before, current.after, n.status_changed_at;
SELECT code, name, kind, contact_name, contact_email, contact_phone, version, created_at, updated_at FROM partners WHERE code = 'BENCH';
INSERT INTO outbox (channel, event, recipient, candidate_id, body)
VALUES ('email', 'nomination.received', 'an.tran@example.edu.vn', ':cid',
        '{"candidate_name":"Nguyễn Thị Minh Thư","nomination_id":":nid","nominator_name":"TS. Trần Văn An","partner_name":"$partner_name","submitted_on":"03/12/2026"}');
UPDATE consents SET superseded_at = now()
WHERE candidate_id = ':cid' AND purpose = 'recruitment' AND withdrawn_at IS NULL AND superseded_at IS NULL
RETURNING id, candidate_id, purpose, notice_version, channel, obtained_at, expires_on::text, evidence, nomination_id,
recorded_by, recorded_at, superseded_at, withdrawn_at, withdrawal_reason, withdrawn_by;
INSERT INTO consents (candidate_id, purpose, notice_version, channel, obtained_at, expires_on, evidence, nomination_id,
                      recorded_by)
VALUES (':cid', 'recruitment', '2026-01', 'partner', '2026-11-02 09:00:00+00', NULL::date, 'nomination:' || ':nid', ':nid',
        '$partner_name')
RETURNING id AS kid, candidate_id, purpose, notice_version, channel, obtained_at, expires_on::text, evidence, nomination_id,
recorded_by, recorded_at, superseded_at, withdrawn_at, withdrawal_reason, withdrawn_by \gset
INSERT INTO audit_log (actor, role, channel, action, entity_type, entity_id, changes, actor_user_id, token_id)
SELECT '$partner_name', 'partner', 'api', e.action, e.entity_type, e.entity_id, e.changes::jsonb, NULL, '$token_id'
FROM unnest('{candidate.add,referral.add,consent.record,nomination.submit}'::text[],
            '{candidate,referral,candidate,nomination}'::text[], ARRAY[':cid', ':rid', ':cid', ':nid'],
            ARRAY['{"after":{"id":":cid","full_name":"Nguyễn Thị Minh Thư","date_of_birth":"2001-05-14","gender":null,"citizen_id":"00000000000:n","email":"wrk:n@example.edu.vn","phone":null,"province":null,"education":[{"degree":"bachelor","field":"law","institution":"Trường Đại học Luật TP. Hồ Chí Minh","graduation_year":2023,"classification":"excellent"}],"sector":null,"current_employer":null,"current_title":null,"legal_experience_years":null,"skills":[],"languages":[],"notes":null,"version":1,"created_at":"2026-11-30T04:35:16Z","updated_at":"2026-11-30T04:35:16Z"}}',
                  '{"candidate_id":":cid","after":{"candidate_id":":cid","channel":"nomination","created_at":"2026-11-30T04:35:16Z","created_by":"$partner_name","credited":true,"id":":rid","justification":"Thủ khoa đầu ra.","referrer_agency_code":null,"referrer_email":"an.tran@example.edu.vn","referrer_kind":"partner","referrer_name":"TS. Trần Văn An","referrer_partner_code":"BENCH","referrer_title":"Trưởng khoa","referrer_user_id":null,"relationship":"teacher"}}',
                  '{"after":{"id":":kid","candidate_id":":cid","purpose":"recruitment","status":"active","notice_version":"2026-01","channel":"partner","obtained_at":"2026-11-02T09:00:00Z","expires_on":null,"evidence":"nomination::nid","nomination_id":":nid","recorded_by":"$partner_name","recorded_at":"2026-11-30T04:35:16Z","superseded_at":null,"withdrawn_at":null,"withdrawal_reason":null,"withdrawn_by":null}}',
                  '{"agreement_id":"$agreement","candidate_id":":cid","referral_id":":rid"}']) WITH ORDINALITY AS e(action, entity_type, entity_id, changes, n)
ORDER BY e.n;
INSERT INTO idempotency_keys (partner_code, key, request_hash, state, response_status, response_body)
VALUES ('BENCH', 'pgb-' || :n, '$token_hash', 'done', 201, '{"id":":nid","status":"received","submitted_at":"2026-11-30T04:35:16Z"}')
ON CONFLICT (partner_code, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, state = 'done',
    response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body, created_at = now();
COMMIT;
SQL

# wrk keeps 32 connections open to the API, which runs them on its pool of POOL connections to PostgreSQL; pgbench
# runs the same transaction on as many connections as that pool (more would only make PostgreSQL's backends compete
# for the 2 cores and the same locks, and slow the limit down).
CLIENTS=${POOL:-12}
echo "== nomination intake, wrk 32 connections (pool ${CLIENTS}), pgbench ${CLIENTS} clients, $ROUNDS rounds of ${SECONDS_EACH} s each side after a warm-up"
wrk -t 2 -c 32 -d 5s -s "$WORK/nominate.lua" "http://127.0.0.1:$API_PORT" >/dev/null 2>&1
pgbench -n -c "$CLIENTS" -j 2 -T 5 -f "$WORK/nominate.sql" "$DATABASE_URL" >/dev/null 2>&1
: > "$WORK/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
    wrk -t 2 -c 32 -d "${SECONDS_EACH}s" --latency -s "$WORK/nominate.lua" "http://127.0.0.1:$API_PORT" > "$WORK/wrk.txt" 2>&1
    api=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
    stored=$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM nominations")
    pgbench -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -f "$WORK/nominate.sql" "$DATABASE_URL" > "$WORK/pgbench.txt" 2>&1
    sql=$(awk '/^tps/ { print $3 }' "$WORK/pgbench.txt")
    failed=$(grep -ciE "aborted|error" "$WORK/pgbench.txt" || true)
    pgstored=$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM idempotency_keys WHERE key LIKE 'pgb-%' AND state = 'done'")
    printf '  round %d: API %8.1f nominations/s (non-2xx: %s; %s stored)   pgbench %8.1f transactions/s (errors: %s; %s stored)   ratio %.2f\n' \
        "$round" "$api" "${non2xx:-0}" "$stored" "$sql" "$failed" "$pgstored" "$(echo "$api / $sql" | bc -l)"
    grep -E "^ +(50|99)%" "$WORK/wrk.txt" | sed 's/^/      API latency /'
    echo "$api $sql" >> "$WORK/rounds.txt"
done
python3 - "$WORK/rounds.txt" <<'PY'
import statistics, sys
rounds = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
api = statistics.median(a for a, _ in rounds); sql = statistics.median(s for _, s in rounds)
ratio = statistics.median(a / s for a, s in rounds)
print(f"  median: API {api:.1f} nominations/s, pgbench {sql:.1f}/s, ratio {ratio:.2f} (goal >= 0.7)")
print(f"RESULT\tnomination intake (POST /v1/nominations, 32 connections)\t{api:.0f} nominations/s\tpgbench, same transaction: {sql:.0f}/s\t{ratio:.2f}\t>= 0.7")
PY

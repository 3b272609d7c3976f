#!/usr/bin/env bash
# Leadership reports on a million candidates with their applications and stage history: the pipeline report (whole,
# and grouped by agency) and the targets report through the API, against the same SQL run directly (pgbench), in
# the same run. Prints p50 and p95 of each and their ratio; the goal is ≤ 1.3×.
#
#   bench/reports.sh [CANDIDATES] [REQUESTS]      (defaults 1000000 and 12)
#   ONLY=targets bench/reports.sh               (only the routes whose path contains ONLY)
#
# Uses the throwaway cluster of bench/candidates.sh (127.0.0.1:55434) and its `bench` database; BENCH_REUSE=1 keeps
# the candidates, applications and history of an earlier run. "The same SQL" is what the API sent, taken from
# PostgreSQL's own log (log_statement = all) with its parameters written in: the token lookup and the report's
# statements, run one after another on one connection, as the API does.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
REQUESTS=${2:-12}
source bench/lib.sh
DB=bench

bench_setup
export DATABASE_URL="$PGURL/$DB" DATABASE_MIGRATION_URL="$OWNER_PGURL/$DB"
have=$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM candidates" 2>/dev/null || echo 0)
if [ "${BENCH_REUSE:-}" = 1 ] && [ "$have" -ge "$N" ]; then
    echo "== reusing $have candidates"
else
    psql -X -q "$OWNER_PGURL/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
    $T migrate >/dev/null
    echo "== generating $N candidates (COPY)"
    $T demo generate --candidates "$N" --as bench >/dev/null
fi
$T migrate >/dev/null
apps=$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM applications")
if [ "$apps" -lt "$N" ]; then
    echo "== generating an application per candidate, with its stage history"
    t0=$(now)
    psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_MIGRATION_URL" <<'SQL'
TRUNCATE application_stage_history, applications CASCADE;
-- Loaded in bulk, with migration 0020's row triggers off: a million applications and three million stage changes in
-- one transaction would update the same few hundred counter rows millions of times (each update a new row version
-- that its own transaction cannot prune). Each change gets its position and agency here, and the counts are computed
-- afterwards by the migration's own function.
ALTER TABLE applications DISABLE TRIGGER applications_pipeline_counts;
ALTER TABLE application_stage_history DISABLE TRIGGER application_stage_history_position,
    DISABLE TRIGGER application_stage_history_counts;
DELETE FROM positions;
-- Openings as the plan asks: a legal-affairs officer in every department, the Department of Justice's core force.
INSERT INTO positions (agency_code, title, kind, openings)
SELECT code, 'Công chức pháp chế chuyên trách', 'legal_affairs_officer', 1 FROM agencies WHERE kind = 'department'
UNION ALL SELECT code, 'Chuyên viên tham mưu xây dựng pháp luật', 'drafting_advisor', 2 FROM agencies WHERE kind = 'department'
UNION ALL SELECT 'STP', 'Chuyên viên nòng cốt xây dựng pháp luật', 'core_drafting_officer', 3
UNION ALL SELECT code, 'Chuyên viên pháp lý', 'other', 1 FROM agencies WHERE kind = 'district';
CREATE TEMP TABLE pos AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM positions;
-- One application a candidate, at a stage drawn from a realistic mix, opened in the last two years.
CREATE TEMP TABLE gen AS
SELECT c.id AS candidate_id, p.id AS position_id,
       CASE WHEN h < 20 THEN 'nominated' WHEN h < 40 THEN 'screening' WHEN h < 55 THEN 'evaluation'
            WHEN h < 65 THEN 'interview' WHEN h < 70 THEN 'offer' WHEN h < 73 THEN 'hired' WHEN h < 80 THEN 'pool'
            WHEN h < 92 THEN 'rejected' ELSE 'withdrawn' END AS stage,
       now() - (abs(hashtext(c.id::text || 'd')) % 700) * interval '1 day' AS opened
FROM (SELECT id, abs(hashtext(id::text)) % 100 AS h, abs(hashtext(id::text || 'p')) AS k FROM candidates) c
JOIN pos p ON p.n = c.k % (SELECT count(*) FROM pos);
-- The path each stage was reached by: the forward steps, then pool, rejected or withdrawn.
CREATE TEMP TABLE paths (stage text, steps text[]);
INSERT INTO paths VALUES
  ('nominated', '{nominated}'), ('screening', '{nominated,screening}'),
  ('evaluation', '{nominated,screening,evaluation}'), ('interview', '{nominated,screening,evaluation,interview}'),
  ('offer', '{nominated,screening,evaluation,interview,offer}'),
  ('hired', '{nominated,screening,evaluation,interview,offer,hired}'),
  ('pool', '{nominated,screening,evaluation,pool}'), ('rejected', '{nominated,screening,rejected}'),
  ('withdrawn', '{nominated,withdrawn}');
WITH inserted AS (
    INSERT INTO applications (candidate_id, position_id, stage, stage_entered_at, created_at, updated_at)
    SELECT g.candidate_id, g.position_id, g.stage,
           g.opened + (array_length(p.steps, 1) - 1) * interval '9 days', g.opened, g.opened
    FROM gen g JOIN paths p ON p.stage = g.stage
    RETURNING id, stage, created_at, position_id
)
INSERT INTO application_stage_history (application_id, from_stage, to_stage, actor, channel, at, left_at, first_entry,
                                       position_id, agency_code)
SELECT i.id, CASE WHEN s.n > 1 THEN p.steps[s.n - 1] END, p.steps[s.n], 'bench', 'cli',
       i.created_at + (s.n - 1) * interval '9 days' + (abs(hashtext(i.id::text)) % 5) * interval '1 day',
       CASE WHEN s.n < array_length(p.steps, 1)
            THEN i.created_at + s.n * interval '9 days' + (abs(hashtext(i.id::text)) % 5) * interval '1 day' END,
       true, i.position_id, ps.agency_code
FROM inserted i JOIN paths p ON p.stage = i.stage JOIN positions ps ON ps.id = i.position_id
CROSS JOIN LATERAL generate_series(1, array_length(p.steps, 1)) AS s(n)
ORDER BY i.id, s.n;
SELECT pipeline_counts_recount();
ALTER TABLE applications ENABLE TRIGGER applications_pipeline_counts;
ALTER TABLE application_stage_history ENABLE TRIGGER application_stage_history_position,
    ENABLE TRIGGER application_stage_history_counts;
VACUUM ANALYZE applications;
VACUUM ANALYZE application_stage_history;
VACUUM ANALYZE positions;
SQL
    t1=$(now)
    printf 'generated %s applications and %s stage changes in %.0f s\n' \
        "$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM applications")" \
        "$(psql -X -q -t -A "$DATABASE_URL" -c "SELECT count(*) FROM application_stage_history")" "$(echo "$t1 - $t0" | bc)"
fi

token=$(staff_token "Bench Leadership" leadership)
ROUTES=()
for route in "/v1/reports/pipeline" "/v1/reports/pipeline?group_by=agency" "/v1/reports/targets"; do
    [[ "$route" == *"${ONLY:-}"* ]] && ROUTES+=("$route")
done

# Capture the statements the API sends for each route, with their parameters, from PostgreSQL's log.
LOG="$(psql -X -q -t -A "$SUPER_PGURL/$DB" -c "SHOW data_directory")/server.log"
psql -X -q "$SUPER_PGURL/$DB" -c "ALTER DATABASE $DB SET log_statement = 'all'"
bench_serve
for i in "${!ROUTES[@]}"; do
    mark=$(wc -l < "$LOG")
    curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$API_PORT${ROUTES[$i]}"
    sleep 0.3
    tail -n +"$((mark + 1))" "$LOG" > "$WORK/log.$i"
done
bench_stop
psql -X -q "$SUPER_PGURL/$DB" -c "ALTER DATABASE $DB RESET log_statement"
for i in "${!ROUTES[@]}"; do
    python3 bench/statements.py "$WORK/log.$i" > "$WORK/route.$i.sql"
done

echo "== report latency, $REQUESTS requests each, one connection (warm cache)"
bench_serve
cat > "$WORK/api.py" <<'PY'
import http.client, sys, time
port, token, path, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
conn = http.client.HTTPConnection('127.0.0.1', port, timeout=600)
for i in range(n):
    t = time.perf_counter()
    conn.request('GET', path, headers={'Authorization': 'Bearer ' + token})
    r = conn.getresponse(); r.read()
    assert r.status == 200, r.status
    print((time.perf_counter() - t) * 1000)
PY
for i in "${!ROUTES[@]}"; do
    python3 "$WORK/api.py" "$API_PORT" "$token" "${ROUTES[$i]}" 2 >/dev/null   # warm up
    pgbench -n -c 1 -t 2 -f "$WORK/route.$i.sql" "$DATABASE_URL" >/dev/null 2>&1
    : > "$WORK/api.$i.txt"; : > "$WORK/sql.$i.txt"
    for round in 1 2; do   # alternate, so both sides see the same machine
        python3 "$WORK/api.py" "$API_PORT" "$token" "${ROUTES[$i]}" "$((REQUESTS / 2))" >> "$WORK/api.$i.txt"
        rm -f "$WORK"/pgb.*
        pgbench -n -c 1 -t "$((REQUESTS / 2))" -f "$WORK/route.$i.sql" -l --log-prefix="$WORK/pgb" "$DATABASE_URL" >/dev/null 2>&1
        cat "$WORK"/pgb.* | awk '{print $3 / 1000}' >> "$WORK/sql.$i.txt"
    done
    python3 - "${ROUTES[$i]}" "$WORK/api.$i.txt" "$WORK/sql.$i.txt" "$(grep -c ';$' "$WORK/route.$i.sql")" <<'PY'
import sys
def pct(xs, p): xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
route, statements = sys.argv[1], sys.argv[4]
api = [float(x) for x in open(sys.argv[2])]; sql = [float(x) for x in open(sys.argv[3])]
print(f"  GET {route}   ({statements} statements)")
for name, xs in (("API (HTTP, JSON, auth)", api), ("SQL direct (pgbench)", sql)):
    print(f"    {name:24s} p50 {pct(xs, 50):8.1f} ms   p95 {pct(xs, 95):8.1f} ms   n={len(xs)}")
print(f"    ratio API/SQL            p50 {pct(api, 50) / pct(sql, 50):8.2f}x    p95 {pct(api, 95) / pct(sql, 95):8.2f}x   (goal <= 1.3x)")
if "group_by=agency" in route:
    print(f"RESULT\tGET {route}, p95\t{pct(api, 95):.0f} ms\t1 s (the same SQL: {pct(sql, 95):.0f} ms)\t{pct(api, 95):.0f}\t<= 1000")
else:
    print(f"RESULT\tGET {route}, p95\t{pct(api, 95):.1f} ms\tthe same SQL: {pct(sql, 95):.1f} ms\t{pct(api, 95) / pct(sql, 95):.2f}\t<= 1.3")
PY
done

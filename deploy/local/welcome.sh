#!/usr/bin/env bash
# Printed by `make run` before the API starts: how to use the CLI and the API, with a fresh token to try.
set -euo pipefail
TALENT="$1" HOST="$2" PORT="$3"
hr_id=$("$TALENT" user list --role hr --format csv | awk -F, 'NR == 2 { print $1 }')
admin_id=$("$TALENT" user list --role admin --format csv | awk -F, 'NR == 2 { print $1 }')
leader_id=$("$TALENT" user list --role leadership --format csv | awk -F, 'NR == 2 { print $1 }')
token=""
[ -n "$hr_id" ] && token=$("$TALENT" token issue --user "$hr_id" --expires-in 7 --as "make run" | tail -n 1)
cat <<TEXT

  Talent tracker — the API is starting on http://$HOST:$PORT (Ctrl-C stops it)

  CLI (HR staff, administrators), from this folder:
    $TALENT candidate list
    $TALENT candidate add --name "Nguyễn Thị Minh Thư" --dob 2001-05-14 --citizen-id 082301000123 --phone 0912345678
    $TALENT candidate search "nguyen thu"
    $TALENT audit list
    $TALENT --help

  API: a token for the demo HR officer (valid 7 days; issue others with
  \`$TALENT token issue --user USER_ID\`, users from \`$TALENT user list\`):
    export TOKEN=$token
    curl -s http://$HOST:$PORT/health
    curl -s -H "Authorization: Bearer \$TOKEN" http://$HOST:$PORT/v1/candidates?q=nguyen
    curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
         -d '{"full_name": "Trần Văn Bình", "email": "binh.tran@example.vn"}' http://$HOST:$PORT/v1/candidates
  The OpenAPI document: http://$HOST:$PORT/openapi.json

  Leadership: open http://$HOST:$PORT/dashboard and sign in as the demo leader
    nam.vo@demo.talent.vn, password demo-483-talent (every demo account has it)
  Evaluators: open http://$HOST:$PORT/evaluate and sign in as hai.le@demo.talent.vn (same password)
  and the reports: $TALENT report pipeline | targets | partners | referrers; $TALENT report annual --year $(date +%Y)
  Demo administrator's user id: $admin_id

TEXT

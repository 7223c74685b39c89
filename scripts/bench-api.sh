#!/usr/bin/env bash
# Benchmarks the analyst API's timeline over 10M stored events.
#   scripts/bench-api.sh [requests per case, default 200]
# The 10M rows are generated straight into the timeline index (aw_timeline) with SQL
# generate_series, in schema bench_api (kept between runs): ingesting 10M CloudTrail records
# through the parser would take hours here. 500 principals over 60 days (~333 rows per
# principal-day). The raw records are not generated, so the pages measured leave raw out
# (the API's default). Then `activitywatch serve` (daemon disabled) answers curl requests over
# loopback; p50/p95 are of curl's total time, connection set-up included.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-200}"
PORT="${BENCH_PORT:-5099}"
if [[ -z "${ActivityWatch__Postgres__ConnectionString:-}" ]]; then
  PG_URL="$("$ROOT/scripts/postgres.sh" start)"   # set -e stops here if PostgreSQL cannot start
  export ActivityWatch__Postgres__ConnectionString="$PG_URL"
fi
export ActivityWatch__Postgres__Schema=bench_api
export ActivityWatch__Projections__Daemon=Disabled
PSQL_URL="$(sed -E 's/Host=([^;]+);Port=([^;]+);Database=([^;]+);Username=([^;]+);Password=([^;]+).*/postgresql:\/\/\4:\5@\1:\2\/\3/' <<< "$ActivityWatch__Postgres__ConnectionString")"
psql() { command psql "$PSQL_URL" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Creating a key also creates the schema (Marten applies it on start).
KEY="$("$ROOT/scripts/activitywatch" apikeys create --name "bench-$(date +%s)" --role viewer --format json | sed -nE 's/.*"secret": "([^"]+)".*/\1/p')"

TARGET=10000000
HAVE="$(psql -c "SELECT count(*) FROM bench_api.aw_timeline")"
if (( HAVE < TARGET )); then
  echo "generating $((TARGET - HAVE)) timeline rows (chunks of 1M)..." >&2
  START="$(date +%s)"
  for (( from = HAVE; from < TARGET; from += 1000000 )); do
    to=$(( from + 1000000 < TARGET ? from + 1000000 : TARGET ))
    psql <<SQL
INSERT INTO bench_api.aw_timeline (event_id, event_time, source, record_id, principal, session_name, identity_type, account_id,
  event_source, event_name, aws_region, source_ip, user_agent, error_code, access_key_id, mfa, source_object)
SELECT gen_random_uuid(),
       date_trunc('hour', now()) - make_interval(secs => (i * 7919) % (60 * 86400)),
       'cloudtrail', md5(i::text),
       'arn:aws:iam::11111111111' || (i % 4) || ':user/user' || (i % 500), NULL, 'IAMUser', '11111111111' || (i % 4),
       (ARRAY['s3.amazonaws.com','ec2.amazonaws.com','iam.amazonaws.com','sts.amazonaws.com','kms.amazonaws.com','lambda.amazonaws.com'])[1 + i % 6],
       (ARRAY['GetObject','PutObject','ListBuckets','DescribeInstances','RunInstances','GetCallerIdentity','AssumeRole','Decrypt',
              'CreateUser','DeleteObject','ListFunctions','DeleteBucket'])[1 + (i / 7) % 12],
       (ARRAY['us-east-1','eu-west-1','ap-southeast-2'])[1 + i % 3],
       '10.' || (i % 4) || '.' || ((i / 13) % 256) || '.' || (1 + i % 250),
       'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian.12',
       CASE WHEN i % 40 = 0 THEN 'AccessDenied' END,
       'AKIA' || upper(substr(md5((i % 500)::text), 1, 16)),
       (i % 3 = 0),
       'bench://generated'
FROM generate_series($from::bigint, $((to - 1))::bigint) AS i;
SQL
    echo "  $to rows" >&2
  done
  psql -c "ANALYZE bench_api.aw_timeline"
  echo "generated in $(( $(date +%s) - START )) s" >&2
fi

dotnet "$ROOT/.data/bin/activitywatch.dll" serve --urls "http://127.0.0.1:$PORT" > /tmp/bench-api-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

measure() {
  local name="$1" url="$2"
  # Two warm-up requests: JIT and the connection pool, not the steady state being measured.
  for _ in 1 2; do curl -fs -o /dev/null -H "Authorization: Bearer $KEY" "$url"; done
  # A case that finds nothing would measure nothing: say how many items the page holds.
  local items
  items="$(curl -fs -H "Authorization: Bearer $KEY" "$url" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')"
  local times
  times="$(for _ in $(seq 1 "$N"); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $KEY" "$url"; done | sort -n)"
  local p50 p95
  p50="$(sed -n "$(( (N * 50 + 99) / 100 ))p" <<< "$times")"
  p95="$(sed -n "$(( (N * 95 + 99) / 100 ))p" <<< "$times")"
  printf '%-40s p50 %6.1f ms   p95 %6.1f ms   (n=%d, %d items per page)\n' "$name" "$(awk "BEGIN{print $p50*1000}")" "$(awk "BEGIN{print $p95*1000}")" "$N" "$items"
}

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
NOW="$(date -u +%Y-%m-%dT%H:00:00Z)"
DAY_AGO="$(date -u -d '-1 day' +%Y-%m-%dT%H:00:00Z)"
MONTH_AGO="$(date -u -d '-30 days' +%Y-%m-%dT%H:00:00Z)"
P="$(enc 'arn:aws:iam::111111111111:user/user17')"
BASE="http://127.0.0.1:$PORT/api/timeline?limit=100"

echo "timeline rows: $(psql -c "SELECT count(*) FROM bench_api.aw_timeline"); machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo)"
measure "principal, one day, page of 100" "$BASE&principal=$P&since=$DAY_AGO&until=$NOW"
measure "principal, 30 days, page of 100" "$BASE&principal=$P&since=$MONTH_AGO&until=$NOW"
measure "query string, one day, page of 100" "$BASE&since=$DAY_AGO&until=$NOW&q=$(enc 'eventName:Delete* AND NOT errorCode:* AND sourceIp:10.1.0.0/16')"
measure "query string + principal, 30 days" "$BASE&since=$MONTH_AGO&until=$NOW&q=$(enc 'principal:"arn:aws:iam::111111111111:user/user17" AND (eventName:Get* OR errorCode:*)')"
measure "principal, one day, page + histogram" "$BASE&principal=$P&since=$DAY_AGO&until=$NOW&histogram=true"

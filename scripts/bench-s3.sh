#!/usr/bin/env bash
# Ingest throughput from the local S3 server versus from the same files on local disk, in one run:
# simulated logs (`activitywatch simulate`) are uploaded to the S3 server of
# scripts/services/s3-sqs.sh, then `activitywatch ingest DIR` and `activitywatch ingest s3://bench/`
# each run into a fresh schema. Prints records/s for both and the ratio (target >= 0.8).
#   scripts/bench-s3.sh [DAYS] [PRINCIPALS]     (default 2 days, 40 principals)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DAYS="${1:-2}"
PRINCIPALS="${2:-40}"
WORK="$ROOT/.data/bench-s3"
LOGS="$WORK/logs-$DAYS-$PRINCIPALS"
BUCKET="bench-$DAYS-$PRINCIPALS"

PG_URL="$("$ROOT/scripts/postgres.sh" start)"   # set -e stops here if PostgreSQL cannot start
export ActivityWatch__Postgres__ConnectionString="$PG_URL"
ENDPOINT="$("$ROOT/scripts/services/s3-sqs.sh" start | sed -n 's/^ActivityWatch__Test__S3__ServiceUrl=//p')"
"$ROOT/scripts/activitywatch" --help >/dev/null  # build outside the timed runs

mkdir -p "$WORK"
if [[ ! -d "$LOGS" ]]; then
  "$ROOT/scripts/activitywatch" simulate --days "$DAYS" --principals "$PRINCIPALS" --out "$LOGS.tmp" >&2
  mv "$LOGS.tmp" "$LOGS"
fi
# fauxqs keeps objects in memory: upload every run (a restarted server starts empty).
node "$ROOT/scripts/services/upload-dir.mjs" "$ENDPOINT" "$BUCKET" "$LOGS" >&2

# The SDK's default credential chain: environment keys, which the local server accepts.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export ActivityWatch__Aws__ServiceUrl="$ENDPOINT" ActivityWatch__Aws__ForcePathStyle=true ActivityWatch__Aws__Region=us-east-1

run() {  # run NAME SOURCE -> the ingest summary as JSON
  local schema="bench_s3_${1}_$(date +%s)"
  ActivityWatch__Postgres__Schema="$schema" "$ROOT/scripts/activitywatch" ingest "$2" --no-wait --format json
  PGPASSWORD=activitywatch psql -h 127.0.0.1 -p "${ACTIVITYWATCH_PGPORT:-55432}" -U activitywatch -d activitywatch -qAt \
    -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}

echo "ingest from local disk: $LOGS" >&2
LOCAL_JSON="$(run disk "$LOGS")"
echo "ingest from S3: s3://$BUCKET/ at $ENDPOINT" >&2
S3_JSON="$(run s3 "s3://$BUCKET/")"

python3 - "$LOCAL_JSON" "$S3_JSON" "$(du -sh "$LOGS" | cut -f1)" <<'PY'
import json, sys, os
local = json.loads(sys.argv[1]); s3 = json.loads(sys.argv[2])
rate = lambda r: r["records"] / r["seconds"]
print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM; logs {sys.argv[3]}, {local['files']} files")
for name, r in (("local disk", local), ("local S3  ", s3)):
    print(f"{name}: {r['records']:>9,} records, {r['files']:>5} files in {r['seconds']:6.1f} s = {rate(r):>8,.0f} records/s "
          f"(ingested {r['ingested']:,}, rejected {r['rejected']:,}, digests skipped {r['digestFilesSkipped']}, failures {len(r['failures'])})")
print(f"ratio S3 / disk: {rate(s3) / rate(local):.2f}   (target >= 0.8)")
PY

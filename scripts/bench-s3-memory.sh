#!/usr/bin/env bash
# Peak memory of `activitywatch ingest s3://...` over large objects: COPIES copies (default 16) of
# one generated gzip CloudTrail delivery file of about SIZE_MB MiB compressed (default 128), served
# by a private local S3 server. Records carry RECORD_KB KiB of random padding (default 64; CloudTrail
# caps a record at 256 KB), so the object barely compresses and the download is as large as the
# content. Every copy holds the same records: the first is stored, the others count as duplicates.
# Objects are streamed, so peak RSS should not grow with SIZE_MB (compare two sizes in one sitting).
#   scripts/bench-s3-memory.sh [SIZE_MB] [COPIES]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE_MB="${1:-128}"
COPIES="${2:-16}"
RECORD_KB="${RECORD_KB:-64}"
PORT="${BENCH_S3_PORT:-45662}"
WORK="$ROOT/.data/bench-s3-memory"
OBJECT="$WORK/object-$SIZE_MB-$RECORD_KB.json.gz"
BUCKET="bench-memory-$SIZE_MB-$COPIES"
mkdir -p "$WORK"

if [[ -z "${ActivityWatch__Postgres__ConnectionString:-}" ]]; then
  export ActivityWatch__Postgres__ConnectionString="$("$ROOT/scripts/postgres.sh" start)"
fi
"$ROOT/scripts/activitywatch" --help >/dev/null  # build outside the measured run

# A server of our own: fauxqs keeps objects in memory, and the shared test server is not the place for gigabytes.
HERE="$ROOT/scripts/services"
[[ -d "$HERE/node_modules/fauxqs" ]] || (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2)
node "$HERE/s3-sqs-server.mjs" "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do sleep 0.2; done
ENDPOINT="http://127.0.0.1:$PORT"

if [[ ! -f "$OBJECT" ]]; then
  echo "generating a ${SIZE_MB} MiB gzip CloudTrail file of ${RECORD_KB} KiB records" >&2
  python3 - "$OBJECT" "$SIZE_MB" "$RECORD_KB" <<'PY'
import base64, gzip, json, os, sys
path, size_mb, record_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path + ".tmp", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as out:
    out.write(b'{"Records":[')
    i = 0
    while raw.tell() < size_mb * 1024 * 1024:
        record = {
            "eventVersion": "1.09", "eventTime": f"2026-11-02T09:{i // 60 % 60:02d}:{i % 60:02d}Z", "eventSource": "s3.amazonaws.com",
            "eventName": "PutObject", "awsRegion": "us-east-1", "sourceIPAddress": "198.51.100.7", "userAgent": "aws-cli/2.15.0",
            "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLE", "arn": "arn:aws:iam::111122223333:user/alice",
                             "accountId": "111122223333", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "alice"},
            "requestParameters": {"bucketName": "data", "key": f"upload/{i}.bin",
                                  "padding": base64.b64encode(os.urandom(record_kb * 768)).decode()},
            "responseElements": None, "requestID": f"REQ{i:08d}", "eventID": f"bench-memory-{i:08d}", "readOnly": False,
            "eventType": "AwsApiCall", "managementEvent": False, "recipientAccountId": "111122223333", "eventCategory": "Data",
        }
        out.write((b"," if i else b"") + json.dumps(record, separators=(",", ":")).encode())
        i += 1
    out.write(b"]}")
os.rename(path + ".tmp", path)
print(f"{i} records", file=sys.stderr)
PY
fi
KEYS=()
for ((c = 0; c < COPIES; c++)); do
  KEYS+=("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/02/111122223333_CloudTrail_us-east-1_20261102T$(printf '%02d%02d' $((9 + c / 60)) $((c % 60)))Z_COPY$(printf '%012d' "$c").json.gz")
done
node "$HERE/put-copies.mjs" "$ENDPOINT" "$BUCKET" "$OBJECT" "${KEYS[@]}" >&2

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export ActivityWatch__Aws__ServiceUrl="$ENDPOINT" ActivityWatch__Aws__ForcePathStyle=true ActivityWatch__Aws__Region=us-east-1
SCHEMA="bench_memory_$(date +%s)"
echo "ingest s3://$BUCKET/ ($COPIES objects) into schema $SCHEMA" >&2
set +e
SUMMARY="$(ActivityWatch__Postgres__Schema="$SCHEMA" /usr/bin/time -f '%M %e' -o "$WORK/time.txt" \
  "$ROOT/scripts/activitywatch" ingest "s3://$BUCKET/" --no-wait --format json)"
STATUS=$?
set -e
psql "$(python3 - <<'PY'
import os
parts = dict(p.split("=", 1) for p in os.environ["ActivityWatch__Postgres__ConnectionString"].split(";") if "=" in p)
print(f"postgresql://{parts['Username']}:{parts['Password']}@{parts['Host']}:{parts['Port']}/{parts['Database']}")
PY
)" -qAt -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true

python3 - "$SUMMARY" "$(cat "$WORK/time.txt")" "$(stat -c %s "$OBJECT")" "$COPIES" "$STATUS" <<'PY'
import json, os, sys
summary, (rss_kb, wall), size, copies, status = json.loads(sys.argv[1]), sys.argv[2].split()[-2:], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM, load {os.getloadavg()[0]:.1f}")
print(f"objects: {copies} x {size / 2**20:.0f} MiB compressed = {copies * size / 2**30:.1f} GiB downloaded")
print(f"records {summary['records']:,} = ingested {summary['ingested']:,} + duplicates {summary['duplicates']:,} + rejected {summary['rejected']:,}; "
      f"failures {len(summary['failures'])}; exit {status}")
print(f"wall {float(wall):.1f} s; peak RSS {int(rss_kb) / 1024:.0f} MiB")
PY

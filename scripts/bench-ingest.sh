#!/usr/bin/env bash
# Ingest throughput and memory, in one run on one machine:
#  (a) the physical limit: Npgsql binary COPY of the same records into a plain jsonb table;
#  (b) `activitywatch ingest` end to end: parse, store, projections and detections caught up.
# Prints records/s for both, the ratio b/a, and peak RSS of (b). KEEP_SCHEMA=1 keeps (b)'s schema.
#   scripts/bench-ingest.sh [N]      (default 1,000,000 generated records)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-1000000}"
WORK="$ROOT/.data/bench-ingest"
BIN="$ROOT/.data/bench-bin"

PG_URL="$("$ROOT/scripts/postgres.sh" start)"   # set -e stops here if PostgreSQL cannot start
export ActivityWatch__Postgres__ConnectionString="$PG_URL"
dotnet build "$ROOT/src/ActivityWatch.Benchmarks" -c Release -o "$BIN" -nologo -v quiet >&2

LOGS="$WORK/logs-$N"
if [[ ! -d "$LOGS" ]]; then
  echo "generating about $N records into $LOGS" >&2
  dotnet "$BIN/ActivityWatch.Benchmarks.dll" generate "$N" "$LOGS.tmp" >&2
  mv "$LOGS.tmp" "$LOGS"
fi
SIZE="$(du -sh "$LOGS" | cut -f1)"

echo "(a) binary COPY baseline" >&2
BASE_JSON="$(dotnet "$BIN/ActivityWatch.Benchmarks.dll" copy-baseline "$ActivityWatch__Postgres__ConnectionString" "$LOGS")"

echo "(b) activitywatch ingest" >&2
SCHEMA="bench_ingest_$(date +%s)"
"$ROOT/scripts/activitywatch" --help >/dev/null  # build outside the timed run
INGEST_JSON="$(ActivityWatch__Postgres__Schema="$SCHEMA" /usr/bin/time -f '%M' -o "$WORK/rss.txt" \
  "$ROOT/scripts/activitywatch" ingest "$LOGS" --format json || true)"
RSS_KB="$(tail -1 "$WORK/rss.txt")"
# A million-record schema is a few GB: drop it unless asked to keep it for a look.
if [[ -z "${KEEP_SCHEMA:-}" ]]; then
  PGPASSWORD=activitywatch psql -h 127.0.0.1 -p "${ACTIVITYWATCH_PGPORT:-55432}" -U activitywatch -d activitywatch -qAt \
    -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
fi

python3 - "$BASE_JSON" "$INGEST_JSON" "$RSS_KB" "$SIZE" <<'PY'
import json, sys, os
base = json.loads(sys.argv[1]); ingest = json.loads(sys.argv[2]); rss_kb = int(sys.argv[3])
b = ingest["records"] / ingest["seconds"]
print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM; logs {sys.argv[4]} on disk")
print(f"(a) binary COPY baseline : {base['records']:>9,} records in {base['seconds']:7.1f} s = {base['recordsPerSecond']:>8,.0f} records/s")
print(f"(b) activitywatch ingest : {ingest['records']:>9,} records in {ingest['seconds']:7.1f} s = {b:>8,.0f} records/s "
      f"(ingested {ingest['ingested']:,}, duplicates {ingest['duplicates']:,}, rejected {ingest['rejected']:,})")
print(f"ratio b/a                : {b / base['recordsPerSecond']:.2f}   (target >= 0.5)")
print(f"peak RSS of (b)          : {rss_kb / 1024:.0f} MB   (target <= 1024 MB)")
PY

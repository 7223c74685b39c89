#!/usr/bin/env bash
# The detections' noise budget: generates the sample week with benign activity only (no injected
# incidents), ingests it into a schema of its own, and prints alerts per 1,000 principal-days by
# severity and by rule (`activitywatch rules noise`).
#   scripts/noise-budget.sh [DAYS] [PRINCIPALS] [SEED]        defaults: 7 25 1 (the sample week)
# INGEST_DLL=path/to/activitywatch.dll ingests with another build (an older catalogue, for "before"
# figures); the counting always uses this checkout. FORMAT=json for JSON; KEEP_SCHEMA=1 keeps the schema.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DAYS="${1:-7}"; PRINCIPALS="${2:-25}"; SEED="${3:-1}"
WORK="$(mktemp -d)"
SCHEMA="noise_$(date +%s)_$$"
export ActivityWatch__Postgres__Schema="$SCHEMA"
trap 'rm -rf "$WORK"' EXIT

"$ROOT/scripts/activitywatch" simulate --days "$DAYS" --principals "$PRINCIPALS" --seed "$SEED" --no-incidents --out "$WORK/logs" >&2
if [[ -n "${INGEST_DLL:-}" ]]; then
  [[ -n "${ActivityWatch__Postgres__ConnectionString:-}" ]] || export ActivityWatch__Postgres__ConnectionString="$("$ROOT/scripts/postgres.sh" start)"
  dotnet "$INGEST_DLL" ingest "$WORK/logs" >&2
else
  "$ROOT/scripts/activitywatch" ingest "$WORK/logs" >&2
fi
"$ROOT/scripts/activitywatch" rules noise --format "${FORMAT:-table}"

if [[ -z "${KEEP_SCHEMA:-}" ]]; then
  CONN="${ActivityWatch__Postgres__ConnectionString:-}"
  DB="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$CONN")"
  PGPASSWORD=activitywatch psql -h 127.0.0.1 -p "${ACTIVITYWATCH_PGPORT:-55432}" -U activitywatch -d "${DB:-activitywatch}" -qAt \
    -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
fi

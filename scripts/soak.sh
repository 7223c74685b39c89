#!/usr/bin/env bash
# Crash soak: views must equal a fold of the stored events whatever kills the process.
#   scripts/soak.sh [KILLS] [DAYS] [PRINCIPALS]        (defaults 12, 2, 20)
#   RESTART_EVERY=N restarts PostgreSQL every Nth round (default 3; 0: never, e.g. on a shared server)
# 1. a clean ingest of generated logs with one writer: the reference views;
# 2. into a second schema, KILLS rounds of `ingest` killed with SIGKILL at a random moment; every
#    third round PostgreSQL is restarted (fast shutdown) under the running ingest instead; every
#    fourth round, when the S3/SQS test server is up, `watch` reads the same logs from S3 and is
#    killed mid-poll; then one ingest to completion;
# 3. `activitywatch verify` on the second schema (views = fold of its events) and a diff of both
#    schemas' order-independent views (verify --snapshot). Exit 0 only when both are clean.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KILLS="${1:-12}"; DAYS="${2:-2}"; PRINCIPALS="${3:-20}"; RESTART_EVERY="${RESTART_EVERY:-3}"
WORK="$ROOT/.data/soak"; LOGS="$WORK/logs-$DAYS-$PRINCIPALS"
mkdir -p "$WORK"
PG_URL="$("$ROOT/scripts/postgres.sh" start)" || { echo "postgres failed to start"; exit 1; }
export ActivityWatch__Postgres__ConnectionString="$PG_URL"
AW="$ROOT/scripts/activitywatch"
"$AW" --help >/dev/null   # build once, outside the timed rounds
[[ -d "$LOGS" ]] || "$AW" simulate --days "$DAYS" --principals "$PRINCIPALS" --seed 11 --out "$LOGS" >&2

STAMP="$(date +%s)"; CLEAN="soak_clean_$STAMP"; RUN="soak_run_$STAMP"
echo "reference: $CLEAN, soaked: $RUN, logs $(find "$LOGS" -type f | wc -l) files" >&2
ActivityWatch__Postgres__Schema="$CLEAN" ActivityWatch__Ingestion__Writers=1 "$AW" ingest "$LOGS" --format json >"$WORK/clean.json" 2>"$WORK/clean.err" \
  || { echo "reference ingest failed"; tail "$WORK/clean.err"; exit 1; }

# S3 for the watch rounds: the same logs in a bucket of the test server, when it runs.
S3_URL=""
if (exec 3<>/dev/tcp/127.0.0.1/"${ACTIVITYWATCH_S3SQS_PORT:-45661}") 2>/dev/null; then
  S3_URL="http://127.0.0.1:${ACTIVITYWATCH_S3SQS_PORT:-45661}"; BUCKET="soak-$STAMP"
  node "$ROOT/scripts/services/upload-dir.mjs" "$S3_URL" "$BUCKET" "$LOGS" >&2 || S3_URL=""
fi

# The project's own cluster ("running on 127.0.0.1:PORT (DATA)"); an external server is left alone.
pg_restart() {
  local data; data="$(env -u ActivityWatch__Postgres__ConnectionString "$ROOT/scripts/postgres.sh" status | sed -n 's/^running on .* (\(.*\))$/\1/p')"
  [[ -n "$data" ]] && runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | head -1)/pg_ctl" -D "$data" -m fast -w restart >/dev/null 2>&1
}

kills=0; restarts=0; watches=0
for ((round = 1; round <= KILLS; round++)); do
  delay="$(awk -v r="$RANDOM" 'BEGIN { printf "%.1f", 1 + (r % 70) / 10 }')"
  if [[ -n "$S3_URL" && $((round % 4)) -eq 0 ]]; then
    ActivityWatch__Postgres__Schema="$RUN" ActivityWatch__Aws__ServiceUrl="$S3_URL" ActivityWatch__Aws__ForcePathStyle=true \
      AWS_ACCESS_KEY_ID=soak AWS_SECRET_ACCESS_KEY=soak ActivityWatch__Aws__Region=us-east-1 \
      ActivityWatch__Sources__S3Prefixes__0="s3://$BUCKET/" "$AW" watch --once >>"$WORK/run.log" 2>&1 &
    what=watch; watches=$((watches + 1))
  else
    ActivityWatch__Postgres__Schema="$RUN" "$AW" ingest "$LOGS" >>"$WORK/run.log" 2>&1 &
    what=ingest
  fi
  pid=$!
  sleep "$delay"
  if [[ $RESTART_EVERY -gt 0 && $((round % RESTART_EVERY)) -eq 0 ]]; then
    pg_restart && restarts=$((restarts + 1)); echo "round $round: PostgreSQL restarted under $what after ${delay}s" >&2
    sleep 2
  fi
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; kills=$((kills + 1)); echo "round $round: $what killed after ${delay}s" >&2; fi
  wait "$pid" 2>/dev/null
done
ActivityWatch__Postgres__Schema="$RUN" "$AW" ingest "$LOGS" --format json >"$WORK/final.json" 2>>"$WORK/run.log" \
  || { echo "final ingest failed (exit $?)"; tail "$WORK/run.log"; }

ActivityWatch__Postgres__Schema="$CLEAN" "$AW" verify --snapshot "$WORK/clean.txt" >/dev/null
ActivityWatch__Postgres__Schema="$RUN" "$AW" verify --snapshot "$WORK/run.txt" | tee "$WORK/verify.txt"
verified=${PIPESTATUS[0]}
different="$(diff "$WORK/clean.txt" "$WORK/run.txt" | grep -c '^[<>]')"
echo "soak: $kills kills, $restarts PostgreSQL restarts, $watches watch rounds; verify exit $verified;" \
     "$(wc -l < "$WORK/clean.txt") snapshot lines, $different differ from the uninterrupted run"
if [[ -z "${KEEP_SCHEMA:-}" ]]; then
  PGPASSWORD=activitywatch psql -h 127.0.0.1 -p "${ACTIVITYWATCH_PGPORT:-55432}" -U activitywatch -d activitywatch -qAt \
    -c "DROP SCHEMA IF EXISTS $CLEAN CASCADE; DROP SCHEMA IF EXISTS $RUN CASCADE" >/dev/null 2>&1 || true
fi
[[ $verified -eq 0 && $different -eq 0 ]]

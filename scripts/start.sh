#!/usr/bin/env bash
# The main job, from a fresh Debian machine with the .NET 10 SDK:
#   ./scripts/start.sh [LOG PATH...]
# Provisions PostgreSQL (scripts/postgres.sh), builds ActivityWatch, ingests the logs you name
# (files, folders, globs, s3:// prefixes) or a generated sample week, prints what it found,
# and serves the web console. With sources configured (ActivityWatch__Sources__*), it keeps
# following them (`activitywatch watch`) instead of serving only. Once the console answers it
# prints its address and how to sign in: on the first run, an admin key it creates for you.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ACTIVITYWATCH_CLI runs an already built CLI instead (the tests point it at theirs).
AW="${ACTIVITYWATCH_CLI:-$ROOT/scripts/activitywatch}"
SAMPLE="$ROOT/.data/sample-week"
SAMPLE_IAM="$ROOT/.data/sample-week-iam"

if [[ -z "${ActivityWatch__Postgres__ConnectionString:-}" ]]; then
  PG_URL="$("$ROOT/scripts/postgres.sh" start)"   # set -e stops here if PostgreSQL cannot start
  export ActivityWatch__Postgres__ConnectionString="$PG_URL"
fi
"$AW" --help >/dev/null

if [[ $# -gt 0 ]]; then
  LOGS=("$@")
else
  if [[ ! -d "$SAMPLE" || ! -d "$SAMPLE_IAM" ]]; then
    echo "== no logs given: generating a sample week into $SAMPLE"
    rm -rf "$SAMPLE.tmp" "$SAMPLE_IAM.tmp" "$SAMPLE" "$SAMPLE_IAM"
    "$AW" simulate --days 7 --principals 25 --seed 1 --out "$SAMPLE.tmp" --iam-out "$SAMPLE_IAM.tmp"
    mv "$SAMPLE.tmp" "$SAMPLE"
    mv "$SAMPLE_IAM.tmp" "$SAMPLE_IAM"
  fi
  LOGS=("$SAMPLE")
  # What each account granted at the start of the week (get-account-authorization-details), so
  # unused permissions, unused roles and generated policies have something to compare with.
  echo "== importing the sample organisation's IAM authorization details"
  for details in "$SAMPLE_IAM"/*.json; do
    "$AW" permissions import "$details" --captured-at "$(cat "$SAMPLE_IAM/captured-at")"
  done
fi

echo "== ingesting ${LOGS[*]}"
status=0
"$AW" ingest "${LOGS[@]}" || status=$?
if [[ $status -ne 0 && $status -ne 3 ]]; then exit "$status"; fi

if "$AW" alerts --help >/dev/null 2>&1; then
  echo
  echo "== open alerts"
  "$AW" alerts list --status open
fi

echo
echo "== a timeline: the 10 most recent failed calls"
"$AW" timeline --errors-only --limit 10

if env | grep -qE '^ActivityWatch__Sources__(S3Prefixes|Queues)__'; then
  echo
  echo "== sources configured: following them (activitywatch watch)"
  "$AW" watch &
  WATCH_PID=$!
  trap 'kill $WATCH_PID 2>/dev/null || true' EXIT
fi

URL="${ActivityWatch__Api__Urls:-http://127.0.0.1:5080}"
URL="${URL%%;*}"
# First run (no API key yet): an admin key for whoever runs this, shown once, after the server is up.
ME="${USER:-$(id -un)}@$(hostname -s 2>/dev/null || echo local)"
KEY_JSON="$("$AW" apikeys create --name "$ME" --role admin --only-if-none --format json 2>/dev/null || true)"
SECRET="$(sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p' <<< "$KEY_JSON")"

echo
echo "== web console: starting on $URL"
"$AW" serve --urls "$URL" &
SERVE_PID=$!
trap 'kill $SERVE_PID 2>/dev/null || true; [[ -n "${WATCH_PID:-}" ]] && kill $WATCH_PID 2>/dev/null || true' EXIT

# Wait until the console answers (bash's /dev/tcp: no curl needed), or the server gave up.
HOSTPORT="${URL#*://}"; HOSTPORT="${HOSTPORT%%/*}"
HOST="${HOSTPORT%:*}"; PORT="${HOSTPORT##*:}"
[[ "$HOST" == "$PORT" ]] && PORT=80
for _ in $(seq 1 240); do
  if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then break; fi
  if ! kill -0 "$SERVE_PID" 2>/dev/null; then wait "$SERVE_PID"; exit $?; fi
  sleep 0.5
done

echo
echo "== the console answers: ${URL%/}/"
if [[ -n "$SECRET" ]]; then
  echo "   sign in with this admin key (created for $ME; shown only now, stored only as a hash):"
  echo "   $SECRET"
  echo "   more keys: scripts/activitywatch apikeys create --name NAME --role viewer|responder|admin"
else
  echo "   sign in with your API key; to make one: scripts/activitywatch apikeys create --name NAME --role admin"
fi
echo "   Ctrl+C stops it."
wait "$SERVE_PID"

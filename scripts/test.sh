#!/usr/bin/env bash
# Runs every test: starts the services the tests need on 127.0.0.1 (PostgreSQL, RabbitMQ,
# the S3 and SQS servers), builds, runs each test project, and ends with the line
# "N passed, N failed, N skipped". Exit code 0 only when nothing failed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOGS="$ROOT/.data/test-logs"
mkdir -p "$LOGS"

# Assign, then export: `export X="$(cmd)"` would hide cmd's failure.
if ! PG_URL="$("$ROOT/scripts/postgres.sh" start)" || [[ -z "$PG_URL" ]]; then
  echo "postgres failed to start"; echo "0 passed, 1 failed"; exit 1
fi
export ActivityWatch__Postgres__ConnectionString="$PG_URL"
for service in "$ROOT"/scripts/services/*.sh; do
  [[ -x "$service" ]] || continue
  # Each service script prints KEY=VALUE lines (endpoints) for the tests.
  if ! output="$("$service" start)"; then
    echo "service $(basename "$service") failed to start"; echo "0 passed, 1 failed"; exit 1
  fi
  while IFS= read -r line; do [[ "$line" == *=* ]] && export "$line"; done <<< "$output"
done

dotnet build ActivityWatch.sln -nologo -v quiet 2>&1 | tee "$LOGS/build.log" | grep -E "error|Warn|Elapsed" || true
if [[ ${PIPESTATUS[0]} -ne 0 ]]; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi

passed=0; failed=0; skipped=0
for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  log="$LOGS/$name.log"
  dotnet test "$project" --no-build -nologo "$@" > "$log" 2>&1
  code=$?
  summary="$(grep -E "^(Passed|Failed)!  - Failed:" "$log" | tail -1)"
  if [[ -z "$summary" ]]; then
    if grep -q "No test is available" "$log"; then echo "$name: no tests"; continue; fi
    echo "$name: test run did not finish (exit $code), see $log"; tail -20 "$log"; failed=$((failed + 1)); continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<< "$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<< "$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<< "$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  echo "$name: $p passed, $f failed, $s skipped"
  if [[ $f -gt 0 ]]; then grep -E "^\s+Failed |Error Message:" -A3 "$log" | head -60; fi
done

echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]

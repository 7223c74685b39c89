#!/usr/bin/env bash
# Alert latency on the bus: with RabbitMQ, under a steady background of simulated CloudTrail
# records (default 2,000/s), injects root console sign-ins and measures, for each, the time from
# the commit of its record to the consumption of its AlertPublished. Prints p50, p99 and max.
#   scripts/bench-alerts.sh [SECONDS=60] [BACKGROUND_PER_SECOND=2000] [TRIGGERS_PER_SECOND=4]
# Runs in a schema and a RabbitMQ virtual host of its own, both removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_TO_RUN="${1:-60}"
RATE="${2:-2000}"
TRIGGERS="${3:-4}"
WORK="$ROOT/.data/bench-alerts"
BIN="$WORK/bin"
mkdir -p "$WORK"

PG_URL="$("$ROOT/scripts/postgres.sh" start)"   # set -e stops here if PostgreSQL cannot start
export ActivityWatch__Postgres__ConnectionString="$PG_URL"
"$ROOT/scripts/services/rabbitmq.sh" start >/dev/null
dotnet build "$ROOT/src/ActivityWatch.Benchmarks" -c Release -o "$BIN" -nologo -v quiet >&2

RUN="bench_alerts_$(date +%s)_$$"
VHOST="$RUN"
rabbitmqctl -q add_vhost "$VHOST"
rabbitmqctl -q set_permissions -p "$VHOST" guest ".*" ".*" ".*"
# The program drops its schema when it ends; the virtual host goes here.
trap 'rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true' EXIT

export ActivityWatch__Postgres__Schema="$RUN"
export ActivityWatch__Bus__RabbitMq__Host=127.0.0.1
export ActivityWatch__Bus__RabbitMq__VirtualHost="$VHOST"

status=0
RESULT="$(dotnet "$BIN/ActivityWatch.Benchmarks.dll" alert-latency "$SECONDS_TO_RUN" "$RATE" "$TRIGGERS" 2> "$WORK/run.log")" || status=$?
if [[ -z "$RESULT" ]]; then echo "bench-alerts: the run failed; log: $WORK/run.log" >&2; tail -20 "$WORK/run.log" >&2; exit 1; fi

python3 - "$RESULT" <<'PY'
import json, os, sys
r = json.loads(sys.argv[1])
mem = os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30
print(f"machine: {os.cpu_count()} cores, {mem:.0f} GiB RAM")
print(f"background: {r['backgroundAchieved']:,.0f} records/s achieved (target {r['backgroundTarget']:,}) for {r['seconds']} s")
ms = lambda v: "n/a" if v is None else f"{v:.0f} ms"
print(f"end to end: {r['delivered']} of {r['triggers']} root console sign-in records delivered through RabbitMQ ({r['missing']} missing)")
print(f"  record append -> AlertPublished consumed: p50 {ms(r['p50Ms'])}, p99 {ms(r['p99Ms'])}, max {ms(r['maxMs'])}")
print(f"  from the record's server timestamp: p50 {ms(r['serverP50Ms'])}, p99 {ms(r['serverP99Ms'])}")
print(f"delivery leg: {r['alertsDelivered']} of {r['alertTriggers']} AlertRaised appended directly")
print(f"  AlertRaised append -> AlertPublished consumed: p50 {ms(r['deliveryP50Ms'])}, p99 {ms(r['deliveryP99Ms'])}, max {ms(r['deliveryMaxMs'])}")
PY
if [[ $status -ne 0 ]]; then echo "bench-alerts: some alerts were not delivered within 60 s of the run's end; log: $WORK/run.log" >&2; fi
exit $status

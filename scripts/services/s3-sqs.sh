#!/usr/bin/env bash
# Runs the S3 and SQS API server the AWS source tests and scripts/bench-s3.sh use.
#   scripts/services/s3-sqs.sh start|stop|status
# npm fauxqs (S3, SQS and SNS on one port), installed from the committed package-lock.json into
# scripts/services/node_modules (git-ignored), bound to 127.0.0.1. `start` is idempotent and
# prints the KEY=VALUE lines the tests read. Neither server sends S3 event notifications:
# tests send the S3 event message to the queue themselves.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${ACTIVITYWATCH_S3SQS_PORT:-45661}"
STATE="$ROOT/.data/s3-sqs"
PID_FILE="$STATE/server.pid"
LOG="$STATE/server.log"

# A killed server can stay a zombie (PID 1 does not reap here): ask the port, not the process.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

ensure_installed() {
  if ! command -v node >/dev/null 2>&1; then
    echo "s3-sqs.sh: installing Debian's nodejs and npm" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >&2
  fi
  # Reinstall when the lock file is newer than the installed tree.
  if [[ ! -d "$HERE/node_modules/fauxqs" || "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]]; then
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

print_endpoints() {
  echo "ActivityWatch__Test__S3__ServiceUrl=http://127.0.0.1:$PORT"
  echo "ActivityWatch__Test__Sqs__ServiceUrl=http://127.0.0.1:$PORT"
}

start() {
  if ! port_open; then
    ensure_installed
    mkdir -p "$STATE"
    nohup node "$HERE/s3-sqs-server.mjs" "$PORT" >"$LOG" 2>&1 &
    echo $! >"$PID_FILE"
    local deadline=$((SECONDS + 30))
    until port_open; do
      if (( SECONDS >= deadline )); then
        echo "s3-sqs.sh: port $PORT did not open within 30 s; see $LOG" >&2
        tail -20 "$LOG" >&2 || true
        exit 1
      fi
      sleep 0.2
    done
  fi
  print_endpoints
}

stop() {
  if [[ -s "$PID_FILE" ]]; then
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE"
  fi
  local deadline=$((SECONDS + 10))
  while port_open && (( SECONDS < deadline )); do sleep 0.2; done
  if port_open; then echo "s3-sqs.sh: something else still listens on $PORT" >&2; exit 1; fi
}

status() {
  if port_open; then echo "running on http://127.0.0.1:$PORT"; else echo "stopped"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

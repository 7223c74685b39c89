#!/usr/bin/env bash
# Provisions and runs the RabbitMQ broker the delivery tests and the alert benchmark use.
#   scripts/services/rabbitmq.sh start|stop|status
# Debian's rabbitmq-server, bound to 127.0.0.1 only (AMQP on 5672, epmd and distribution on
# loopback too), started detached. `start` is idempotent and prints the KEY=VALUE line the
# tests read. It prints ActivityWatch__Test__RabbitMq__Host, never ActivityWatch__Bus__RabbitMq__Host:
# the latter would switch every test host's bus to RabbitMQ.
set -euo pipefail

PORT=5672

ensure_installed() {
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    echo "rabbitmq.sh: installing Debian's rabbitmq-server" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >&2
  fi
}

# The node answers rabbitmqctl only once it has registered with epmd and booted its apps.
ready() {
  timeout 20 rabbitmqctl -q await_startup --timeout 15 >/dev/null 2>&1
}

# The Erlang node is up, whether or not the broker app runs (stop_app leaves the node up).
node_up() {
  timeout 20 rabbitmqctl -q ping >/dev/null 2>&1
}

# A killed broker can stay a zombie (PID 1 does not reap here): ask the port, not the process.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

wait_for() {
  local what="$1"; shift
  local deadline=$((SECONDS + 60))
  until "$@"; do
    if (( SECONDS >= deadline )); then
      echo "rabbitmq.sh: $what within 60 s; see /var/log/rabbitmq" >&2
      exit 1
    fi
    sleep 1
  done
}

start() {
  ensure_installed
  if ! port_open; then
    if node_up; then
      # A node stopped with stop_app (the broker-down test) keeps running without AMQP.
      rabbitmqctl -q start_app >/dev/null
    else
      # The apt package does not start the node; bind everything it listens on to loopback.
      RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$PORT ERL_EPMD_ADDRESS=127.0.0.1 \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        rabbitmq-server -detached >/dev/null 2>&1 || true
    fi
    wait_for "the broker did not start" ready
    wait_for "AMQP port $PORT did not open" port_open
  fi
  echo "ActivityWatch__Test__RabbitMq__Host=127.0.0.1"
}

stop() {
  command -v rabbitmqctl >/dev/null 2>&1 || return 0
  if ready; then rabbitmqctl -q stop >/dev/null 2>&1 || true; fi
  # epmd outlives the node and keeps the port map; end it so a later start is clean.
  if command -v epmd >/dev/null 2>&1; then
    runuser -u rabbitmq -- epmd -kill >/dev/null 2>&1 || epmd -kill >/dev/null 2>&1 || true
  fi
}

status() {
  if command -v rabbitmqctl >/dev/null 2>&1 && port_open; then
    echo "running on 127.0.0.1:$PORT"
  else
    echo "stopped"; return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

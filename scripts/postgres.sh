#!/usr/bin/env bash
# Provisions and runs the PostgreSQL server ActivityWatch uses.
#   scripts/postgres.sh start|stop|status|url
# With ActivityWatch__Postgres__ConnectionString set, `start` uses that server and starts
# nothing. Otherwise a private cluster lives under .data/postgres, bound to 127.0.0.1 on
# ACTIVITYWATCH_PGPORT (55432), owned by the postgres OS user, with a password login for
# ActivityWatch. `stop` always stops this checkout's cluster, whatever the variable says.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${ACTIVITYWATCH_PGDATA:-$ROOT/.data/postgres}"
PORT="${ACTIVITYWATCH_PGPORT:-55432}"
DB_USER=activitywatch
DB_PASSWORD=activitywatch
DB_NAME=activitywatch

url() {
  if [[ -n "${ActivityWatch__Postgres__ConnectionString:-}" ]]; then
    echo "$ActivityWatch__Postgres__ConnectionString"
  else
    echo "Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$DB_USER;Password=$DB_PASSWORD;Maximum Pool Size=50"
  fi
}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
  done
  return 1
}

ensure_installed() {
  if ! pg_bin >/dev/null; then
    echo "postgres.sh: installing Debian's postgresql" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  fi
}

# initdb refuses to run as root; the cluster belongs to the postgres OS user.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The cluster belongs to the postgres OS user, which must reach the data folder: a checkout
# under a private home (/root is mode 700) cannot host it, so it then lives in a folder of its own.
resolve_data() {
  [[ -n "${ACTIVITYWATCH_PGDATA:-}" || "$(id -u)" != 0 ]] && return
  mkdir -p "$(dirname "$DATA")"
  if ! id postgres >/dev/null 2>&1 || ! (cd / && runuser -u postgres -- test -x "$(dirname "$DATA")") 2>/dev/null; then
    DATA="/var/lib/activitywatch/postgres-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
  fi
}

ready() {
  "$(pg_bin)/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null
}

# This checkout's cluster is running (its postmaster answers pg_ctl), on whatever port.
running() {
  [[ -s "$DATA/PG_VERSION" ]] && as_pg "$(pg_bin)/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

# The port the running cluster listens on (line 4 of postmaster.pid).
running_port() {
  sed -n 4p "$DATA/postmaster.pid" 2>/dev/null
}

start() {
  if [[ -n "${ActivityWatch__Postgres__ConnectionString:-}" ]]; then
    url; return
  fi
  ensure_installed
  local bin; bin="$(pg_bin)"
  resolve_data
  mkdir -p "$(dirname "$DATA")"
  if [[ ! -s "$DATA/PG_VERSION" ]]; then
    mkdir -p "$DATA"
    [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    as_pg "$bin/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA'
max_connections = 200
shared_buffers = 512MB
# Log ingestion is append-heavy: fewer checkpoints and a larger WAL buffer keep COPY-like
# throughput. synchronous_commit=off risks losing the last few hundred milliseconds of commits
# on a server crash, never consistency; a re-ingest restores them (the write path is idempotent).
synchronous_commit = off
max_wal_size = 4GB
checkpoint_timeout = 15min
wal_buffers = 64MB
work_mem = 32MB
maintenance_work_mem = 256MB
CONF
  fi
  if running; then
    if [[ "$(running_port)" != "$PORT" ]]; then
      echo "postgres.sh: this checkout's cluster ($DATA) runs on port $(running_port), not $PORT:" \
           "\`scripts/postgres.sh stop\` first, then start it with ACTIVITYWATCH_PGPORT=$PORT" >&2
      exit 1
    fi
  else
    if ready; then
      echo "postgres.sh: 127.0.0.1:$PORT answers, but it is not this checkout's cluster ($DATA):" \
           "stop that server (another checkout's \`scripts/postgres.sh stop\`) or choose another port with ACTIVITYWATCH_PGPORT" >&2
      exit 1
    fi
    # The port was written into postgresql.conf when the cluster was made: ACTIVITYWATCH_PGPORT
    # given later moves it (the last `port =` line wins, so it is rewritten in place).
    if ! grep -qE "^port = $PORT\$" "$DATA/postgresql.conf"; then
      as_pg sed -i -E "s/^port = [0-9]+\$/port = $PORT/" "$DATA/postgresql.conf"
    fi
    as_pg "$bin/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null
  fi
  as_pg "$bin/psql" -h "$DATA" -p "$PORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
SELECT 'CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD ''$DB_PASSWORD'''
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER')\gexec
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
  url
}

# Stops this checkout's cluster if it runs, on whatever port, even when a connection string is
# exported (scripts/activitywatch and start.sh export one that names this very cluster).
stop() {
  local bin; bin="$(pg_bin)" || return 0
  resolve_data
  if running; then
    as_pg "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

status() {
  if [[ -n "${ActivityWatch__Postgres__ConnectionString:-}" ]]; then
    echo "external: $ActivityWatch__Postgres__ConnectionString"; return
  fi
  resolve_data
  if pg_bin >/dev/null && running; then echo "running on 127.0.0.1:$(running_port) ($DATA)"; else echo "stopped"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac

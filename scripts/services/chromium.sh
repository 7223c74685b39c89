#!/usr/bin/env bash
# Provides the browser the console's Playwright tests drive: Debian's Chromium at
# /usr/bin/chromium (Playwright downloads no browser here). `start` installs it when missing;
# it prints no KEY=VALUE lines because the tests look for the fixed path.
set -euo pipefail

start() {
  if [[ -x /usr/bin/chromium ]]; then return; fi
  echo "chromium.sh: installing Debian's chromium" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
}

case "${1:-}" in
  start) start ;;
  stop) ;;
  status) if [[ -x /usr/bin/chromium ]]; then echo "installed: /usr/bin/chromium"; else echo "missing"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Trains the anomaly model from the stored events into ml-models/ (the running scorer reloads it).
# Usage: scripts/train.sh [--since 2026-11-01] [--until ...] [--out ml-models]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
exec "$ROOT/scripts/activitywatch" model train "$@"

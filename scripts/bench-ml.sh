#!/usr/bin/env bash
# Anomaly model benchmark: scoring records/s (target >= 100k/s) and training on 10M records
# (target < 5 min). Usage: scripts/bench-ml.sh [--records N] [--train-records N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/.data/bench-ml"
dotnet build "$ROOT/src/ActivityWatch.Cli/ActivityWatch.Cli.csproj" -c Release -o "$BIN" -nologo -v quiet >&2
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(. /etc/os-release; echo "$PRETTY_NAME")"
exec dotnet "$BIN/activitywatch.dll" model bench "$@"

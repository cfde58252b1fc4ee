#!/usr/bin/env bash
# Sets up this machine and starts the embedded farm: a coordinator and one local render node in one
# process, with a small demo job. Prints the URL and token; Ctrl-C stops it (finished frames stay).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/setup.sh
./farm devices
exec ./farm up "$@"

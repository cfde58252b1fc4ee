#!/usr/bin/env bash
# Sets up this machine (ops/setup.sh --tests) and runs every test of every module.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/setup.sh --tests
exec mvn -B -ntp verify "$@"

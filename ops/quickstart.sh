#!/usr/bin/env bash
# Sets up this machine and renders the built-in Cornell box to out/cornell-box.png (and .exr).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/setup.sh
./farm devices
./farm render --scene builtin:cornell-box --width 512 --height 512 --spp 64 --max-bounces 8 \
  --out out/cornell-box.png "$@"
./farm render --scene builtin:cornell-box --width 512 --height 512 --spp 64 --max-bounces 8 \
  --out out/cornell-box.exr "$@"
echo "Wrote out/cornell-box.png and out/cornell-box.exr"

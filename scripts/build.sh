#!/bin/sh
# Configures (or reconfigures) and builds libmaint in ./build.
# Usage: scripts/build.sh [extra meson options]
set -eu
cd "$(dirname "$0")/.."

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build "$@"
else
  rm -rf build
  meson setup build "$@"
fi
ninja -C build

#!/bin/sh
# Install, build with warnings as errors (library, GIR, docs), run every
# test, then the memory-safety, fuzzing and thread-safety checks.
set -eu
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh -Dwerror=true -Ddocumentation=true
meson test -C build --print-errorlogs --num-processes 2
/usr/bin/python3 scripts/count-tests.py build/meson-logs/testlog.json
scripts/test-reliability.sh

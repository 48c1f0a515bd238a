#!/bin/sh
# The main job: install, build, and plan the example fleet.
set -eu
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh -Dwerror=true
build/tools/maintctl check examples/fleets/gocept.json
build/tools/maintctl plan examples/fleets/gocept.json --format text

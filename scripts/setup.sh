#!/bin/sh
# Installs what building and testing libmaint needs on Debian 12.
# Safe to run again: it only calls apt-get when a package is missing.
set -eu

PACKAGES="
  build-essential meson ninja-build pkg-config
  libglib2.0-dev libjson-glib-dev libicu-dev tzdata
  gobject-introspection libgirepository1.0-dev gir1.2-glib-2.0 gir1.2-json-1.0
  python3 python3-gi gi-docgen
  golang-go
  valgrind clang libclang-rt-14-dev
  python3-pulp coinor-cbc python3-icalendar python3-jsonschema
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "setup: installing:$missing"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
else
  echo "setup: all packages present"
fi

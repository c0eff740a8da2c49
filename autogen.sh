#!/bin/sh
# autogen.sh -- make ./configure from a git checkout (needs autoconf,
# automake, autopoint, gettext and pkg-config).
set -e
cd "$(dirname "$0")"
autoreconf --install --force

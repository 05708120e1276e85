#!/bin/sh
# Installs what is missing, bootstraps and builds memlock-planner out of tree.
# Usage: scripts/build.sh [BUILD-DIR [CONFIGURE-ARGS...]] (default: build)
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
./scripts/install-deps.sh
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    ./autogen.sh >/dev/null 2>&1 || ./autogen.sh
fi
dir=${1:-build}
[ "$#" -gt 0 ] && shift
mkdir -p "$dir"
cd "$dir"
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ] || [ "$#" -gt 0 ]; then
    "$top/configure" -q --enable-werror "$@"
fi
make -s -j"$(nproc)"

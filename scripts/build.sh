#!/bin/sh
# Installs what is missing, bootstraps and builds memlock-planner out of tree.
# Usage: scripts/build.sh [BUILD-DIR [CONFIGURE-ARGS...]] (default: build)
# Without CONFIGURE-ARGS a new build directory is configured with the
# defaults (warnings stay warnings), and an existing one keeps the options it
# was configured with. Developers and CI pass --enable-werror.
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
if [ "$#" -gt 0 ] || [ ! -f Makefile ]; then
    "$top/configure" -q "$@"
elif [ "$top/configure" -nt Makefile ]; then
    # The options this directory was configured with, as config.status quotes them.
    eval "set -- $(./config.status --config)"
    "$top/configure" -q "$@"
fi
make -s -j"$(nproc)"

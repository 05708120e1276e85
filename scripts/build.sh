#!/bin/sh
# Installs what is missing, bootstraps and builds memlock-planner in place.
# Extra arguments go to configure.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    ./autogen.sh >/dev/null 2>&1 || ./autogen.sh
fi
if [ ! -f Makefile ] || [ configure -nt Makefile ] || [ "$#" -gt 0 ]; then
    ./configure -q --enable-werror "$@"
fi
make -s -j"$(nproc)"

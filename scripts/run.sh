#!/bin/sh
# Quick start: set up, build, and open the planner on the built-in AC922 demo host.
set -eu
cd "$(dirname "$0")/.."
./scripts/build.sh build
exec ./build/memlock-planner tui --host demo:ac922 "$@"

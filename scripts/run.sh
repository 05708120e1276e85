#!/bin/sh
# Quick start: set up, build, and open the planner on the built-in AC922 demo
# host with the example guest (socket 0's GPUs and NVLink2 bridges). Arguments,
# if any, replace that: scripts/run.sh --host demo:x86-server my-guest.xml
set -eu
cd "$(dirname "$0")/.."
./scripts/build.sh build
[ "$#" -gt 0 ] || set -- --host demo:ac922 data/guests/pseries-ac922-socket0.xml
exec ./build/memlock-planner tui "$@"

#!/bin/sh
# A umockdev testbed of N PCI functions of SHAPE (bench/gen-host.sh) in DIR,
# built once and reused (probe-bench.sh and tui-bench.sh share them). With
# GEN_TESTBED (bench/gen-testbed, built by `make bench`) the tree is written
# directly, in seconds; without it umockdev-run loads the host's record and
# tests/probe/umockdev-host.sh populates it (the same tree, byte for byte, but
# over 20 minutes for 4,000 functions with one IOMMU group each).
# Usage: testbed.sh N SHAPE DIR   (prints DIR's absolute path)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
n=$1 shape=$2 dir=$3
if [ ! -d "$dir/sys" ]; then
    echo "building a $shape testbed of $n PCI functions in $dir (once) ..." >&2
    mkdir -p "$(dirname "$dir")"
    t="$dir.tmp"
    rm -rf "$t" "$t.hosttab" "$t.umockdev"
    sh "$here/gen-host.sh" "$n" "$shape" > "$t.hosttab"
    if [ -n "${GEN_TESTBED:-}" ] && [ -x "$GEN_TESTBED" ]; then
        "$GEN_TESTBED" "$t" < "$t.hosttab"
    else
        sh "$top/tests/probe/umockdev-host.sh" record "$t.hosttab" > "$t.umockdev"
        umockdev-run -d "$t.umockdev" -- sh -c '
            sh "$1" populate "$2" && cp -a "$UMOCKDEV_DIR" "$3"' \
            sh "$top/tests/probe/umockdev-host.sh" "$t.hosttab" "$t" >&2
    fi
    rm -f "$t.hosttab" "$t.umockdev"
    rm -rf "$dir"
    mv "$t" "$dir"
fi
cd "$dir" && pwd

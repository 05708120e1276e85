#!/bin/sh
# memlock-planner probe against lspci -nnk on the same synthetic umockdev
# host of N PCI functions (default 4000). The testbed is built once (that
# dominates) and reused through UMOCKDEV_DIR with umockdev's preload library.
# Prints both times and probe/lspci (want <= 1).
# Usage: probe-bench.sh [N [RUNS]]   (MP, BENCH_DIR from the environment)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
n=${1:-4000}
runs=${2:-5}
: "${MP:=./memlock-planner}"
: "${BENCH_DIR:=bench/testbed-$n}"
command -v umockdev-run >/dev/null || { echo "probe-bench: umockdev-run is missing" >&2; exit 77; }
command -v lspci >/dev/null || { echo "probe-bench: lspci is missing" >&2; exit 77; }

if [ ! -d "$BENCH_DIR/sys" ]; then
    echo "building a testbed of $n PCI functions in $BENCH_DIR (once) ..."
    mkdir -p "$(dirname "$BENCH_DIR")"
    tmp="$BENCH_DIR.tmp"
    rm -rf "$tmp"
    sh "$here/gen-host.sh" "$n" > "$tmp.hosttab"
    sh "$top/tests/probe/umockdev-host.sh" record "$tmp.hosttab" > "$tmp.umockdev"
    umockdev-run -d "$tmp.umockdev" -- sh -c '
        sh "$1" populate "$2" && cp -a "$UMOCKDEV_DIR" "$3"' \
        sh "$top/tests/probe/umockdev-host.sh" "$tmp.hosttab" "$tmp"
    rm -f "$tmp.hosttab" "$tmp.umockdev"
    mv "$tmp" "$BENCH_DIR"
fi
testbed=$(cd "$BENCH_DIR" && pwd)
under() { LD_PRELOAD=libumockdev-preload.so.0 UMOCKDEV_DIR=$testbed "$@"; }

# Both see the whole host, or the comparison means nothing.
got=$(under "$MP" probe --format json | jq '.devices | length')
lsp=$(under lspci -nn 2>/dev/null | wc -l)
[ "$got" = "$n" ] || { echo "probe-bench: probe saw $got of $n functions" >&2; exit 1; }
[ "$lsp" = "$n" ] || { echo "probe-bench: lspci saw $lsp of $n functions" >&2; exit 1; }

now() { date +%s%N; }
tp=0 tl=0 i=0
while [ "$i" -lt "$runs" ]; do
    t0=$(now); under "$MP" probe --format json > /dev/null; t1=$(now)
    under lspci -nnk > /dev/null 2>&1; t2=$(now)
    tp=$((tp + t1 - t0)); tl=$((tl + t2 - t1)); i=$((i + 1))
done
awk -v p="$tp" -v l="$tl" -v r="$runs" -v n="$n" 'BEGIN {
    printf "%d PCI functions, %d runs each (mean)\n", n, r
    printf "  memlock-planner probe --format json  %8.1f ms\n", p / r / 1e6
    printf "  lspci -nnk                           %8.1f ms\n", l / r / 1e6
    printf "  ratio probe/lspci                    %8.2f %s\n", p / l, (p <= l ? "(ok: <= 1)" : "(SLOWER than lspci)")
}'

#!/bin/sh
# memlock-planner probe --format json against lspci -nnk on the same
# synthetic umockdev host, for hosts of 500 and 4,000 PCI functions (target:
# at most 0.5x lspci's time). libudev's enumerator alone over the pci
# subsystem (bench/udev-enum, when built) is timed in the same runs: the
# probe lists /sys/bus/pci/devices itself because of that figure.
# Each testbed is built once (bench/testbed.sh: written directly by
# bench/gen-testbed when built, else through umockdev-run) and reused through
# UMOCKDEV_DIR with umockdev's preload library. The runs interleave the
# commands, each round starting with the next one; the medians are printed:
# wall clock, and user+system CPU time, which holds
# still on a busy machine where wall time does not (both from bench/run-time).
# Hosts come in three shapes (bench/gen-host.sh): "switch" (PHBs, switches,
# device-tree nodes, few ids), "sriov" (an x86 server: NICs with SR-IOV
# virtual functions, GPUs with audio functions, chipset groups, dozens of
# vendors) and "mixedS" (drawn at random from seed S: switches with and
# without ACS, PCI bridges, multi-function devices, SR-IOV; hundreds of ids,
# some unknown), and each is probed twice: names from pci.ids (lspci -nnk reads
# the same file) and without it (the probe under an empty MEMLOCK_PLANNER_ROOT,
# lspci -i on a missing file): numeric names.
# Usage: probe-bench.sh [N...]   (default: 500 4000)
# Environment: MP (the planner; bench/udev-enum, bench/run-time and
# bench/gen-testbed are looked for beside it), BENCH_ROOT (where testbeds live, default bench),
# PROBE_BENCH_RUNS (default 9), PROBE_BENCH_SHAPES (default "switch sriov
# mixed1 mixed2"),
# PROBE_BENCH_NAMES (default "pci.ids none"), PROBE_BENCH_BEFORE (another
# memlock-planner, an earlier build, timed in the same runs), BENCH_HWDB (a hwdb.bin to use
# instead of the machine's: needs root; the runs then happen in a private
# mount namespace with it on /usr/lib/udev).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
: "${MP:=./memlock-planner}"
bindir=$(cd "$(dirname "$MP")" && pwd)
: "${UDEV_ENUM:=$bindir/bench/udev-enum}"
: "${RUN_TIME:=$bindir/bench/run-time}"
: "${GEN_TESTBED:=$bindir/bench/gen-testbed}"
: "${BENCH_ROOT:=bench}"
: "${PROBE_BENCH_RUNS:=9}"
: "${PROBE_BENCH_SHAPES:=switch sriov mixed1 mixed2}"
: "${PROBE_BENCH_NAMES:=pci.ids none}"
: "${PROBE_BENCH_BEFORE:=}"
command -v umockdev-run >/dev/null || { echo "probe-bench: umockdev-run is missing" >&2; exit 77; }
command -v lspci >/dev/null || { echo "probe-bench: lspci is missing" >&2; exit 77; }
command -v jq >/dev/null || { echo "probe-bench: jq is missing" >&2; exit 77; }
[ -x "$RUN_TIME" ] || { echo "probe-bench: $RUN_TIME is not built (make bench builds it)" >&2; exit 77; }
[ "$#" -gt 0 ] || set -- 500 4000

if [ -n "${BENCH_HWDB:-}" ] && [ -z "${PROBE_BENCH_IN_NS:-}" ]; then
    ns=$(mktemp -d)
    cp -a /usr/lib/udev/. "$ns/" 2>/dev/null || true
    cp "$BENCH_HWDB" "$ns/hwdb.bin"
    rc=0
    PROBE_BENCH_IN_NS=1 MP=$MP UDEV_ENUM=$UDEV_ENUM RUN_TIME=$RUN_TIME BENCH_ROOT=$BENCH_ROOT \
        GEN_TESTBED=$GEN_TESTBED PROBE_BENCH_BEFORE=$PROBE_BENCH_BEFORE \
        PROBE_BENCH_SHAPES=$PROBE_BENCH_SHAPES PROBE_BENCH_NAMES=$PROBE_BENCH_NAMES \
        unshare -m sh -c 'mount --bind "$1" /usr/lib/udev && shift && exec sh "$@"' \
        sh "$ns" "$0" "$@" || rc=$?
    rm -rf "$ns"
    exit $rc
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

testbed() { # N SHAPE: builds the testbed once; prints its absolute path
    # (the switch shape keeps the name tui-bench.sh shares: testbed-N)
    dir=$BENCH_ROOT/testbed-$1
    [ "$2" = switch ] || dir=$BENCH_ROOT/testbed-$2-$1
    GEN_TESTBED=$GEN_TESTBED sh "$here/testbed.sh" "$1" "$2" "$dir"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# timed NAME CMD...: one run under the testbed; wall and CPU nanoseconds
# appended to $tmp/NAME.wall and $tmp/NAME.cpu.
timed() {
    name=$1; shift
    LD_PRELOAD=libumockdev-preload.so.0 UMOCKDEV_DIR=$tb "$RUN_TIME" "$@" > "$tmp/t" || true
    read -r w c < "$tmp/t"
    echo "$w" >> "$tmp/$name.wall"
    echo "$c" >> "$tmp/$name.cpu"
}

# No pci.ids, no hwdb: an empty root for the probe, a missing file for lspci.
mkdir -p "$tmp/noids/dev"
: > "$tmp/noids/dev/kvm"

for shape in $PROBE_BENCH_SHAPES; do
for n in "$@"; do
    tb=$(testbed "$n" "$shape")
    under() { LD_PRELOAD=libumockdev-preload.so.0 UMOCKDEV_DIR=$tb "$@"; }
    # All see the whole host, or the comparison means nothing.
    got=$(under "$MP" probe --format json | jq '.devices | length')
    lsp=$(under lspci -nn 2>/dev/null | wc -l)
    [ "$got" = "$n" ] || { echo "probe-bench: probe saw $got of $n functions" >&2; exit 1; }
    [ "$lsp" = "$n" ] || { echo "probe-bench: lspci saw $lsp of $n functions" >&2; exit 1; }
    enum=""
    if [ -n "$UDEV_ENUM" ] && [ -x "$UDEV_ENUM" ]; then
        ue=$(under "$UDEV_ENUM")
        [ "$ue" = "$n" ] || { echo "probe-bench: libudev's enumerator saw $ue of $n" >&2; exit 1; }
        enum=$UDEV_ENUM
    fi
    for names in $PROBE_BENCH_NAMES; do
    if [ "$names" = none ]; then
        root=$tmp/noids; ids="-i $tmp/noids/pci.ids"
    else
        root=""; ids=""
    fi
    rm -f "$tmp"/*.wall "$tmp"/*.cpu
    MEMLOCK_PLANNER_ROOT=$root   # lspci does not read it
    export MEMLOCK_PLANNER_ROOT
    # Each round starts with the next command: whichever runs right after
    # another one's walk of the testbed finds it warmer (up to 15% here).
    order="probe lspci"
    [ -z "$enum" ] || order="$order enum"
    [ -z "$PROBE_BENCH_BEFORE" ] || order="$order before"
    i=0
    while [ "$i" -lt "$PROBE_BENCH_RUNS" ]; do
        for c in $order; do
            case $c in
            probe) timed probe "$MP" probe --format json ;;
            # shellcheck disable=SC2086
            lspci) timed lspci lspci -nnk $ids ;;
            enum) timed enum "$enum" ;;
            before) timed before "$PROBE_BENCH_BEFORE" probe --format json ;;
            esac
        done
        order="${order#* } ${order%% *}"
        i=$((i + 1))
    done
    pw=$(median "$tmp/probe.wall") lw=$(median "$tmp/lspci.wall")
    pc=$(median "$tmp/probe.cpu") lc=$(median "$tmp/lspci.cpu")
    ew="" ec="" bw="" bc=""
    if [ -n "$enum" ]; then
        ew=$(median "$tmp/enum.wall") ec=$(median "$tmp/enum.cpu")
    fi
    if [ -n "$PROBE_BENCH_BEFORE" ]; then
        bw=$(median "$tmp/before.wall") bc=$(median "$tmp/before.cpu")
    fi
    awk -v n="$n" -v r="$PROBE_BENCH_RUNS" -v pw="$pw" -v lw="$lw" -v ew="$ew" \
        -v pc="$pc" -v lc="$lc" -v ec="$ec" -v bw="$bw" -v bc="$bc" \
        -v shape="$shape" -v names="$names" 'BEGIN {
        printf "%d PCI functions, %s shape, names: %s; %d interleaved runs each (median)      wall       cpu\n", n, shape, names, r
        row("memlock-planner probe --format json", pw, pc)
        row("lspci -nnk", lw, lc)
        if (ew != "") row("libudev enumerator alone (pci)", ew, ec)
        # Judged on CPU time: other jobs on the machine stretch wall time.
        verdict = pc / lc <= 0.5 ? "(cpu ok: <= 0.5)" : "(cpu over the 0.5 target)"
        printf "  ratio probe/lspci                      %8.2f   %8.2f   %s\n", pw / lw, pc / lc, verdict
        if (ew != "")
            printf "  ratio libudev enumerator/lspci         %8.2f   %8.2f\n", ew / lw, ec / lc
        if (bw != "") {
            row("the probe before (PROBE_BENCH_BEFORE)", bw, bc)
            printf "  ratio probe before/lspci               %8.2f   %8.2f\n", bw / lw, bc / lc
        }
    }
    function row(name, w, c) {
        printf "  %-38s %8.1f ms %6.1f ms\n", name, w / 1e6, c / 1e6
    }'
    done
    unset MEMLOCK_PLANNER_ROOT
done
done

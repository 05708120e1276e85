#!/bin/sh
# The planner through a pseudo-terminal (bench/pty_driver):
#  - time to the first full frame on the AC922 demo host (target < 30 ms),
#    against less's first screen of the same guest XML;
#  - CPU time per key over 10,000 scripted keys (bench/tui-keys.txt; target
#    < 200 us), against less scrolling the same number of keys;
#  - peak RSS on a host of 4,000 PCI functions (bench/gen-host.sh as a
#    umockdev testbed, probed live; target < 16 MiB), and its RSS after 1,000
#    and after 10,000 keys (target: no growth); the same host from a
#    snapshot file (recorded once) for comparison.
# Usage: tui-bench.sh   (MP, PTY_DRIVER, BENCH_ROOT (testbeds, shared with
# probe-bench.sh; default bench), TUI_KEYS, TUI_RUNS from the environment)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
: "${MP:=./memlock-planner}"
: "${PTY_DRIVER:=$(dirname "$MP")/bench/pty_driver}"
: "${TUI_KEYS:=10000}"
: "${TUI_RUNS:=15}"
n=4000
: "${BENCH_ROOT:=bench}"
BENCH_DIR=$BENCH_ROOT/testbed-$n
[ -x "$PTY_DRIVER" ] || { echo "tui-bench: $PTY_DRIVER is missing (make bench builds it)" >&2; exit 77; }
command -v less >/dev/null || { echo "tui-bench: less is missing" >&2; exit 77; }
xml="$top/data/guests/pseries-ac922-socket0.xml"
keys="$here/tui-keys.txt"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tui-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export TERM=xterm-256color LC_ALL=C.UTF-8 LESS= LESSOPEN= LESSCLOSE= LESSHISTFILE=-
unset NO_COLOR

# drive NAME ARGS...: pty_driver's key=value lines into $tmp/NAME.
drive() {
    name=$1; shift
    "$PTY_DRIVER" "$@" >"$tmp/$name" || { echo "tui-bench: pty_driver failed ($name)" >&2; exit 1; }
}
val() { sed -n "s/^$2=//p" "$tmp/$1"; }
# median FILE: the median of the numbers in FILE, one a line.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# verdict VALUE TARGET: "ok" when VALUE < TARGET.
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "ok" : "OVER TARGET" }'; }

# ---- first frame: the planner (its footer drawn) against less ----
: >"$tmp/ff-mp"
: >"$tmp/ff-less"
i=0
while [ "$i" -lt "$TUI_RUNS" ]; do
    drive one -m Quit -- "$MP" tui --host demo:ac922 "$xml"
    [ "$(val one exit_status)" = 0 ] || { echo "tui-bench: the planner did not quit cleanly" >&2; exit 1; }
    val one first_frame_us >>"$tmp/ff-mp"
    drive one -- less "$xml"
    val one first_frame_us >>"$tmp/ff-less"
    i=$((i + 1))
done
ff=$(median "$tmp/ff-mp")
ffl=$(median "$tmp/ff-less")
awk -v a="$ff" -v b="$ffl" -v r="$TUI_RUNS" -v ok="$(verdict "$ff" 30000)" 'BEGIN {
    printf "tui: first frame, AC922 demo, 100x30 (median of %d): %.1f ms; less, same XML: %.1f ms; ratio %.2f; target < 30 ms: %s\n", r, a / 1000, b / 1000, a / b, ok
}'

# ---- CPU per key: the scripted session against less scrolling ----
drive keys -k "$keys" -n "$TUI_KEYS" -S 1000 -S "$TUI_KEYS" -q q -- "$MP" tui --host demo:ac922 "$xml"
[ "$(val keys exit_status)" = 0 ] || { echo "tui-bench: the planner did not quit cleanly after the keys" >&2; exit 1; }
printf 'j\nj\nj\nk\n\\eOB\n\\eOA\n' >"$tmp/less-keys"
# A long file to scroll: the XML guests, 20 times over.
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do cat "$top"/data/guests/*.xml; done >"$tmp/long.xml"
drive lesskeys -k "$tmp/less-keys" -n "$TUI_KEYS" -q q -- less "$tmp/long.xml"
awk -v c="$(val keys keys_cpu_us)" -v w="$(val keys keys_wall_us)" -v l="$(val lesskeys keys_cpu_us)" \
    -v n="$TUI_KEYS" -v ok="$(verdict "$(val keys keys_cpu_us)" "$((TUI_KEYS * 200))")" 'BEGIN {
    printf "tui: CPU per key, %d scripted keys, AC922 demo: %.0f us (wall %.0f us); less, %d scroll keys: %.0f us; ratio %.2f; target < 200 us: %s\n", n, c / n, w / n, n, l / n, c / l, ok
}'
awk -v a="$(val keys rss_kib_at_1000)" -v b="$(val keys "rss_kib_at_$TUI_KEYS")" -v n="$TUI_KEYS" 'BEGIN {
    printf "tui: RSS on the AC922 demo after 1,000 keys %d KiB, after %d keys %d KiB: growth %d KiB\n", a, n, b, b - a
}'

# Edits only, never undone: the undo history is bounded, so is the memory.
printf '+\n' >"$tmp/plus-keys"
drive plus -m Quit -k "$tmp/plus-keys" -n "$TUI_KEYS" -S 1000 -S "$TUI_KEYS" -q qy -- "$MP" tui --host demo:ac922 "$xml"
awk -v a="$(val plus rss_kib_at_1000)" -v b="$(val plus "rss_kib_at_$TUI_KEYS")" -v n="$TUI_KEYS" -v c="$(val plus keys_cpu_us)" 'BEGIN {
    printf "tui: %d edits (+, no undo), AC922 demo: RSS after 1,000 %d KiB, after %d %d KiB: growth %d KiB (undo keeps 1,000 edits); CPU per edit %.0f us\n", n, a, n, b, b - a, c / n
}'

# ---- memory on 4,000 PCI functions: the umockdev testbed (built once, shared
# with probe-bench.sh), probed live; and the same host as a snapshot file ----
command -v umockdev-run >/dev/null || { echo "tui-bench: umockdev-run is missing (for the $n-function host)" >&2; exit 77; }
testbed=$(GEN_TESTBED=${GEN_TESTBED:-$(dirname "$MP")/bench/gen-testbed} \
    sh "$here/testbed.sh" "$n" switch "$BENCH_DIR")
under() { env LD_PRELOAD=libumockdev-preload.so.0 UMOCKDEV_DIR="$testbed" "$@"; }
got=$(under "$MP" probe --format json | grep -c '"address"' || true)
[ "$got" -ge "$n" ] || { echo "tui-bench: the planner saw $got of $n functions in $testbed" >&2; exit 1; }
snap=$(dirname "$BENCH_DIR")/host-$n.xml
[ -f "$snap" ] || { under "$MP" record -o "$snap.tmp" && mv "$snap.tmp" "$snap"; }

# mem NAME HOST-ARGS...: the keys on that host; prints peak, RSS after 1,000
# and after all keys, first frame and CPU per key.
mem() {
    name=$1; shift
    drive "$name" -m Quit -k "$keys" -n "$TUI_KEYS" -S 1000 -S "$TUI_KEYS" -q q -- "$@"
    [ "$(val "$name" exit_status)" = 0 ] || { echo "tui-bench: the planner did not quit cleanly ($name)" >&2; exit 1; }
    peak=$(val "$name" vmhwm_kib)
    [ "$(val "$name" maxrss_kib)" -gt "$peak" ] && peak=$(val "$name" maxrss_kib)
    echo "$peak $(val "$name" rss_kib_at_1000) $(val "$name" "rss_kib_at_$TUI_KEYS") $(val "$name" first_frame_us) $(val "$name" keys_cpu_us)"
}
# shellcheck disable=SC2046 # five numbers
set -- $(mem live env LD_PRELOAD=libumockdev-preload.so.0 UMOCKDEV_DIR="$testbed" "$MP" tui --host live)
awk -v p="$1" -v a="$2" -v b="$3" -v f="$4" -v c="$5" -v n="$n" -v k="$TUI_KEYS" -v ok="$(verdict "$1" 16384)" 'BEGIN {
    printf "tui: peak RSS, %d PCI functions (live, umockdev testbed): %.1f MiB; target < 16 MiB: %s\n", n, p / 1024, ok
    printf "tui: RSS, %d PCI functions, after 1,000 keys %d KiB, after %d keys %d KiB: growth %d KiB; target: none: %s\n", n, a, k, b, b - a, (b - a <= 64) ? "ok" : "GROWS"
    printf "tui: %d PCI functions (live): first frame %.0f ms (the probe through umockdev), CPU per key %.0f us\n", n, f / 1000, c / k
}'
# shellcheck disable=SC2046
set -- $(mem snap "$MP" tui --host "$snap")
awk -v p="$1" -v a="$2" -v b="$3" -v f="$4" -v c="$5" -v n="$n" -v k="$TUI_KEYS" 'BEGIN {
    printf "tui: %d PCI functions from a snapshot file: peak RSS %.1f MiB (the snapshot parse), after 1,000 keys %d KiB, after %d keys %d KiB; first frame %.1f ms, CPU per key %.0f us\n", n, p / 1024, a, k, b, f / 1000, c / k
}'

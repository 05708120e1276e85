#!/bin/sh
# explain on a long log: a QEMU domain log of 2,000 starts (about 60 MB, the
# failing start in the middle), read by `memlock-planner explain` against
# `grep -c -E` searching the same bytes for the words every failure message
# holds (the search explain itself must make), alternately, best of
# BENCH_REPEAT (default 3) CPU times; and explain's peak RSS on that log and on
# one ten times shorter (bounded memory: the two must be close).
# Target: within 3x grep's CPU; peak RSS growth under 4 MiB.
. "$(dirname "$0")/lib.sh"
repeat=${BENCH_REPEAT:-3}
top="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/explain-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
one_start() {
    printf '2024-01-01 00:00:00.000+0000: starting up libvirt version: 9.0.0, qemu version: 7.2.0, kernel: 6.1.0, hostname: h\n'
    sed -n '2,/-msg timestamp=on/p' "$top/tests/data/logs/q35-type1-kernel-9.0.log"
    i=0
    while [ $i -lt 300 ]; do
        printf '2024-01-01T00:00:%02d.000000Z qemu-system-x86_64: warning: guest updated active PCI window %d\n' $((i % 60)) $i
        i=$((i + 1))
    done
    printf '2024-01-01 00:10:00.000+0000: shutting down, reason=shutdown\n'
}
one_start >"$tmp/start"
make_log() { # N FILE: N starts, the failing one in the middle
    n=$1 i=0
    while [ $i -lt "$n" ]; do
        if [ $i -eq $((n / 2)) ]; then cat "$top/tests/data/logs/q35-type1-kernel-9.0.log"; else cat "$tmp/start"; fi
        i=$((i + 1))
    done >"$2"
}
make_log 200 "$tmp/small.log"
make_log 2000 "$tmp/big.log"
size=$(wc -c <"$tmp/big.log")
printf '%s\n' 'emory|MEMLOCK|ailed|rror|viable|busy|VFIO_MAP_DMA|/dev/vfio/|Could not|starting up' >"$tmp/words"
# grep stops at the first match when its output is /dev/null: give it a file.
printf 'exec grep -c -E -f %s %s >%s\n' "$tmp/words" "$tmp/big.log" "$tmp/count" >"$tmp/grep.sh"
# shellcheck disable=SC2046
set -- $(best_pair "$repeat" "sh $tmp/grep.sh" "$MP explain --format json $tmp/big.log")
r=$(ratio "$4" "$2")
printf 'explain: %d MB log of 2,000 starts: explain %.3fs CPU, grep -c -E %.3fs; ratio %s (target <= 3: %s)\n' \
    $((size / 1000000)) "$4" "$2" "$r" "$(verdict "$r" 3)"
peak() {
    python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
small=$(peak "$MP" explain "$tmp/small.log")
big=$(peak "$MP" explain "$tmp/big.log")
growth=$(( (big - small) / 1024 ))
printf 'explain: peak RSS %d KiB on 200 starts, %d KiB on 2,000 starts: growth %d MiB (target < 4: %s)\n' \
    "$small" "$big" "$growth" "$(verdict "$growth" 3.999)"

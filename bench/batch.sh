#!/bin/sh
# Batch calculation: 10,000 guest XMLs in one `report --format json` run
# against `xmllint --noout` over the same files. Target: at most 1.4x xmllint
# (the calculation must cost less than the parse). The two run alternately,
# BENCH_REPEAT times (default 5), so that both meet the same load; the best
# wall time and the best CPU time (user + system) of each are compared. The
# verdict is on CPU time: on a busy machine the scheduler stretches a longer
# CPU-bound run's wall time more than a shorter one's (bench/RESULTS.md).
. "$(dirname "$0")/lib.sh"
n=${BATCH_GUESTS:-10000}
repeat=${BENCH_REPEAT:-5}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/memlock-planner-bench}/guests-$n
if [ ! -f "$dir/guest-$((n - 1)).xml" ]; then
    sh "$(dirname "$0")/gen-guests.sh" "$dir" "$n"
fi
command -v xmllint >/dev/null || { echo "batch: xmllint missing (apt-get install libxml2-utils)"; exit 77; }
files=$(ls "$dir"/guest-*.xml | tr '\n' ' ')
mp="$MP report --host demo:ac922 --format json -o /dev/null"
# shellcheck disable=SC2086
if ! $mp $files >/dev/null 2>&1; then
    echo "batch: report fails on the generated guests"; exit 1
fi
# shellcheck disable=SC2046
set -- $(best_pair "$repeat" "xmllint --noout $files" "$mp $files")
rw=$(ratio "$3" "$1") rc=$(ratio "$4" "$2")
printf 'batch: %d guests, best of %d: memlock-planner report --format json %.3fs (CPU %.3fs), xmllint --noout %.3fs (CPU %.3fs)\n' \
    "$n" "$repeat" "$3" "$4" "$1" "$2"
printf 'batch: ratio %s CPU (target <= 1.4: %s), %s wall\n' "$rc" "$(verdict "$rc" 1.4)" "$rw"

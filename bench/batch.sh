#!/bin/sh
# Batch calculation: 2,000 and 10,000 guest XMLs of mixed shapes (x86 and
# pseries; NVMe, vDPA, NVLink2, hard_limit, <locked/>, NUMA, maxMemory: see
# gen-guests.sh) in one `report --format json` run each, with every fleet
# check, against `xmllint --noout` over the same files. Target: at most 1.4x
# xmllint (the calculation must cost less than the parse). The two run
# alternately, BENCH_REPEAT times (default 9), so that both meet the same
# load. The verdict is on CPU time (user + system), the median of the rounds'
# ratios: on a busy machine the scheduler stretches a longer CPU-bound run's
# wall time more than a shorter one's, and the ratio of each one's best run
# follows whichever had the luckier moment (bench/RESULTS.md); the best-of
# ratios are printed beside it. Peak RSS of both is measured once per count, to show
# how memory grows with the fleet. `capacity --format json` over the same
# guests (the fleet's capacity) is measured the same way.
repeat=${BENCH_REPEAT:-9}   # before lib.sh, which defaults it to 3
. "$(dirname "$0")/lib.sh"
counts=${BATCH_GUESTS:-2000 10000}
command -v xmllint >/dev/null || { echo "batch: xmllint missing (apt-get install libxml2-utils)"; exit 77; }
status=0
# The generated guests are kept between runs, in a folder named after the
# generator's checksum: a changed gen-guests.sh never meets stale files.
gen_sum=$(cksum < "$(dirname "$0")/gen-guests.sh" | cut -d' ' -f1)
for n in $counts; do
    dir=${BENCH_DIR:-${TMPDIR:-/tmp}/memlock-planner-bench}/guests-mixed-$n-$gen_sum
    if [ ! -f "$dir/guest-$((n - 1)).xml" ]; then
        sh "$(dirname "$0")/gen-guests.sh" "$dir" "$n"
    fi
    files=$(ls "$dir"/guest-*.xml | tr '\n' ' ')
    # report --format json, the batch the target is for; capacity over the
    # same fleet (whether they all run at once, each one's count) beside it.
    for what in "report --format json -o /dev/null" "capacity --format json"; do
        mp="$MP ${what%% *} --host demo:ac922 ${what#* }"
        # shellcheck disable=SC2086
        if ! $mp $files >/dev/null 2>&1; then
            echo "batch: ${what%% *} fails on the $n generated guests"; exit 1
        fi
        # shellcheck disable=SC2046
        set -- $(best_pair "$repeat" "xmllint --noout $files" "$mp $files")
        rw=$(ratio "$3" "$1") rc=$5 rb=$(ratio "$4" "$2")
        # shellcheck disable=SC2086
        rss_mp=$(peak_rss $mp $files) rss_x=$(peak_rss xmllint --noout $files)
        printf 'batch: %d guests, best of %d: memlock-planner %s %.3fs (CPU %.3fs), xmllint --noout %.3fs (CPU %.3fs)\n' \
            "$n" "$repeat" "${what% -o /dev/null}" "$3" "$4" "$1" "$2"
        printf 'batch: %d guests: %s ratio %s CPU, median of %d rounds (target <= 1.4: %s); best-of ratios %s CPU, %s wall; peak RSS %s KiB (xmllint %s KiB)\n' \
            "$n" "${what%% *}" "$rc" "$repeat" "$(verdict "$rc" 1.4)" "$rb" "$rw" "${rss_mp:-?}" "${rss_x:-?}"
    done
done
exit $status

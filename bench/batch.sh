#!/bin/sh
# Batch calculation: 10,000 guest XMLs in one `report --format json` run
# against `xmllint --noout` over the same files. Target: at most 1.4x xmllint
# (the calculation must cost less than the parse).
. "$(dirname "$0")/lib.sh"
n=${BATCH_GUESTS:-10000}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/memlock-planner-bench}/guests-$n
if [ ! -f "$dir/guest-$((n - 1)).xml" ]; then
    sh "$(dirname "$0")/gen-guests.sh" "$dir" "$n"
fi
command -v xmllint >/dev/null || { echo "batch: xmllint missing (apt-get install libxml2-utils)"; exit 77; }
files=$(ls "$dir"/guest-*.xml)
# shellcheck disable=SC2086
t_peer=$(best_of xmllint --noout $files)
# shellcheck disable=SC2086
if "$MP" report --host demo:ac922 --format json -o /dev/null $files >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    t_mp=$(best_of "$MP" report --host demo:ac922 --format json -o /dev/null $files)
    what="report --format json"
else
    # Without the report command, calc each file (one process per file is not comparable).
    echo "batch: report is not available"; exit 77
fi
r=$(ratio "$t_mp" "$t_peer")
printf 'batch: %d guests: memlock-planner %s %.3fs, xmllint --noout %.3fs, ratio %s (target <= 1.4: %s)\n' \
    "$n" "$what" "$t_mp" "$t_peer" "$r" "$(verdict "$r" 1.4)"

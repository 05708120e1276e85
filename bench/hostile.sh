#!/bin/sh
# Hostile input: how fast `memlock-planner calc` refuses each file of
# tests/hostile/ (the suite checks only that it does, with one line and exit
# 2), against `xmllint --noout` reading the same file. The two run
# alternately, BENCH_REPEAT times (default 5), best CPU time of each. Prints
# the five slowest files and the total; target: every refusal under 1 s of
# CPU and the total at most 3x xmllint's.
. "$(dirname "$0")/lib.sh"
repeat=${BENCH_REPEAT:-5}
dir="$(cd "$(dirname "$0")/.." && pwd)/tests/hostile"
command -v xmllint >/dev/null || { echo "hostile: xmllint missing (apt-get install libxml2-utils)"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hostile-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for f in "$dir"/*.xml; do
    # shellcheck disable=SC2046
    set -- $(best_pair "$repeat" "xmllint --noout --nonet $f" "$MP calc --host none $f")
    echo "$4 $2 $(basename "$f")" >>"$tmp/times"
done
sort -rn "$tmp/times" | head -n 5 | while read -r mp peer name; do
    printf 'hostile: %-32s calc %.3fs CPU, xmllint %.3fs, ratio %s\n' "$name" "$mp" "$peer" "$(ratio "$mp" "$peer")"
done
awk '{ a += $1; b += $2; if ($1 > m) m = $1 } END { printf "%.6f %.6f %.6f\n", a, b, m }' "$tmp/times" >"$tmp/sum"
read -r total peer worst <"$tmp/sum"
r=$(ratio "$total" "$peer")
printf 'hostile: %d files, best of %d: calc %.3fs CPU in all, xmllint %.3fs; ratio %s (target <= 3: %s); slowest %.3fs (target < 1: %s)\n' \
    "$(wc -l <"$tmp/times")" "$repeat" "$total" "$peer" "$r" "$(verdict "$r" 3)" "$worst" "$(verdict "$worst" 0.999)"

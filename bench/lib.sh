# Shared pieces of the benchmarks: timing (best of N), ratios, RESULTS lines.
# Source it from a bench script; MP is the planner binary.
: "${MP:=./memlock-planner}"
: "${BENCH_REPEAT:=3}"

now() { date +%s.%N; }

# best_of CMD...: runs CMD BENCH_REPEAT times (output discarded), prints the
# best wall time in seconds.
best_of() {
    best=""
    i=0
    while [ "$i" -lt "$BENCH_REPEAT" ]; do
        t0=$(now)
        "$@" >/dev/null 2>&1
        t1=$(now)
        t=$(echo "$t1 $t0" | awk '{ printf "%.6f", $1 - $2 }')
        if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
        i=$((i + 1))
    done
    echo "$best"
}

# ratio A B: A / B with three decimals.
ratio() { echo "$1 $2" | awk '{ printf "%.3f", ($2 > 0 ? $1 / $2 : 0) }'; }

# verdict RATIO TARGET: "ok" when RATIO <= TARGET.
verdict() { awk "BEGIN { print ($1 <= $2) ? \"ok\" : \"over target\" }"; }

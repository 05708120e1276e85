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

# run_timed CMD...: runs CMD once (output discarded), prints "WALL CPU" in
# seconds: elapsed time, and the user + system time of CMD. python3 reads them
# to the microsecond; without it, `times` gives clock ticks.
run_timed() {
    if command -v python3 >/dev/null 2>&1; then
        # A first child costs python3 some 50 ms more than the next: run `true` first.
        python3 -c '
import resource, subprocess, sys, time
subprocess.run(["true"])
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
w = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.6f %.6f" % (w, r.ru_utime + r.ru_stime - r0.ru_utime - r0.ru_stime))' "$@"
        return
    fi
    t0=$(now)
    cpu=$( ( "$@" >/dev/null 2>&1; times ) | awk 'NR == 2 {
        n = split($0, f, /[ms ]+/); print f[1] * 60 + f[2] + f[3] * 60 + f[4] }')
    t1=$(now)
    echo "$t1 $t0 $cpu" | awk '{ printf "%.6f %.6f\n", $1 - $2, $3 }'
}

# best_pair N A B: runs command lines A and B (strings, split on blanks)
# alternately N times, so that both meet the same load; prints the best wall
# and the best CPU time of each, and the median of the rounds' CPU ratios B/A:
# "WALL_A CPU_A WALL_B CPU_B MEDIAN_RATIO". The best times of each are taken
# from different rounds; a round's B and A meet the same moment's load, so the
# median of the rounds' ratios holds still where the best-of ratio follows a
# single lucky run of either (bench/RESULTS.md).
best_pair() {
    n=$1 a=$2 b=$3 i=0 wa="" ca="" wb="" cb="" rounds=""
    while [ "$i" -lt "$n" ]; do
        # shellcheck disable=SC2086
        set -- $(run_timed $a) $(run_timed $b)
        wa=$(min "$wa" "$1") ca=$(min "$ca" "$2") wb=$(min "$wb" "$3") cb=$(min "$cb" "$4")
        rounds="$rounds $(ratio "$4" "$2")"
        i=$((i + 1))
    done
    echo "$wa $ca $wb $cb $(median $rounds)"
}

# median X...: the median of the numbers given.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

min() { if [ -z "$1" ] || awk "BEGIN { exit !($2 < $1) }"; then echo "$2"; else echo "$1"; fi; }

# peak_rss CMD...: runs CMD once under bench/run-time --rss (RUN_TIME, or
# beside MP), prints its peak resident set size in KiB; empty when run-time
# is not built. (A python parent would count its own pages: its forked child
# carries them until exec.)
peak_rss() {
    rt=${RUN_TIME:-$(dirname "$MP")/bench/run-time}
    [ -x "$rt" ] || return 0
    "$rt" --rss "$@" | awk '{ print $3 }'
}

#!/bin/sh
# TERM, HUP, INT, PIPE and QUIT at random points of a large report write: the
# program dies of that signal, and no temporary file is ever left behind; the
# old report is whole or the new one is. Seeded: MP_SIGNAL_SEED=N repeats a run.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
seed=${MP_SIGNAL_SEED:-$$}
rounds=${MP_SIGNAL_ROUNDS:-15}
diag "seed $seed, $rounds rounds"
# 3,000 guests: an HTML report of about 25 MB, written for most of a second.
# Each its own name (a fleet refuses two guests of one name).
mkdir "$t/guests"
awk -v dir="$t/guests" -v src="$g" 'BEGIN {
    while ((getline line < src) > 0) body = body line "\n"
    for (i = 0; i < 3000; i++) {
        b = body; sub(/<name>[^<]*<\/name>/, "<name>g" i "</name>", b)
        f = sprintf("%s/g%04d.xml", dir, i); printf "%s", b > f; close(f)
    } }'
set -- "$t"/guests/*.xml
mkdir "$t/out"
echo "old report" > "$t/out/r.html"
awk -v s="$seed" -v n="$rounds" 'BEGIN { srand(s); split("TERM HUP INT PIPE QUIT", sig);
    for (i = 0; i < n; i++) printf "%s %.3f\n", sig[int(rand() * 5) + 1], rand() * 0.9 }' \
    > "$t/plan"
status_of() { # SIG -> the shell's status for a death by it (Linux numbers)
    case $1 in HUP) echo 129 ;; INT) echo 130 ;; QUIT) echo 131 ;; PIPE) echo 141 ;; TERM) echo 143 ;; esac
}
died=0
while read -r sig delay; do
    # A background job of a script starts with INT and QUIT ignored (which
    # the planner respects): give them back their default action.
    (ulimit -c 0; exec env --default-signal "$MP" report --host demo:ac922 --format html \
        -o "$t/out/r.html" "$@") > /dev/null 2> "$t/err" &
    pid=$!
    sleep "$delay"
    kill -s "$sig" "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    left=$(find "$t/out" -name '.*' -type f | wc -l)
    is "$left" 0 "SIG$sig after ${delay}s: no temporary file left"
    if [ "$rc" -eq 0 ]; then
        ok "SIG$sig after ${delay}s: finished first"
    else
        died=$((died + 1))
        is "$rc" "$(status_of "$sig")" "SIG$sig after ${delay}s: died of it"
    fi
    first=$(head -c 15 "$t/out/r.html")
    last=$(tail -c 8 "$t/out/r.html")
    case "$first|$last" in
    "old report"*|"<!DOCTYPE html>"*"</html>"*) ok "SIG$sig: the report is the old or the new one, whole" ;;
    *) fail "SIG$sig: the report is the old or the new one, whole"; diag "starts: $first" ;;
    esac
done < "$t/plan"
diag "$died of $rounds runs were cut short"
plan_done

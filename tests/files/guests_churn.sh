#!/bin/sh
# QEMU processes exiting while `guests` reads /proc: every run exits 0 with
# valid JSON, and a process that exited mid-read is dropped, never listed as
# "not readable: another user's process" (all of these are ours).
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
runs=${MP_CHURN_RUNS:-100}  # MP_CHURN_RUNS=2000 for a long run
command -v jq >/dev/null || { skip "jq is missing"; plan_done; exit; }
# Short-lived processes whose executable is named like QEMU.
cp "$(command -v sleep)" "$t/qemu-system-x86_64"
echo go > "$t/run"
spawners=""
for k in 1 2 3 4 5 6; do
    ( while [ -e "$t/run" ]; do "$t/qemu-system-x86_64" 0.005; done ) &
    spawners="$spawners $!"
done
trap 'rm -f "$t/run"; kill $spawners 2>/dev/null; wait; rm -rf "$t"' EXIT
failed=0 invalid=0 unreadable=0 seen=0
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    timeout 60 "$MP" guests --format json > "$t/out.json" 2> "$t/err" || failed=$((failed + 1))
    n=$(jq -r 'if type == "array" then
            "\([.[] | select(.exe == "qemu-system-x86_64" and .readable == false)] | length) \(length)"
        else "bad" end' "$t/out.json" 2>/dev/null)
    case $n in
    [0-9]*" "[0-9]*) [ "${n% *}" -gt 0 ] && unreadable=$((unreadable + 1))
                     [ "${n#* }" -gt 0 ] && seen=$((seen + 1)) ;;
    *) invalid=$((invalid + 1)) ;;
    esac
done
rm -f "$t/run"
diag "$runs runs, $seen saw a short-lived process"
is "$failed" 0 "guests during process churn: every run exits 0"
is "$invalid" 0 "guests during process churn: every run prints valid JSON"
is "$unreadable" 0 "a process that exited mid-read is not shown as another user's"
# The text form too, a few times.
i=0 bad=0
while [ $i -lt 10 ]; do
    i=$((i + 1))
    timeout 60 "$MP" guests > "$t/out" 2>&1 || bad=$((bad + 1))
    grep -q "not readable" "$t/out" && bad=$((bad + 1))
done
is "$bad" 0 "guests (text) during process churn: exit 0, no false 'not readable'"
plan_done

#!/bin/sh
# memlock-planner guests against real stand-in processes named like QEMU.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
standin="$top_builddir/tests/qemu_standin"
pids=""
cleanup() { [ -n "$pids" ] && kill $pids 2>/dev/null; rm -rf "$t"; }
trap cleanup EXIT

start() { # EXE-NAME ARGS...
    name=$1; shift
    cp "$standin" "$t/$name"
    "$t/$name" "$@" > "$t/$name.ready" &
    pids="$pids $!"
    for _ in $(seq 1 100); do grep -q ready "$t/$name.ready" 2>/dev/null && return; sleep 0.05; done
}
start qemu-system-ppc64 -name guest=alpha,debug-threads=on --limit 1048576 --lock 256
pid_alpha=$(echo $pids | awk '{print $1}')
start qemu-kvm -name beta --limit 1048576 --lock 1000
pid_beta=$(echo $pids | awk '{print $2}')
start qemu-system-x86_64 -name 'guest=we,,ird,process=qemu:x' --limit 2097152
pid_weird=$(echo $pids | awk '{print $3}')
start not-qemu-at-all -name guest=impostor

run_mp guests --format json
is "$RC" 0 "guests --format json exits 0"
pick() { echo "$OUT" | jq -r ".[] | select(.pid == $1) | $2"; }
is "$(pick "$pid_alpha" .name)" alpha "-name guest=alpha,debug-threads=on gives alpha"
is "$(pick "$pid_alpha" .memlock_limit_bytes)" 1048576 "alpha: memlock limit from /proc/PID/limits"
is "$(pick "$pid_alpha" '.vmlck_kib >= 256')" true "alpha: VmLck counts the locked 256 KiB"
is "$(pick "$pid_alpha" .near_limit)" false "alpha: 25 % locked is not near the limit"
is "$(pick "$pid_beta" .name)" beta "-name beta gives beta (qemu-kvm)"
is "$(pick "$pid_beta" .near_limit)" true "beta: 1000 of 1024 KiB locked is near the limit"
is "$(pick "$pid_weird" .name)" "we,ird" "',,' in -name is a literal comma"
is "$(echo "$OUT" | jq '[.[] | select(.name == "impostor")] | length')" 0 "other executables are not listed"
is "$(pick "$pid_alpha" .vmpin_kib)" 0 "alpha: VmPin read"

run_mp guests
like "$OUT" "alpha" "text: lists alpha"
like "$OUT" "1 MiB" "text: shows the limit"
like "$OUT" "locked memory is at 90% or more" "text: warns about beta"

# Another user sees root's processes through argv[0] (the exe link is hidden).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    setpriv --reuid=65534 --regid=65534 --clear-groups "$MP" guests --format json > "$t/nobody.json" 2>&1
    is "$(jq -r ".[] | select(.pid == $pid_alpha) | .name" "$t/nobody.json")" alpha \
        "as another user: found through argv[0]"
else
    skip "not root: cannot switch user"
fi
plan_done

# TAP helpers for shell tests. Source it: . "$srcdir/tests/lib.sh"
# Each test script calls plan N (or plan_done at the end), then ok/fail/is/like.
: "${srcdir:=.}"
: "${MP:=./memlock-planner}"
TAP_N=0
TAP_FAILED=0
TMPDIR_TEST=$(mktemp -d "${TMPDIR:-/tmp}/mp-test.XXXXXX")
trap 'rm -rf "$TMPDIR_TEST"' EXIT

# slow_test: a slow test skips itself in a quick run (MP_QUICK_TESTS=1:
# scripts/test.sh's distcheck, after the plain and the sanitizer runs have
# run everything). Call it right after sourcing this file.
slow_test() {
    if [ -n "${MP_QUICK_TESTS:-}" ]; then
        echo "1..0 # SKIP slow, and MP_QUICK_TESTS is set"
        exit 0
    fi
}

plan() { echo "1..$1"; }
plan_done() { echo "1..$TAP_N"; [ "$TAP_FAILED" -eq 0 ]; }
ok() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $*"; }
fail() { TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1)); echo "not ok $TAP_N - $*"; }
skip() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP $*"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

# is GOT WANT NAME: exact string comparison.
is() {
    if [ "$1" = "$2" ]; then ok "$3"; else fail "$3"; diag "got:  $1" "want: $2"; fi
}
# like GOT SUBSTRING NAME
like() {
    case "$1" in
    *"$2"*) ok "$3" ;;
    *) fail "$3"; diag "got:  $1" "want text containing: $2" ;;
    esac
}
# run_mp ARGS...: runs the planner; sets OUT, ERR and RC.
run_mp() {
    "$MP" "$@" >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
    RC=$?
    OUT=$(cat "$TMPDIR_TEST/out")
    ERR=$(cat "$TMPDIR_TEST/err")
}

# QEMU stand-ins (tests/qemu_standin copied under a QEMU-like name).
# standin_start DIR EXE-NAME ARGS...: starts one in the background, adds its
# pid to $STANDIN_PIDS and waits for its "ready"; false when it exited first
# (it could not set its limit, say). standin_stop_all ends them.
STANDIN_PIDS=""
standin_start() {
    sdir=$1 sname=$2; shift 2
    cp "$top_builddir/tests/qemu_standin" "$sdir/$sname"
    "$sdir/$sname" "$@" > "$sdir/$sname.ready" 2>/dev/null &
    STANDIN_PIDS="$STANDIN_PIDS $!"
    for _ in $(seq 1 1200); do  # up to 60 s: a loaded machine starts it late
        grep -q ready "$sdir/$sname.ready" 2>/dev/null && return 0
        kill -0 $! 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}
standin_stop_all() { [ -n "$STANDIN_PIDS" ] && kill $STANDIN_PIDS 2>/dev/null; }

#!/bin/sh
# Quick start: set up, build, and run the whole test suite: make check, the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer, and make distcheck.
# The distcheck part proves the tarball builds and its tests pass; it runs the
# fast tests only (MP_QUICK_TESTS=1: slow tests skip themselves, the two runs
# before it ran them). Each part prints its wall time.
# Ends with one line: "N passed, N failed" (the skipped count on the line before).
# SKIP_SANITIZERS=1 and SKIP_DISTCHECK=1 leave those parts out.
set -u
cd "$(dirname "$0")/.."
PASS=0 FAILED=0 SKIPPED=0
start_all=$(date +%s)

count() { sed -n "s/^# $1: *\([0-9]*\).*/\1/p" "$2" | head -n 1; }
# wall SECONDS-SINCE-EPOCH: the time since then, as 4m07s.
wall() { s=$(($(date +%s) - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# run_suite BUILD-DIR LABEL [CONFIGURE-ARGS...] (SUITE_TESTS: only these tests)
SUITE_TESTS=
run_suite() {
    dir=$1; label=$2; shift 2
    t0=$(date +%s)
    if ! ./scripts/build.sh "$dir" "$@"; then
        echo "not ok - $label: build (wall $(wall "$t0"))"; FAILED=$((FAILED + 1)); return
    fi
    (cd "$dir" && make -s -j"$(nproc)" check ${SUITE_TESTS:+"TESTS=$SUITE_TESTS"} >/dev/null 2>&1)
    rc=$?
    log="$dir/test-suite.log"
    p=$(count PASS "$log"); f=$(count FAIL "$log"); e=$(count ERROR "$log")
    x=$(count XPASS "$log"); s=$(count SKIP "$log")
    failed=$(( ${f:-0} + ${e:-0} + ${x:-0} ))
    [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
    echo "$label: ${p:-0} passed, $failed failed, ${s:-0} skipped (wall $(wall "$t0"), build included)"
    if [ "$failed" -ne 0 ]; then
        grep -E '^(FAIL|ERROR|XPASS):' "$log" || true
        sed -n '/^[=]*$/,$p' "$log" | head -n 300
    fi
    PASS=$((PASS + ${p:-0})); FAILED=$((FAILED + failed)); SKIPPED=$((SKIPPED + ${s:-0}))
}

run_suite build "make check" --enable-werror
# Built without libvirt's client library: the --connect tests (the one-line
# refusal) and the calculation's.
SUITE_TESTS="tests/cli/libvirt_connect.sh tests/cli/libvirt_apply.sh tests/cli/libvirt_guests.sh tests/cli/libvirt_planner.sh tests/cli/calc_cases.sh tests/cli/calc_errors.sh tests/cli/manpage.sh"
[ "${SKIP_NOLIBVIRT:-0}" = 1 ] || run_suite build-nolibvirt "without libvirt" --enable-werror --without-libvirt
SUITE_TESTS=
[ "${SKIP_SANITIZERS:-0}" = 1 ] || run_suite build-sanitizers "sanitizers" --enable-werror --enable-sanitizers
# libpci is optional: the probe's tests again in a build without it.
SUITE_TESTS="tests/probe/umockdev_hostfacts.sh tests/probe/umockdev_x86.sh tests/probe/demo_hosts.sh"
[ "${SKIP_NOLIBPCI:-0}" = 1 ] || run_suite build-nolibpci "without libpci" --enable-werror --with-libpci=no
SUITE_TESTS=

if [ "${SKIP_DISTCHECK:-0}" != 1 ]; then
    t0=$(date +%s)
    if (cd build && MP_QUICK_TESTS=1 make -s distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror) \
        >build/distcheck.log 2>&1; then
        PASS=$((PASS + 1)); echo "ok - make distcheck, fast tests only (wall $(wall "$t0"))"
    else
        FAILED=$((FAILED + 1)); echo "not ok - make distcheck (wall $(wall "$t0"))"; tail -n 60 build/distcheck.log
    fi
fi
echo "skipped: $SKIPPED; wall time in all: $(wall "$start_all")"
# The last line, as CI reads it.
echo "$PASS passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

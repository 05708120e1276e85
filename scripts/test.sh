#!/bin/sh
# Quick start: set up, build, and run the whole test suite: make check, the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer, and make distcheck.
# Ends with one line: "N passed, N failed" (the skipped count on the line before).
set -u
cd "$(dirname "$0")/.."
PASS=0 FAILED=0 SKIPPED=0

count() { sed -n "s/^# $1: *\([0-9]*\).*/\1/p" "$2" | head -n 1; }

# run_suite BUILD-DIR LABEL [CONFIGURE-ARGS...] (SUITE_TESTS: only these tests)
SUITE_TESTS=
run_suite() {
    dir=$1; label=$2; shift 2
    if ! ./scripts/build.sh "$dir" "$@"; then
        echo "not ok - $label: build"; FAILED=$((FAILED + 1)); return
    fi
    (cd "$dir" && make -s -j"$(nproc)" check ${SUITE_TESTS:+"TESTS=$SUITE_TESTS"} >/dev/null 2>&1)
    rc=$?
    log="$dir/test-suite.log"
    p=$(count PASS "$log"); f=$(count FAIL "$log"); e=$(count ERROR "$log")
    x=$(count XPASS "$log"); s=$(count SKIP "$log")
    failed=$(( ${f:-0} + ${e:-0} + ${x:-0} ))
    [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
    echo "$label: ${p:-0} passed, $failed failed, ${s:-0} skipped"
    if [ "$failed" -ne 0 ]; then
        grep -E '^(FAIL|ERROR|XPASS):' "$log" || true
        sed -n '/^[=]*$/,$p' "$log" | head -n 300
    fi
    PASS=$((PASS + ${p:-0})); FAILED=$((FAILED + failed)); SKIPPED=$((SKIPPED + ${s:-0}))
}

run_suite build "make check"
# Built without libvirt's client library: the --connect tests (the one-line
# refusal) and the calculation's.
SUITE_TESTS="tests/cli/libvirt_connect.sh tests/cli/libvirt_apply.sh tests/cli/libvirt_guests.sh tests/cli/libvirt_planner.sh tests/cli/calc_cases.sh tests/cli/calc_errors.sh tests/cli/manpage.sh"
[ "${SKIP_NOLIBVIRT:-0}" = 1 ] || run_suite build-nolibvirt "without libvirt" --without-libvirt
SUITE_TESTS=
[ "${SKIP_SANITIZERS:-0}" = 1 ] || run_suite build-sanitizers "sanitizers" --enable-sanitizers
# libpci is optional: the probe's tests again in a build without it.
SUITE_TESTS="tests/probe/umockdev_hostfacts.sh tests/probe/umockdev_x86.sh tests/probe/demo_hosts.sh"
[ "${SKIP_NOLIBPCI:-0}" = 1 ] || run_suite build-nolibpci "without libpci" --with-libpci=no
SUITE_TESTS=

if [ "${SKIP_DISTCHECK:-0}" != 1 ]; then
    if (cd build && make -s distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror) >build/distcheck.log 2>&1; then
        PASS=$((PASS + 1)); echo "ok - make distcheck"
    else
        FAILED=$((FAILED + 1)); echo "not ok - make distcheck"; tail -n 60 build/distcheck.log
    fi
fi
echo "skipped: $SKIPPED"
# The last line, as CI reads it.
echo "$PASS passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

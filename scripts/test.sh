#!/bin/sh
# Quick start: set up, build, and run the whole test suite (make check, then
# make distcheck). Ends with one line: "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
./scripts/build.sh || { echo "0 passed, 1 failed"; exit 1; }

make -s -j"$(nproc)" check >/dev/null 2>&1
check_rc=$?
count() { sed -n "s/^# $1: *\([0-9]*\).*/\1/p" test-suite.log | head -n 1; }
pass=$(count PASS); fail=$(count FAIL); err=$(count ERROR); xpass=$(count XPASS); skip=$(count SKIP)
pass=${pass:-0}; fail=${fail:-0}; err=${err:-0}; xpass=${xpass:-0}; skip=${skip:-0}
failed=$((fail + err + xpass))
if [ "$check_rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
    # Show what failed: the TAP lines and the logs of failing tests.
    grep -E '^(FAIL|ERROR|XPASS):' test-suite.log || true
    sed -n '/^[=]*$/,$p' test-suite.log | head -n 400
    [ "$failed" -eq 0 ] && failed=1
fi

if [ "${SKIP_DISTCHECK:-0}" != 1 ]; then
    if make -s distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror >distcheck.log 2>&1; then
        pass=$((pass + 1)); echo "ok - make distcheck"
    else
        failed=$((failed + 1)); echo "not ok - make distcheck"; tail -n 60 distcheck.log
    fi
fi
echo "$pass passed, $failed failed, $skip skipped"
[ "$failed" -eq 0 ]

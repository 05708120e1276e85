#!/bin/sh
# valgrind memcheck over the non-interactive commands: no errors, no
# definitely-lost bytes. Skipped when valgrind is missing or the binary is
# built with sanitizers (they cannot run under valgrind).
. "$srcdir/tests/lib.sh"
slow_test
if ! command -v valgrind >/dev/null 2>&1; then
    skip "valgrind is not installed"
    plan_done
    exit 0
fi
if nm "$MP" 2>/dev/null | grep -q __asan_init; then
    skip "built with AddressSanitizer"
    plan_done
    exit 0
fi
views="$srcdir/tests/data/views"
calc="$srcdir/tests/data/calc"

# memcheck NAME ARGS...: runs the planner under memcheck; exit status 99 marks
# a memcheck error, so the planner's own status (0 or 2) stays visible.
memcheck() {
    name=$1
    shift
    log="$TMPDIR_TEST/vg.log"
    valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --log-file="$log" "$MP" "$@" >/dev/null 2>&1
    rc=$?
    if [ "$rc" -ne 99 ] && ! grep -q "definitely lost" "$log"; then
        ok "memcheck clean: $name (exit $rc)"
    else
        fail "memcheck: $name"
        head -n 40 "$log" | sed 's/^/# /'
    fi
}

memcheck "calc pseries NVLink2" calc --host demo:ac922 --format json "$views/ac922-gpu0.xml"
memcheck "calc text" calc --host demo:ac922 "$calc/worked-q35-16g-2vfio-viommu.xml"
memcheck "calc bad input" calc --host none "$srcdir/tests/hostile/billion-laughs.xml"
memcheck "compare" compare --host demo:ac922 "$views/ac922-gpu0.xml"
memcheck "map" map --host demo:ac922 --format json "$views/ac922-gpu0.xml"
memcheck "capacity" capacity --host demo:ac922 "$views/ac922-gpu0.xml"
memcheck "tour" tour
memcheck "probe" probe --host demo:ac922
memcheck "probe json" probe --host demo:ac922 --format json
memcheck "probe xml" probe --host demo:ac922 --format xml
"$MP" probe --host demo:ac922 --format xml >"$TMPDIR_TEST/host.xml" 2>/dev/null
memcheck "probe from a snapshot" probe --host "$TMPDIR_TEST/host.xml" --format json
for fmt in text md json html; do
    memcheck "report $fmt" report --host demo:ac922 --format "$fmt" -o "$TMPDIR_TEST/r.$fmt" \
        "$views/ac922-gpu0.xml" "$calc/worked-q35-16g-2vfio-viommu.xml"
done
memcheck "apply" apply --host demo:ac922 "$views/ac922-gpu0.xml" -o "$TMPDIR_TEST/applied.xml"
plan_done

#!/bin/sh
# Text from snapshots (as from sysfs and the device tree) never reaches the
# terminal raw: C0 and C1 control characters and DEL in a host's description,
# hostname and device names are neutralised in every text output, and escaped
# in JSON.
. "$srcdir/tests/lib.sh"
host="$srcdir/tests/data/hostile-host/controls.xml"
guest="$srcdir/data/guests/x86-q35-viommu.xml"
# raw_controls FILE: lines with a C0 control (but tab/newline), DEL or a C1 control.
raw_controls() { LC_ALL=C grep -c -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
grep -q '&#x9b;' "$host" && ok "the hostile snapshot holds C1 controls" || fail "the hostile snapshot holds C1 controls"
for args in "probe" "probe --format json" "probe --format xml" "calc $guest" "calc --format json $guest" \
            "report $guest" "report --format md $guest" "report --format html $guest" \
            "report --format json $guest" "capacity $guest" "compare $guest"; do
    # shellcheck disable=SC2086
    "$MP" $args --host "$host" >"$TMPDIR_TEST/out" 2>&1
    rc=$?
    is "$rc" 0 "$args: accepted"
    is "$(raw_controls "$TMPDIR_TEST/out")" 0 "$args: no raw control characters"
done
"$MP" probe --host "$host" >"$TMPDIR_TEST/out"
like "$(cat "$TMPDIR_TEST/out")" "evil" "probe text still shows the readable part of the description"
"$MP" probe --host "$host" --format json | jq -r .devices[].name >"$TMPDIR_TEST/names" 2>/dev/null
LC_ALL=C grep -q -P '\xc2\x9b' "$TMPDIR_TEST/names" && ok "JSON keeps the text, escaped (jq decodes it)" ||
    fail "JSON keeps the text, escaped (jq decodes it)"
plan_done

#!/bin/sh
# calc agrees with libvirt byte for byte: libvirt's own test cases, worked
# values, and every unit, through the real binary.
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"

grep -v '^#' "$data/cases.txt" | while IFS='|' read -r file host profile want; do
    [ -n "$file" ] || continue
    run_mp calc --host "$host" --libvirt "$profile" "$data/$file"
    first=$(printf '%s\n' "$OUT" | head -n 1)
    if [ "$RC" -eq 0 ] && [ "$first" = "$want" ]; then
        ok "$file --host $host --libvirt $profile: $want"
    else
        fail "$file --host $host --libvirt $profile: $want"
        diag "exit $RC, first line '$first'" "$ERR"
    fi
    # JSON says the same.
    run_mp calc --format json --host "$host" --libvirt "$profile" "$data/$file"
    got=$(printf '%s' "$OUT" | jq -r '.limit_bytes')
    [ "$want" = 0 ] && [ "$(printf '%s' "$OUT" | jq -r .kind)" = none ] && got=0
    is "$got" "$want" "$file as JSON: limit_bytes"
done > "$TMPDIR_TEST/tap"
cat "$TMPDIR_TEST/tap"
n=$(grep -c '^\(not \)\?ok ' "$TMPDIR_TEST/tap")
echo "1..$n"
! grep -q '^not ok' "$TMPDIR_TEST/tap"

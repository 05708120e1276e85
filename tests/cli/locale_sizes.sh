#!/bin/sh
# Sizes for people follow the locale's decimal separator as digit groups
# do (576,52 GiB in de and pt_BR); machine formats keep '.', and counted
# messages use plural forms in their English text too ("2 PHBs").
. "$srcdir/tests/lib.sh"
guest="$srcdir/data/guests/pseries-ac922-socket0.xml"
has_locale() { locale -a 2>/dev/null | grep -qix "$1"; }
"$MP" calc --host demo:ac922 --format json "$guest" > "$TMPDIR_TEST/c.json"
"$MP" tour --format json > "$TMPDIR_TEST/t.json"
like "$("$MP" calc --host demo:ac922 "$guest")" "Limit: 576.52 GiB (619,037,327,360 bytes)" "C: 576.52 GiB"
for l in de_DE.utf8 pt_BR.utf8; do
    if ! has_locale "$l"; then
        skip "$l: locale not installed (scripts/install-deps.sh makes it)"
        continue
    fi
    out=$(LC_ALL=$l "$MP" calc --host demo:ac922 "$guest")
    like "$out" "576,52 GiB (619.037.327.360 bytes)" "$l: decimal comma and grouping dots"
    like "$(LC_ALL=$l "$MP" tour --step 3)" "64,77 GiB -> 832,53 GiB" "$l: the tour's limits"
    LC_ALL=$l "$MP" calc --host demo:ac922 --format json "$guest" > "$TMPDIR_TEST/c-$l.json"
    cmp -s "$TMPDIR_TEST/c.json" "$TMPDIR_TEST/c-$l.json" && ok "$l: calc JSON as in C" ||
        fail "$l: calc JSON as in C"
    LC_ALL=$l "$MP" tour --format json > "$TMPDIR_TEST/t-$l.json"
    cmp -s "$TMPDIR_TEST/t.json" "$TMPDIR_TEST/t-$l.json" && ok "$l: tour JSON (sizes in warnings) as in C" ||
        fail "$l: tour JSON (sizes in warnings) as in C"
done
like "$(jq -r '.[2].warnings[0]' "$TMPDIR_TEST/t.json")" "the limit (832.53 GiB)" "JSON warnings: 832.53 GiB"
is "$(jq -r '[.. | strings | select(test("\\(s\\)"))] | length' "$TMPDIR_TEST/c.json")" 0 \
    "calc JSON: no '(s)' plurals"
like "$(jq -r '.terms[] | select(.id == "dma32") | .why' "$TMPDIR_TEST/c.json")" "; 2 PHBs." \
    "calc JSON: 2 PHBs"
one="$TMPDIR_TEST/one.xml"
"$MP" tour --step 1 --format xml > "$one"
like "$("$MP" calc --host demo:ac922 --format json "$one" | jq -r '.terms[] | select(.id == "dma32") | .why')" \
    "; 1 PHB." "calc JSON: 1 PHB"
plan_done

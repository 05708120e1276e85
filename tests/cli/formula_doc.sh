#!/bin/sh
# doc/formula.md and the man page list every step of the formula with its
# first release, the releases it spans and what it changed, in the very words
# the planner uses (compare --format json: steps).
. "$srcdir/tests/lib.sh"
md="$srcdir/doc/formula.md"
# configure writes it from doc/memlock-planner.1.in, with the version.
man1="$top_builddir/doc/memlock-planner.1"
json=$("$MP" compare --host none --format json "$srcdir/tests/data/calc/pc-kvm.xml")
n=$(printf '%s' "$json" | jq -r '.steps | length')
[ "$n" -ge 9 ] && ok "compare lists $n steps" || fail "compare lists $n steps"
# The man page as text: roff's escaped minus signs read back as '-'.
man_text=$(sed 's/\\-/-/g' "$man1")
i=0
while [ "$i" -lt "$n" ]; do
    id=$(printf '%s' "$json" | jq -r ".steps[$i].profile")
    span=$(printf '%s' "$json" | jq -r ".steps[$i].span")
    label=$(printf '%s' "$json" | jq -r ".steps[$i].label")
    basis=$(printf '%s' "$json" | jq -r ".steps[$i].basis")
    if grep -qF -- "- **$id** ($span): $label. *$basis.*" "$md"; then
        ok "doc/formula.md: step $id in the planner's words"
    else
        fail "doc/formula.md: step $id in the planner's words"
        diag "want: - **$id** ($span): $label. *$basis.*"
    fi
    if printf '%s\n' "$man_text" | grep -A1 -xF ".B $id" | grep -qxF -- "($span) $label."; then
        ok "man page: step $id in the planner's words"
    else
        fail "man page: step $id in the planner's words"
        diag "want: .B $id / ($span) $label."
    fi
    i=$((i + 1))
done
plan_done

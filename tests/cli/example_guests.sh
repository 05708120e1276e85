#!/bin/sh
# The example guests in data/guests/ load and give the limits their comments state.
. "$srcdir/tests/lib.sh"
guests="$srcdir/data/guests"

check() { # FILE EXPECTED-FIRST-LINE [HOST]
    run_mp calc --host "${3:-none}" "$guests/$1"
    first=$(printf '%s\n' "$OUT" | head -n 1)
    if [ "$RC" -eq 0 ] && [ "$first" = "$2" ]; then
        ok "$1: $2"
    else
        fail "$1: $2"
        diag "exit $RC, first line '$first'" "$ERR"
    fi
}
check pseries-1g-hostdev.xml 4320133120
# Without host facts: 8 devices each alone, 9 PHBs, the plain VFIO formula.
check pseries-ac922-socket0.xml 70518833152
check x86-q35-viommu.xml 35433480192
# On the AC922: one compound IOMMU group, so 2 PHBs, and the NVLink2 formula.
check pseries-ac922-socket0.xml 619037327360 demo:ac922

run_mp calc --host none --format json "$guests/pseries-ac922-socket0.xml"
is "$(printf '%s' "$OUT" | jq -r .phbs.count)" 9 "ac922 socket 0 without host facts: 9 PHBs"
run_mp calc --host none --format json "$guests/x86-q35-viommu.xml"
is "$(printf '%s' "$OUT" | jq -r .rule)" generic "q35: the generic rule"
plan_done

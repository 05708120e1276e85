#!/bin/sh
# The Markdown report against golden files: the same summary first, verdict
# and lines to paste, tables with their total rows, a fleet with a guest that
# cannot be read, an x86 guest on the ppc64le host, a hostile name. The date
# comes from SOURCE_DATE_EPOCH; the version is masked so that a release does
# not touch the files. MP_UPDATE_GOLDEN=1 rewrites them (read the diff!).
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
golden="$(cd "$srcdir" && pwd)/tests/report/golden"
export SOURCE_DATE_EPOCH=1800000000
cd "$srcdir" || exit 1
c=tests/data/calc

check() { # check NAME EXPECTED-STATUS ARGS...
    name=$1 want=$2
    shift 2
    LC_ALL=C "$MP" report --format md "$@" > "$t/$name.md" 2>"$t/$name.err"
    is "$?" "$want" "$name: exit $want"
    sed -E 's/memlock-planner [0-9][0-9.]*[^;]*;/memlock-planner VERSION;/' "$t/$name.md" > "$t/$name.got"
    if [ -n "${MP_UPDATE_GOLDEN:-}" ]; then
        cp "$t/$name.got" "$golden/$name.md"
    fi
    if diff -u "$golden/$name.md" "$t/$name.got" > "$t/$name.diff"; then
        ok "$name: as tests/report/golden/$name.md"
    else
        fail "$name: as tests/report/golden/$name.md"
        head -n 30 "$t/$name.diff" | sed 's/^/# /'
    fi
}

check one 0 --host demo:ac922 $c/worked-pseries-64g-nv2-2phb.xml
check fleet 2 --host demo:ac922 $c/pseries-hostdev.xml tests/report/data/no-memory.xml \
    $c/pc-locked.xml $c/worked-q35-16g-2vfio-viommu.xml $c/pseries-hardlimit.xml
check hostile 0 --host none tests/report/data/hostile-name.xml $c/pc-hostdev.xml
# What the golden files must hold, so that a rewrite cannot bless a regression.
first=$(grep -v '^$' "$golden/one.md" | sed -n 3p)
is "$first" "<a id=\"g1\"></a>" "one: the guest's section right after the heading"
kib=$("$MP" report --host demo:ac922 --format json $c/worked-pseries-64g-nv2-2phb.xml |
    jq -r '.recommendations[0].hard_limit_kib')
like "$(sed -n '/^## Guest/,/^\*\*Limit/p' "$golden/one.md")" \
    "virsh memtune 'worked-pseries-64g-nv2-2phb' --hard-limit $kib --config" \
    "one: the virsh line (the JSON's hard_limit_kib) before the limit's details"
is "$(grep -m1 '^## ' "$golden/fleet.md")" "## Summary" "fleet: the summary first"
like "$(cat "$golden/fleet.md")" "| tests/report/data/no-memory.xml | **could not be read** |" \
    "fleet: the broken guest in the summary"
like "$(cat "$golden/fleet.md")" "the guest's architecture (x86\\_64) is not the host's (ppc64le)" \
    "fleet: the x86 guest warned of"
like "$(cat "$golden/fleet.md")" "| **Total** | **4.02 GiB** | **4218880** | the limit: the terms added up |" \
    "fleet: a total row for the terms"
plan_done

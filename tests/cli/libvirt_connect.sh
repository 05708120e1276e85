#!/bin/sh
# --connect URI: guests are domains of libvirt's test driver; calc, report,
# compare, map and capacity on a domain equal the same on its dumped XML.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/libvirt.sh"
t="$TMPDIR_TEST"

if ! lv_built; then
    # Built without libvirt: one line, exit 2, and files still work.
    for cmd in calc report compare map capacity apply; do
        run_mp "$cmd" --host none --connect "$LV_URI" q35-vfio-viommu
        expect_one_line "$cmd without libvirt" "built without libvirt"
    done
    run_mp report --host none --connect "$LV_URI" --all
    expect_one_line "report --all without libvirt" "built without libvirt"
    LIBVIRT_DEFAULT_URI="$LV_URI" run_mp calc --host none q35-vfio-viommu
    expect_one_line "LIBVIRT_DEFAULT_URI without libvirt" "built without libvirt"
    run_mp calc --host none "$LV_DATA/q35-vfio-viommu.xml"
    is "$RC" 0 "without libvirt a file still works"
    plan_done
    exit
fi
command -v virsh >/dev/null 2>&1 || { plan 1; skip "virsh is not installed"; exit 0; }

ver=$(pkg-config --modversion libvirt 2>/dev/null)
note="libvirt release: $ver (the connection's libvirt, virConnectGetLibVersion)"
# The text without the line naming where the release came from: the file's
# run names it --libvirt.
strip_note() { grep -v "^libvirt release: "; }
for d in $LV_DOMAINS; do
    virsh -q -c "$LV_URI" dumpxml "$d" >"$t/$d.xml" || fail "virsh dumpxml $d"
    virsh -q -c "$LV_URI" dumpxml --inactive "$d" >"$t/$d.config.xml" || fail "virsh dumpxml --inactive $d"
    run_mp calc --host demo:ac922 --connect "$LV_URI" "$d"
    is "$RC" 0 "calc --connect $d exits 0"
    printf '%s\n' "$OUT" >"$t/conn.txt"
    like "$OUT" "$note" "calc --connect $d: the connection's libvirt names the release"
    want=$("$MP" calc --host demo:ac922 --libvirt "$ver" "$t/$d.xml" | strip_note)
    is "$(strip_note <"$t/conn.txt")" "$want" "calc --connect $d equals calc on 'virsh dumpxml $d'"
    run_mp calc --host demo:ac922 --format json --connect "$LV_URI" "$d"
    a=$(printf '%s' "$OUT" | jq -S 'del(.libvirt_release_source)')
    b=$("$MP" calc --host demo:ac922 --libvirt "$ver" --format json "$t/$d.xml" | jq -S 'del(.libvirt_release_source)')
    is "$a" "$b" "calc --format json --connect $d equals calc on the dumped XML (the release's source aside)"
    run_mp calc --host demo:ac922 --config --connect "$LV_URI" "$d"
    is "$(printf '%s\n' "$OUT" | strip_note)" "$("$MP" calc --host demo:ac922 --libvirt "$ver" "$t/$d.config.xml" | strip_note)" \
        "calc --config $d equals calc on 'virsh dumpxml --inactive $d'"
done
# The hard_limit domain is shut off: it has no live definition.
run_mp calc --host none --live --connect "$LV_URI" q35-hardlimit
expect_one_line "calc --live on a domain that is not running" "is not running"
run_mp calc --host none --live --connect "$LV_URI" q35-vfio-viommu
is "$RC" 0 "calc --live on a running domain"

# A UUID finds the same domain.
run_mp calc --host demo:ac922 --connect "$LV_URI" 6b1f0c6e-3a51-4b39-9d8c-0a4f5e6d7c02
is "$OUT" "$("$MP" calc --host demo:ac922 --connect "$LV_URI" q35-vfio-viommu)" "calc by UUID equals calc by name"
# --libvirt wins over the connection's version, and then nothing is said.
run_mp calc --host demo:ac922 --libvirt 5.3 --connect "$LV_URI" q35-vfio-viommu
is "$OUT" "$("$MP" calc --host demo:ac922 --libvirt 5.3 "$t/q35-vfio-viommu.xml")" \
    "calc --libvirt 5.3 --connect equals the file under 5.3, no note"

# LIBVIRT_DEFAULT_URI, as virsh honours it: names that are not files are domains.
LIBVIRT_DEFAULT_URI="$LV_URI" run_mp calc --host demo:ac922 q35-vfio-viommu
is "$(printf '%s\n' "$OUT" | strip_note)" "$("$MP" calc --host demo:ac922 --libvirt "$ver" "$t/q35-vfio-viommu.xml" | strip_note)" \
    "LIBVIRT_DEFAULT_URI: calc DOMAIN reads the domain"
LIBVIRT_DEFAULT_URI="$LV_URI" run_mp calc --host demo:ac922 "$t/q35-locked.xml"
is "$OUT" "$("$MP" calc --host demo:ac922 "$t/q35-locked.xml")" "LIBVIRT_DEFAULT_URI: a file is still a file"

# compare, map, capacity: as on the file.
for v in compare map capacity; do
    d=q35-vfio-viommu
    [ "$v" = map ] && d=pseries-nvlink2
    run_mp "$v" --host demo:ac922 --format json --connect "$LV_URI" "$d"
    is "$(printf '%s' "$OUT" | jq -S 'del(.. | .libvirt_release_source?)')" \
        "$("$MP" "$v" --host demo:ac922 --libvirt "$ver" --format json "$t/$d.xml" | jq -S 'del(.. | .libvirt_release_source?)')" \
        "$v --connect $d equals $v on the dumped XML"
done

# report --all: every domain, by name, as a report on the dumped files.
run_mp report --host demo:ac922 --format json --connect "$LV_URI" --all
is "$RC" 0 "report --all exits 0"
is "$(printf '%s' "$OUT" | jq -c '[.guests[].limit_bytes]')" \
    "$("$MP" report --host demo:ac922 --libvirt "$ver" --format json "$t/pc-small-hardlimit.xml" "$t/pseries-nvlink2.xml" \
        "$t/q35-hardlimit.xml" "$t/q35-locked.xml" "$t/q35-vfio-viommu.xml" | jq -c '[.guests[].limit_bytes]')" \
    "report --all: the limits of the dumped files, domains sorted by name"
run_mp report --host demo:ac922 --connect "$LV_URI" --all
for d in $LV_DOMAINS; do
    like "$OUT" "Guest $d" "report --all has $d"
done
run_mp report --host none --all
expect_one_line "report --all without --connect" "needs --connect"

# Errors: one line, exit 2.
run_mp calc --host none --connect "$LV_URI" no-such-domain
expect_one_line "unknown domain" "no domain 'no-such-domain'"
run_mp calc --host none --connect "$LV_URI" "$(printf 'evil\033[2J\007')"
expect_one_line "a domain name with escapes is made safe" "no domain 'evil?[2J?'"
case "$ERR" in *"$(printf '\033')"*) fail "an escape reached the terminal" ;; *) ok "no escape on stderr" ;; esac
run_mp calc --host none --connect "qemu+unix:///system?socket=$t/no-daemon" x
expect_one_line "no daemon at the URI" "no libvirt there"
printf '<node><domain type="kvm"><name>x</name>' >"$t/broken-node.xml"
run_mp calc --host none --connect "test://$t/broken-node.xml" x
expect_one_line "a node file libvirt cannot read (libxml2 stays quiet)" "virConnectOpenAuth"
run_mp calc --host none --connect test:///default test
expect_one_line "test:///default's own domain is not a QEMU guest" "test"
run_mp report --host none --connect test:///default --all
expect_one_line "report --all stops at a domain that is not a QEMU guest" "test"
# diff --connect: two domains, or a domain and a file, as calc reads them.
run_mp diff --host none --format json --connect "$LV_URI" q35-vfio-viommu q35-locked
is "$RC" 0 "diff --connect: two domains"
want_old=$("$MP" calc --host none --format json --connect "$LV_URI" q35-vfio-viommu | jq -r .limit_kib)
is "$(printf '%s' "$OUT" | jq -r .old.limit_kib)" "$want_old" "diff --connect: the old limit is calc --connect's"
# With LIBVIRT_DEFAULT_URI an existing file is a file, anything else a domain.
LIBVIRT_DEFAULT_URI="$LV_URI" run_mp diff --host none q35-vfio-viommu "$t/q35-locked.xml"
is "$RC" 0 "diff with LIBVIRT_DEFAULT_URI: a domain and a file"
run_mp diff --host none --connect "$LV_URI" q35-vfio-viommu nosuch
expect_one_line "diff --connect, no such domain" "no domain 'nosuch'"
plan_done

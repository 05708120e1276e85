#!/bin/sh
# apply --connect URI DOMAIN: hard_limit set through libvirt's test driver,
# read back in the same connection (the test driver keeps its state per
# connection), nothing else changed, no file written; every refusal changes
# nothing.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/libvirt.sh"
t="$TMPDIR_TEST"

if ! lv_built; then
    run_mp apply --host none --connect "$LV_URI" q35-vfio-viommu
    expect_one_line "apply without libvirt" "built without libvirt"
    plan_done
    exit
fi
command -v virsh >/dev/null 2>&1 || { plan 1; skip "virsh is not installed"; exit 0; }
sums() { (cd "$LV_DATA" && cksum ./*.xml); }
before=$(sums)
kib() { # DOMAIN: what calc computes from 'virsh dumpxml --inactive' without its hard_limit,
       # under the connection's libvirt
    virsh -q -c "$LV_URI" dumpxml --inactive "$1" | sed '/<memtune>/,/<\/memtune>/d' >"$t/$1.xml"
    "$MP" calc --host demo:ac922 --libvirt "$(pkg-config --modversion libvirt)" --format json "$t/$1.xml" | jq .limit_kib
}

# apply adds --headroom above libvirt's figure: 1 GiB by default.
hr=1048576
k=$(kib q35-vfio-viommu)
is "$k" 34603008 "q35 with two VFIO devices and a vIOMMU: 2 x 16 GiB + 1 GiB"
k=$((k + hr))
run_mp apply --host demo:ac922 --connect "$LV_URI" q35-vfio-viommu
is "$RC" 0 "apply --connect q35-vfio-viommu exits 0"
is "$ERR" "" "nothing on stderr"
like "$OUT" "persistent definition: hard_limit unlimited -> $k KiB (34 GiB)" "shows the change"
like "$OUT" "read back (virDomainGetMemoryParameters, config): hard_limit $k KiB (34 GiB)" \
    "libvirt reports the new hard_limit"
like "$OUT" "the persistent definition differs in <memtune> only" "nothing else changed"

# A hard_limit already there is replaced by libvirt's own limit (no headroom).
k=$(kib q35-hardlimit)
run_mp apply --host demo:ac922 --headroom 0 --connect "$LV_URI" q35-hardlimit
like "$OUT" "persistent definition: hard_limit 6291456 KiB (6 GiB) -> $k KiB" "q35-hardlimit: 6 GiB -> $k KiB"
like "$OUT" "read back (virDomainGetMemoryParameters, config): hard_limit $k KiB" "q35-hardlimit: read back"

# --live: the running domain too, each read back.
k=$(($(kib pseries-nvlink2) + hr))
run_mp apply --host demo:ac922 --live --connect "$LV_URI" pseries-nvlink2
is "$RC" 0 "apply --live pseries-nvlink2 exits 0"
like "$OUT" "running domain:        hard_limit unlimited -> $k KiB" "--live shows the running domain's change"
like "$OUT" "read back (virDomainGetMemoryParameters, live): hard_limit $k KiB" "--live: read back live"
like "$OUT" "read back (virDomainGetMemoryParameters, config): hard_limit $k KiB" "--live: read back config"

# --dry-run: the calls it would make, no read back.
run_mp apply --host demo:ac922 --dry-run --connect "$LV_URI" q35-vfio-viommu
is "$RC" 0 "--dry-run exits 0"
like "$OUT" "dry run: would call virDomainSetMemoryParameters(hard_limit=35651584, VIR_DOMAIN_AFFECT_CONFIG)" \
    "--dry-run names the call"
case "$OUT" in *"read back"*) fail "--dry-run set something" ;; *) ok "--dry-run sets nothing" ;; esac

# Refusals: one line, exit 2, nothing set.
ALLOW_OUT=1
run_mp apply --host demo:ac922 --readonly --connect "$LV_URI" q35-vfio-viommu
expect_one_line "read-only connection" "the connection is read-only (virDomainSetMemoryParameters: operation forbidden: read only access prevents virDomainSetMemoryParameters)"
case "$OUT" in *"read back"*) fail "read-only: something was set" ;; *) ok "read-only: nothing set" ;; esac
ALLOW_OUT=0
run_mp apply --host demo:ac922 --live --connect "$LV_URI" q35-hardlimit
expect_one_line "--live on a domain that is not running" "is not running"
run_mp apply --host demo:ac922 --connect "$LV_URI" pc-small-hardlimit
expect_one_line "nothing passed through: no hard_limit to set" "no hard_limit set"
run_mp apply --host demo:ac922 --connect "$LV_URI" no-such-domain
expect_one_line "unknown domain" "no domain 'no-such-domain'"
run_mp apply --host demo:ac922 --connect "qemu+unix:///system?socket=$t/no-daemon" x
expect_one_line "no daemon" "no libvirt there"
run_mp apply --host demo:ac922 --connect "$LV_URI" q35-vfio-viommu -o "$t/out.xml"
expect_one_line "-o with --connect" "drop -o"
[ -e "$t/out.xml" ] && fail "-o with --connect wrote a file" || ok "-o with --connect wrote no file"

# No file was written: the node and domain files are as they were, and a new
# connection (virsh) sees the original hard_limits.
is "$(sums)" "$before" "the test driver's files are unchanged"
is "$(virsh -q -c "$LV_URI" memtune q35-hardlimit --config | awk '/hard_limit/ { print $3 }')" 6291456 \
    "a new connection still sees q35-hardlimit's 6 GiB"

# The file form's --dry-run writes nothing.
run_mp apply --host demo:ac922 --dry-run "$LV_DATA/q35-vfio-viommu.xml" -o "$t/new.xml"
like "$OUT" "dry run: would write $t/new.xml with hard_limit 35651584 KiB" "file --dry-run says what it would write"
[ -e "$t/new.xml" ] && fail "file --dry-run wrote" || ok "file --dry-run wrote nothing"
plan_done

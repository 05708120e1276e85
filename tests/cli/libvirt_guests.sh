#!/bin/sh
# guests --connect URI: each test-driver domain beside a stand-in QEMU process
# started with its -name; libvirt's limit from the running definition against
# the process's.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/libvirt.sh"
t="$TMPDIR_TEST"
if ! lv_built; then
    run_mp guests --connect "$LV_URI"
    expect_one_line "guests --connect without libvirt" "built without libvirt"
    plan_done
    exit
fi
trap 'standin_stop_all; rm -rf "$t"' EXIT
start() { standin_start "$t" "$@" || fail "stand-in $1 started"; } # EXE-NAME ARGS...
# pc-small-hardlimit's limit is its hard_limit, 4 MiB: under the usual hard
# RLIMIT_MEMLOCK, so that no privilege is needed to give the stand-in that.
start qemu-system-x86_64 -name guest=pc-small-hardlimit,debug-threads=on --limit 4194304
start qemu-kvm -name q35-locked --limit 1048576

run_mp guests --host demo:ac922 --format json --connect "$LV_URI"
is "$RC" 0 "guests --connect exits 0"
pick() { printf '%s' "$OUT" | jq -r ".domains[] | select(.name == \"$1\") | $2"; }
is "$(printf '%s' "$OUT" | jq -r '[.domains[].name] | join(" ")')" \
    "pc-small-hardlimit pseries-nvlink2 q35-hardlimit q35-locked q35-vfio-viommu" "every domain, by name"
is "$(pick pc-small-hardlimit .libvirt_limit_bytes)" 4194304 "pc-small-hardlimit: libvirt's limit from the live definition"
is "$(pick pc-small-hardlimit .check)" ok "pc-small-hardlimit: the process has libvirt's limit"
is "$(pick pc-small-hardlimit '.pid != null')" true "pc-small-hardlimit is paired with its process"
is "$(pick q35-vfio-viommu .libvirt_limit_bytes)" $((33 << 30)) "q35-vfio-viommu: 2 x 16 GiB + 1 GiB"
is "$(pick q35-locked .libvirt_limit_bytes)" unlimited "q35-locked: libvirt lifts the limit"
is "$(pick q35-locked .process_limit_bytes)" 1048576 "q35-locked: the process has 1 MiB"
is "$(pick q35-locked .check)" differs "q35-locked: the process's limit differs from libvirt's"
is "$(pick pseries-nvlink2 .check)" no_process "pseries-nvlink2: running, no process here"
is "$(pick q35-hardlimit .check)" not_running "q35-hardlimit: shut off"
# The diagnosis verdict on the live definition (core/running_check.c, as guests
# gives without a connection): nothing passed through, so its 4 MiB covers the need.
is "$(pick pc-small-hardlimit .verdict)" as_expected "pc-small-hardlimit: libvirt's limit, and it covers the need"
is "$(pick pc-small-hardlimit '.need_bytes <= 4194304')" true "pc-small-hardlimit: the need is within its 4 MiB"
is "$(pick q35-locked .verdict)" below_need "q35-locked: 1 MiB is below a locked guest's need"
is "$(pick pseries-nvlink2 .verdict)" null "pseries-nvlink2: no process, no verdict"
run_mp guests --host demo:ac922 --connect "$LV_URI"
like "$OUT" "differs from libvirt's !" "text: the mismatch is marked"
like "$OUT" "as libvirt computes" "text: the match is said"
like "$OUT" "no QEMU process here" "text: a domain without a process"
like "$OUT" "below" "text: the verdict's sentence under a paired domain (q35-locked)"
run_mp guests --host none --connect "qemu+unix:///system?socket=$t/none"
expect_one_line "guests --connect: no daemon" "no libvirt there"
plan_done

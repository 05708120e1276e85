#!/bin/sh
# capacity on hosts that cannot run the guest at all: 0, with the reason (no
# /dev/kvm for a kvm guest, another architecture, a hostdev not on the host
# or in no IOMMU group), and the counts that do fit otherwise.
. "$srcdir/tests/lib.sh"
g="$srcdir/tests/data/capacity/x86-gpu-passthrough.xml"
snap="$TMPDIR_TEST/host.xml"
"$MP" probe --host demo:x86-gpu --format xml > "$snap"
cap() { run_mp capacity --format json --host "$@"; }
jo() { printf '%s' "$OUT" | jq -r "$1"; }

cap demo:x86-gpu "$g"
is "$RC" 0 "runnable host: exits 0"
is "$(jo .fits)" 1 "runnable host: the one GPU group fits one guest"
is "$(jo '.blocked_by | length')" 0 "runnable host: nothing blocks"

# No /dev/kvm: a snapshot of the same host without it.
sed 's|<kvm>yes</kvm>|<kvm>no</kvm>|' "$snap" > "$TMPDIR_TEST/nokvm.xml"
cap "$TMPDIR_TEST/nokvm.xml" "$g"
is "$RC" 0 "no kvm: exits 0"
is "$(jo .fits)" 0 "no kvm: 0 fit"
is "$(jo .limited_by)" kvm "no kvm: limited by kvm"
is "$(jo '.blocked_by | join("|")')" "/dev/kvm (absent: a kvm guest cannot start)" "no kvm: the reason"
run_mp capacity --host "$TMPDIR_TEST/nokvm.xml" "$g"
like "$OUT" "Capacity: 0 guests: this host cannot run this guest: /dev/kvm (absent: a kvm guest cannot start)." \
    "no kvm: text says 0 and why"
# A TCG guest needs no KVM (and passes nothing through).
sed "s|type='kvm'|type='qemu'|" "$g" > "$TMPDIR_TEST/tcg.xml"
cap "$TMPDIR_TEST/nokvm.xml" "$TMPDIR_TEST/tcg.xml"
is "$(jo '[.blocked_by[] | select(startswith("/dev/kvm"))] | length')" 0 "TCG guest: no KVM needed"

# The GPU in no IOMMU group (IOMMU off).
sed '/address="0000:01:00.0"/s| iommu_group="[0-9]*"||' "$snap" > "$TMPDIR_TEST/nogroup.xml"
cap "$TMPDIR_TEST/nogroup.xml" "$g"
is "$(jo .fits)" 0 "no group: 0 fit"
is "$(jo '.blocked_by | join("|")')" "hostdev 0000:01:00.0 (in no IOMMU group: VFIO cannot assign it)" \
    "no group: the hostdev named"

# A hostdev the host does not have.
sed 's|bus=.0x01. slot=.0x00. function=.0x1.|bus="0x05" slot="0x00" function="0x0"|' "$g" > "$TMPDIR_TEST/absent.xml"
cap demo:x86-gpu "$TMPDIR_TEST/absent.xml"
is "$(jo .fits)" 0 "absent hostdev: 0 fit"
is "$(jo '.blocked_by | join("|")')" "hostdev 0000:05:00.0 (not on this host)" "absent hostdev: named"
is "$(jo '[.resources[] | select(.blocker | not) | .id] | join(" ")')" \
    "ram groups:10de:10f7 x1 + 10de:1e30 x1" "absent hostdev: the other resources still counted"

# Another architecture: a pseries guest on the x86 host.
cap demo:x86-gpu "$srcdir/tests/data/calc/pseries-kvm.xml"
is "$(jo .fits)" 0 "pseries on x86: 0 fit"
is "$(jo .limited_by)" arch "pseries on x86: limited by the architecture"
like "$(jo '.blocked_by[0]')" "x86_64; KVM runs no ppc64" "pseries on x86: both architectures said"

# No host facts: unknown, not 0.
cap none "$g"
is "$(jo .fits)" null "no host facts: unknown, not 0"
plan_done

#!/bin/sh
# The live probe's host facts over umockdev hosts and a stub root
# (MEMLOCK_PLANNER_ROOT): names from a private pci.ids, no IOMMU groups (and
# which switch turns them on), no /dev/kvm, vfio-pci absent, iommufd, the
# memlock limits of pam_limits and systemd.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/probe/lib-umockdev.sh"
tab="$srcdir/tests/probe/x86.hosttab"
# The same host with IOMMU groups off and no device on vfio-pci.
nogroups="$TMPDIR_TEST/nogroups.hosttab"
awk '/^#/ || NF == 0 { print; next } { $9 = "-"; if ($8 == "vfio-pci") $8 = "-"; print }' \
    "$tab" > "$nogroups"
count() { jqo "[.warnings[] | select(contains(\"$1\"))] | length"; }

# ---- names from a private pci.ids, no hardware database ----
mkdir -p "$HOSTROOT/usr/share/misc"
printf '8086  Private Intel\n\t1901  Private Root Port\n10de  Private NVIDIA\n\t1e30  Private GPU\n' \
    > "$HOSTROOT/usr/share/misc/pci.ids"
umock_run "$tab" - : probe --format json
is "$RC" 0 "probe exits 0"
dev() { jqo ".devices[] | select(.address == \"$1\") | $2"; }
is "$(dev 0000:01:00.1 .class_name)" "Audio device" "audio class as lspci names it"
is "$(dev 0000:02:00.0 .class_name)" "Non-Volatile memory controller" "NVMe class as lspci names it"
if grep -q '^#define HAVE_LIBPCI 1' "$top_builddir/config.h"; then
    is "$(dev 0000:01:00.0 '[.vendor_name, .device_name, .name_source] | join("|")')" \
        "Private NVIDIA|Private GPU|pci.ids" "GPU named from the private pci.ids"
    is "$(dev 0000:01:00.0 .name)" "Private NVIDIA Private GPU" "display name from pci.ids"
    is "$(dev 0000:01:00.1 '[.vendor_name, (.device_name | tostring), .name_source] | join("|")')" \
        "Private NVIDIA|null|pci.ids" "audio: vendor known, device not in the file"
    is "$(dev 0000:00:14.0 '[.name, (.device_name | tostring), .name_source] | join("|")')" \
        "Private Intel 8086:a36d|null|pci.ids" "device missing from pci.ids: vendor name and ids (as lspci)"
    is "$(dev 0000:02:00.0 '[.name, (.name_source | tostring)] | join("|")')" \
        "144d:a808|null" "vendor missing from pci.ids: the ids, no source"
    is "$(dev 0000:00:01.0 .name)" "Private Intel Private Root Port" "root port named"
    umock_run "$tab" - : probe
    like "$OUT" "| +-0000:01:00.0 VGA compatible controller: Private NVIDIA Private GPU [10de:1e30], driver vfio-pci" \
        "text: class, names and ids as lspci -nn"
else
    is "$(jqo '[.devices[] | select(.name_source != null)] | length')" 0 \
        "built without libpci: no names from pci.ids"
    is "$(dev 0000:01:00.0 .name)" "10de:1e30" "built without libpci: the ids"
fi
rm -r "$HOSTROOT/usr"

# ---- a healthy host: none of the warnings below ----
umock_run "$tab" - : probe --format json
is "$(count "IOMMU")" 0 "IOMMU groups present: no IOMMU warning"
is "$(count "/dev/kvm")" 0 "/dev/kvm present: no KVM warning"
is "$(count "vfio-pci")" 0 "devices on vfio-pci: it is loaded"
is "$(count "iommufd")" 0 "no /dev/iommu: no iommufd fact"

# ---- no IOMMU groups: which switch ----
printf 'processor\t: 0\nvendor_id\t: GenuineIntel\n' > "$HOSTROOT/proc/cpuinfo"
printf 'BOOT_IMAGE=/vmlinuz root=/dev/sda1 quiet\n' > "$HOSTROOT/proc/cmdline"
umock_run "$nogroups" - : probe --format json
is "$RC" 0 "no groups: probe exits 0"
is "$(count "no IOMMU groups: VFIO can assign no device; turn on VT-d in the firmware and boot with intel_iommu=on")" 1 \
    "Intel, no groups: VT-d and intel_iommu=on said"
is "$(count "vfio-pci is not loaded")" 1 "nothing on vfio-pci, no module: said"
printf 'BOOT_IMAGE=/vmlinuz intel_iommu=on iommu=pt\n' > "$HOSTROOT/proc/cmdline"
umock_run "$nogroups" - : probe --format json
is "$(count "although the kernel command line has intel_iommu=on: VT-d is off in the firmware")" 1 \
    "intel_iommu=on given, still no groups: the firmware said"
printf 'BOOT_IMAGE=/vmlinuz amd_iommu=off\n' > "$HOSTROOT/proc/cmdline"
printf 'processor\t: 0\nvendor_id\t: AuthenticAMD\n' > "$HOSTROOT/proc/cpuinfo"
umock_run "$nogroups" - : probe --format json
is "$(count "turns the IOMMU off (amd_iommu=off)")" 1 "amd_iommu=off on the command line: named"
printf 'BOOT_IMAGE=/vmlinuz\n' > "$HOSTROOT/proc/cmdline"
umock_run "$nogroups" - : probe --format json
is "$(count "(AMD-Vi) in the firmware")" 1 "AMD, no groups: AMD-Vi in the firmware said"
is "$(count "intel_iommu")" 0 "AMD: intel_iommu not suggested"
umock_run "$nogroups" - : probe
like "$OUT" "warning: no IOMMU groups: VFIO can assign no device; turn on the IOMMU (AMD-Vi)" \
    "text: the IOMMU warning printed"
umock_run "$nogroups" - : capacity --host live --format json "$srcdir/tests/data/capacity/x86-gpu-passthrough.xml"
is "$(jqo '[.fits, (.blocked_by | length)] | map(tostring) | join(" ")')" "0 2" \
    "no groups: capacity 0, both hostdevs in no IOMMU group"
umock_run "$nogroups" - : probe --format xml
like "$OUT" "<warning>no IOMMU groups: VFIO can assign no device" "snapshot: the IOMMU warning kept"

# ---- no /dev/kvm ----
rm "$HOSTROOT/dev/kvm"
umock_run "$tab" - : probe --format json
is "$(jqo .has_kvm)" false "no /dev/kvm: has_kvm false"
is "$(count "no /dev/kvm: KVM guests cannot start")" 1 "no /dev/kvm: warning"
umock_run "$tab" - : capacity --host live --format json "$srcdir/tests/data/capacity/x86-gpu-passthrough.xml"
is "$(jqo '[.fits, .limited_by] | map(tostring) | join(" ")')" "0 kvm" "no /dev/kvm: capacity 0, limited by kvm"
: > "$HOSTROOT/dev/kvm"

# ---- iommufd, pam_limits, systemd ----
: > "$HOSTROOT/dev/iommu"
mkdir -p "$HOSTROOT/etc/libvirt" "$HOSTROOT/etc/security/limits.d" \
    "$HOSTROOT/etc/systemd/system/virtqemud.service.d"
printf '# user = "root"\nuser = "qemu-test"\ngroup = "kvm"\n' > "$HOSTROOT/etc/libvirt/qemu.conf"
printf '# comment memlock\nqemu-test hard memlock 1048576\nother soft memlock 64\n' \
    > "$HOSTROOT/etc/security/limits.d/90-qemu.conf"
printf '[Service]\nLimitMEMLOCK=infinity\n' \
    > "$HOSTROOT/etc/systemd/system/virtqemud.service.d/memlock.conf"
umock_run "$tab" - : probe --format json
is "$(count "iommufd is present (/dev/iommu)")" 1 "/dev/iommu: iommufd and its accounting said"
is "$(count "/etc/security/limits.d/90-qemu.conf: memlock hard for qemu-test is 1 GiB")" 1 \
    "pam_limits memlock of qemu.conf's user"
is "$(count "for other")" 0 "other users' lines left out"
is "$(count "virtqemud.service.d/memlock.conf: LimitMEMLOCK=infinity")" 1 "systemd LimitMEMLOCK of the daemon"
plan_done

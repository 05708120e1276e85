#!/bin/sh
# diff OLD NEW: pairs that change one thing at a time (a device, a PHB libvirt
# adds, memory, max memory, the profile, hard_limit), each naming that thing
# beside the term it moved; bad input.
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"
t="$TMPDIR_TEST"

# NAME ARCH MACHINE BODY: a guest file with BODY inside <domain>.
guest() {
    printf "<domain type='kvm'><name>%s</name><os><type arch='%s' machine='%s'>hvm</type></os>%s</domain>\n" \
        "$1" "$2" "$3" "$4" > "$t/$1.xml"
}
hd() {   # a PCI hostdev at host DOMAIN:BUS; $3: an optional guest address
    printf "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x%s' bus='0x%s' slot='0x00' function='0x0'/></source>%s</hostdev>" "$1" "$2" "$3"
}

# A device: a second VFIO device under a vIOMMU raises the factor.
guest dev1 x86_64 q35 "<memory unit='GiB'>4</memory><devices><iommu model='intel'/>$(hd 0000 01)</devices>"
guest dev2 x86_64 q35 "<memory unit='GiB'>4</memory><devices><iommu model='intel'/>$(hd 0000 01)$(hd 0000 02)</devices>"
run_mp diff --host none --format json "$t/dev1.xml" "$t/dev2.xml"
is "$RC" 0 "device: exit 0"
is "$(echo "$OUT" | jq -r '[.causes[].id] | join(",")')" hostdev_added "device: the one cause is the hostdev"
is "$(echo "$OUT" | jq -r '.causes[0].text')" "hostdev 0000:02:00.0 added" "device: names the device"
is "$(echo "$OUT" | jq -r '[.terms[] | select(.changed) | "\(.id):\(.difference_kib):\(.causes | join(","))"] | join(" ")')" \
    "ram:4194304:0" "device: the RAM term grew by 4 GiB, because of it"
is "$(echo "$OUT" | jq -r '.limit_difference_kib')" 4194304 "device: the limit grew by 4 GiB"
run_mp diff --host none "$t/dev1.xml" "$t/dev2.xml"
like "$OUT" "because: hostdev 0000:02:00.0 added" "device: text says because"

# A PHB libvirt adds: the same hostdev, first placed on PHB 0 by its guest address.
guest phb1 ppc64le pseries "<memory unit='GiB'>4</memory><devices>$(hd 0001 01 "<address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>")</devices>"
guest phb2 ppc64le pseries "<memory unit='GiB'>4</memory><devices>$(hd 0001 01)</devices>"
run_mp diff --host none --format json "$t/phb1.xml" "$t/phb2.xml"
is "$RC" 0 "PHB: exit 0"
is "$(echo "$OUT" | jq -r '[.causes[].id] | join(",")')" phb_added "PHB: the one cause is the PHB"
like "$(echo "$OUT" | jq -r '.causes[0].text')" "PHB 1 added: libvirt adds it" "PHB: says libvirt adds it"
is "$(echo "$OUT" | jq -r '.old.phbs, .new.phbs' | tr '\n' ' ')" "1 2 " "PHB: one PHB, then two"
is "$(echo "$OUT" | jq -r '[.terms[] | select(.changed) | "\(.id):\(.difference_kib)"] | join(" ")')" \
    "dma32:4096 dma64:8192" "PHB: the 32-bit window and the 64-bit windows (4 GiB / 512 each) grew"
is "$(echo "$OUT" | jq -r '[.terms[] | select(.changed) | .causes | length] | join(",")')" "1,1" \
    "PHB: each changed term names the PHB"

# Memory.
guest mem1 x86_64 q35 "<memory unit='GiB'>4</memory><devices>$(hd 0000 01)</devices>"
guest mem2 x86_64 q35 "<memory unit='GiB'>6</memory><devices>$(hd 0000 01)</devices>"
run_mp diff --host none --format json "$t/mem1.xml" "$t/mem2.xml"
is "$(echo "$OUT" | jq -r '[.causes[].id] | join(",")')" memory "memory: the one cause"
is "$(echo "$OUT" | jq -r '.causes[0].text')" "memory 4 GiB -> 6 GiB (after libvirt's alignment)" "memory: both sizes"
is "$(echo "$OUT" | jq -r '[.terms[] | select(.changed) | "\(.id):\(.difference_kib)"] | join(" ")')" "ram:2097152" \
    "memory: the RAM term grew by 2 GiB"

# Max memory.
guest max1 ppc64le pseries "<maxMemory slots='4' unit='GiB'>8</maxMemory><memory unit='GiB'>4</memory><devices>$(hd 0001 01)</devices>"
guest max2 ppc64le pseries "<maxMemory slots='4' unit='GiB'>16</maxMemory><memory unit='GiB'>4</memory><devices>$(hd 0001 01)</devices>"
run_mp diff --host none --format json "$t/max1.xml" "$t/max2.xml"
is "$(echo "$OUT" | jq -r '[.causes[].id] | join(",")')" max_memory "max memory: the one cause"
is "$(echo "$OUT" | jq -r '[.terms[] | select(.changed) | "\(.id):\(.difference_kib):\(.causes | join(","))"] | join(" ")')" \
    "hpt:65536:0" "max memory: the hash page table grew by 64 MiB, because of it"

# The profile: one file under two libvirt versions (the vIOMMU factor per device).
run_mp diff --host none --format json --old-libvirt 6.0 "$data/worked-q35-16g-2vfio-viommu.xml" "$data/worked-q35-16g-2vfio-viommu.xml"
is "$RC" 0 "profile: the same file under two profiles is allowed"
is "$(echo "$OUT" | jq -r '[.causes[].id] | join(",")')" profile "profile: the one cause"
is "$(echo "$OUT" | jq -r '.causes[0].text')" "libvirt profile 6.0 -> $(echo "$OUT" | jq -r .new.profile)" "profile: names both"
is "$(echo "$OUT" | jq -r '.old.limit_kib, .new.limit_kib' | tr '\n' ' ')" "17825792 34603008 " \
    "profile: one mapping of RAM under 6.0, one per device with a vIOMMU later"
is "$(echo "$OUT" | jq -r '[.terms[] | select(.changed) | "\(.id):\(.causes | join(","))"] | join(" ")')" "ram:0" \
    "profile: the RAM term changed, because of it"

# hard_limit: the need stays, the limit follows the hard_limit.
run_mp diff --host none --format json "$data/pseries-hostdev.xml" "$data/pseries-hardlimit+hostdev.xml"
is "$(echo "$OUT" | jq -r '([.causes[].id] | join(",")), .need_difference_kib, .limit_difference_kib' | tr '\n' ' ')" \
    "hard_limit 0 -2121728 " "hard_limit: the one cause; the need is unchanged, the limit drops"
run_mp diff --host none "$data/pseries-hostdev.xml" "$data/pseries-hardlimit+hostdev.xml"
like "$OUT" "because: hard_limit 2 GiB added" "hard_limit: text names it under the limit"

# Standard input for one of them.
run_mp diff --host none --format json - "$t/mem2.xml" < "$t/mem1.xml"
is "$(echo "$OUT" | jq -r '.causes[0].id')" memory "- reads OLD from standard input"

# Files that differ only in layout: nothing differs.
sed 's/></>\n</g' "$t/mem1.xml" > "$t/mem1-lines.xml"
run_mp diff --host none "$t/mem1.xml" "$t/mem1-lines.xml"
is "$RC" 0 "same guest, other bytes: exit 0"
like "$OUT" "No difference in the limits or in what they depend on." "same guest, other bytes: says so"

# Bad input: one line, exit 2.
run_mp diff --host none "$t/mem1.xml" "$t/mem1.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l):$OUT" "2:1:" "the same file twice: exit 2, one line, nothing on stdout"
like "$ERR" "are the same file under the same profile" "the same file twice: says so"
ln -s "$t/mem1.xml" "$t/link.xml"
run_mp diff --host none "$t/mem1.xml" "$t/link.xml"
is "$RC" 2 "the same file through a link: exit 2"
run_mp diff --host none - - < "$t/mem1.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "- twice: exit 2, one line"
run_mp diff --host none "$t/mem1.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "one file: exit 2, one line"
# A definition whose calculation fails: the line names its file.
printf "<domain type='kvm'><name>huge</name><memory unit='b'>9223372036853727232</memory><os><type arch='x86_64' machine='q35'>hvm</type></os><devices><iommu model='intel'/>%s%s</devices></domain>\n" "$(hd 0000 01)" "$(hd 0000 02)" > "$t/huge.xml"
run_mp diff --host none "$t/mem1.xml" "$t/huge.xml"
is "$RC:$ERR" "2:memlock-planner: $t/huge.xml: the limit does not fit in 64 bits: the memory sizes are impossible" \
    "NEW fails to compute: exit 2, one line naming it"
run_mp diff --host none --format yaml "$t/mem1.xml" "$t/mem2.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "bad format: exit 2, one line"
plan_done

#!/bin/sh
# calc --check and report --check: each reason with its exit code and one
# stderr line; the fleet checks; bad input (exit 2, one line).
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"
t="$TMPDIR_TEST"

. "$srcdir/tests/diagnosis/x86_guest.sh"

# 1. hard_limit below the need.
run_mp calc --check --host none "$data/pseries-hardlimit+hostdev.xml"
is "$RC" 3 "hard_limit_below_need: exit 3"
is "$ERR" "memlock-planner: pseries-hardlimit+hostdev: hard_limit 2 GiB (2097152 KiB) is below the 4.02 GiB (4218880 KiB) the guest needs: DMA mapping fails at start with \"Cannot allocate memory\"" \
    "hard_limit_below_need: one line naming both figures"
is "$(echo "$OUT" | head -n 1)" 2147483648 "hard_limit_below_need: stdout still has the result"
# A hard_limit equal to the need, one above it, and no hard_limit: the guest starts.
run_mp calc --check --host none "$data/pc-hardlimit+hostdev.xml"
is "$RC:$ERR" "0:" "hard_limit equal to the need: exit 0, nothing on stderr"
guest above 1 '<memtune><hard_limit unit="KiB">2097153</hard_limit></memtune>' 0000:01:00.0
run_mp calc --check --host none "$t/above.xml"
is "$RC:$ERR" "0:" "hard_limit 1 KiB above the need: exit 0"
guest below 1 '<memtune><hard_limit unit="KiB">2097151</hard_limit></memtune>' 0000:01:00.0
run_mp calc --check --host none "$t/below.xml"
is "$RC" 3 "hard_limit 1 KiB below the need: exit 3"
like "$ERR" "(2097151 KiB) is below the 2 GiB (2097152 KiB)" "hard_limit 1 KiB below: both in KiB"
run_mp calc --check --host none "$data/pseries-hostdev.xml"
is "$RC:$ERR" "0:" "no hard_limit: libvirt's own limit is the need: exit 0"

# 2. hard_limit 0: QEMU keeps the inherited limit (the demo host's 8 MiB).
guest zero 4 '<memtune><hard_limit unit="KiB">0</hard_limit></memtune>' 0000:01:00.0
run_mp calc --check --host demo:x86-gpu "$t/zero.xml"
is "$RC" 3 "inherited_below_need: exit 3"
is "$ERR" "memlock-planner: zero: libvirt sets no limit (hard_limit 0), so QEMU keeps the inherited RLIMIT_MEMLOCK of 8 MiB (8192 KiB), below the 5 GiB (5242880 KiB) the guest needs" \
    "inherited_below_need: one line"
run_mp calc --check --host none "$t/zero.xml"
is "$RC" 3 "inherited_unknown: exit 3"
like "$ERR" "unknown without a live host; the guest needs 5 GiB (5242880 KiB)" "inherited_unknown: says why"
is "$(printf '%s\n' "$ERR" | wc -l)" 1 "inherited_unknown: one line"
guest zero-nodev 4 '<memtune><hard_limit unit="KiB">0</hard_limit></memtune>'
run_mp calc --check --host demo:x86-gpu "$t/zero-nodev.xml"
is "$RC:$ERR" "0:" "hard_limit 0 with nothing to lock: exit 0"

# 3. Memory above the host's RAM (62.66 GiB on demo:x86-gpu).
guest big 64 ''
run_mp calc --check --host demo:x86-gpu "$t/big.xml"
is "$RC" 3 "memory_above_host_ram: exit 3"
like "$ERR" "the guest's memory 64 GiB (67108864 KiB) is above the host's RAM 62.66 GiB" "memory_above_host_ram: both sizes"
guest fits 62 ''
run_mp calc --check --host demo:x86-gpu "$t/fits.xml"
is "$RC:$ERR" "0:" "62 GiB on a 62.66 GiB host: exit 0"

# 4. <locked/>: libvirt passes -overcommit mem-lock=on (qemuBuildMemCommandLine), so QEMU
# locks all guest RAM; a hard_limit below the guest's memory cannot hold it.
guest lockedeq 4 '<memoryBacking><locked/></memoryBacking><memtune><hard_limit unit="KiB">4194304</hard_limit></memtune>'
guest lockedsmall 4 '<memoryBacking><locked/></memoryBacking><memtune><hard_limit unit="GiB">1</hard_limit></memtune>'
run_mp calc --check --host none "$t/lockedsmall.xml"
is "$RC" 3 "qemu_mlock_below_memory (<locked/>): exit 3"
is "$ERR" "memlock-planner: lockedsmall: <locked/> makes QEMU lock all guest RAM (libvirt passes -overcommit mem-lock=on), but the limit 1 GiB (1048576 KiB) is below the guest's memory 4 GiB (4194304 KiB): QEMU fails to start" \
    "qemu_mlock_below_memory (<locked/>): one line naming both figures"
like "$OUT" "<locked/> makes QEMU lock all guest RAM (4 GiB) and its own memory" "<locked/> below memory: warned in the output too"
run_mp report --check --host none --format json "$t/lockedsmall.xml" "$t/lockedeq.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "3:1" "report --check: the <locked/> guest below its memory, one line"
guest lockedkib 4 '<memoryBacking><locked/></memoryBacking><memtune><hard_limit unit="KiB">4194303</hard_limit></memtune>'
run_mp calc --check --host none "$t/lockedkib.xml"
is "$RC" 3 "<locked/>, hard_limit 1 KiB below the memory: exit 3"
run_mp calc --check --host none "$t/lockedeq.xml"
is "$RC:$ERR" "0:" "<locked/>, hard_limit equal to the memory: exit 0"
is "$(printf '%s\n' "$OUT" | grep -c 'QEMU fails to start')" 0 "<locked/>, hard_limit equal to the memory: no warning"
guest lockedfree 4 '<memoryBacking><locked/></memoryBacking>'
run_mp calc --check --host none "$t/lockedfree.xml"
is "$RC:$ERR" "0:" "<locked/> without hard_limit (unlimited): exit 0"

# Two reasons at once: two lines.
guest both 64 '<memtune><hard_limit unit="GiB">1</hard_limit></memtune>' 0000:01:00.0
run_mp calc --check --host demo:x86-gpu "$t/both.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "3:2" "two reasons: exit 3, two lines"

# Bad input: exit 2, one line, nothing on stdout.
run_mp calc --check --host "$t/no-such-snapshot.xml" "$data/pc-hostdev.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l):$OUT" "2:1:" "unreadable host: exit 2, one line"
run_mp report --check --host "$t/no-such-snapshot.xml" "$data/pc-hostdev.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l):$OUT" "2:1:" "report: unreadable host: exit 2, one line"

# report --check: per guest, under its name.
run_mp report --check --host none "$data/pseries-hostdev.xml" "$data/pseries-hardlimit+hostdev.xml"
is "$RC" 3 "report --check: exit 3"
like "$ERR" "memlock-planner: pseries-hardlimit+hostdev: hard_limit 2 GiB" "report --check: the guest's reason"
run_mp report --check --host none "$data/pseries-hostdev.xml" "$data/pc-kvm.xml"
is "$RC:$ERR" "0:" "report --check: guests that start: exit 0"

# Fleet: one device in two guests.
guest a 8 '' 0000:01:00.0
guest b 8 '' 0000:01:00.0
run_mp report --check --format json --host demo:x86-gpu "$t/a.xml" "$t/b.xml"
is "$RC" 3 "device_shared: exit 3"
is "$ERR" "memlock-planner: host device 0000:01:00.0 is assigned to both a and b: only one guest can hold it" \
    "device_shared: one line"
is "$(echo "$OUT" | jq -c '[.fleet.checks[] | [.code, .guests]]')" '[["device_shared",[0,1]]]' "device_shared: in the JSON fleet"
# Three and four guests: said once per device, with how many more.
guest b2 8 '' 0000:01:00.0
guest b3 8 '' 0000:01:00.0
run_mp report --check --host demo:x86-gpu "$t/a.xml" "$t/b.xml" "$t/b2.xml"
is "$ERR" "memlock-planner: host device 0000:01:00.0 is assigned to a, b and 1 more guest: only one guest can hold it" \
    "device_shared by three guests: one line"
run_mp report --check --host demo:x86-gpu "$t/a.xml" "$t/b.xml" "$t/b2.xml" "$t/b3.xml"
like "$ERR" "assigned to a, b and 2 more guests" "device_shared by four guests: plural"
# One IOMMU group (the GPU and its audio function) in two guests.
guest c 8 '' 0000:01:00.1
run_mp report --check --host demo:x86-gpu "$t/a.xml" "$t/c.xml"
is "$RC" 3 "iommu_group_shared: exit 3"
is "$ERR" "memlock-planner: IOMMU group 2 is split between a and c: VFIO gives a whole group to one guest" \
    "iommu_group_shared: one line"
like "$OUT" "IOMMU group 2 is split between a and c" "iommu_group_shared: in the text report's fleet"
# Without --check the report says it and exits 0.
run_mp report --host demo:x86-gpu "$t/a.xml" "$t/c.xml"
is "$RC" 0 "fleet warning without --check: exit 0"
# The two GPUs of an AC922 socket (one NVLink2 IOMMU group) in two guests.
run_mp report --check --format json --host demo:ac922 "$srcdir/tests/data/views/ac922-gpu0.xml" "$srcdir/tests/data/views/ac922-gpu1-half.xml"
is "$RC" 3 "nvlink2_split: exit 3"
is "$ERR" "memlock-planner: the NVLink2 GPUs and bridges of IOMMU group 5 are split between ac922-gpu0 and gpu1: the whole group goes to one guest" \
    "nvlink2_split: one line"
is "$(echo "$OUT" | jq -r '[.fleet.checks[].code] | join(",")')" nvlink2_split "nvlink2_split: in the JSON fleet"
# Two guests that pin 40 GiB each on a 62.66 GiB host.
guest p1 40 '' 0000:01:00.0
guest p2 40 '' 0000:02:00.0
guest u3 40 ''
run_mp report --check --format json --host demo:x86-gpu "$t/p1.xml" "$t/p2.xml"
is "$RC" 3 "fleet_memory_above_host_ram: exit 3"
like "$ERR" "the 2 guests that pin their memory (VFIO, vDPA or <locked/>) need 80 GiB (83886080 KiB) together" \
    "fleet_memory_above_host_ram: one line with the sum"
run_mp report --check --host demo:x86-gpu "$t/p1.xml" "$t/u3.xml"
is "$RC:$ERR" "0:" "one pinned and one unpinned guest: exit 0"

# Two guests with the same name: exit 2, one line, nothing written.
cp "$t/a.xml" "$t/a-again.xml"
run_mp report --host none -o "$t/out.txt" "$t/a.xml" "$t/a-again.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "same name twice: exit 2, one line"
like "$ERR" "two guests are named 'a'" "same name twice: names it"
[ -e "$t/out.txt" ] && fail "same name twice: nothing written" || ok "same name twice: nothing written"
plan_done

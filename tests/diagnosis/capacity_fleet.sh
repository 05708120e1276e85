#!/bin/sh
# capacity with several guests: whether they can all run at once (a device or
# IOMMU group in two guests, NVLink2 GPUs split, a guest the host cannot run,
# pinned memory above host RAM), what they pin and claim, each one's own count;
# --check's exit status; one guest as before; bad input.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
. "$srcdir/tests/diagnosis/x86_guest.sh"
jo() { printf '%s' "$OUT" | jq -r "$1"; }

# demo:x86-gpu: 62.66 GiB (65701452 KiB), 8 IOMMU groups; the GPU 01:00.0 and
# its audio function 01:00.1 share group 2.
guest a 8 '' 0000:01:00.0
guest c 8 '' 0000:01:00.1
guest p2 40 '' 0000:02:00.0
guest u3 40 ''
guest far 8 '' 0000:09:00.0

# Guests that fit together: the sums, what is left, exit 0 also with --check.
run_mp capacity --check --format json --host demo:x86-gpu "$t/a.xml" "$t/p2.xml" "$t/u3.xml"
is "$RC:$ERR" "0:" "fit together: --check exits 0, nothing on stderr"
is "$(jo .together)" true "fit together: together is true"
is "$(jo '[.guests, .pinned_guests, .pinned_memory_kib, .host_memory_kib] | join(",")')" \
    "3,2,50331648,65701452" "fit together: 2 of 3 pin 48 GiB of the host's 62.66 GiB"
is "$(jo '[.iommu_groups_claimed, .iommu_groups_total] | join(",")')" "2,8" \
    "fit together: 2 of the host's 8 IOMMU groups claimed"
is "$(jo '[.each[] | .name + "=" + (.capacity.fits | tostring)] | join(",")')" "a=1,p2=1,u3=1" \
    "fit together: each guest's own count"
is "$(jo '.limit_kib_total')" "$(( (8 + 1 + 40 + 1) * 1048576 ))" \
    "fit together: the limits added up (memory + 1 GiB each for VFIO; none for u3's nothing)"
run_mp capacity --host demo:x86-gpu "$t/a.xml" "$t/p2.xml" "$t/u3.xml"
like "$OUT" "Capacity: these 3 guests can all run at once on this host." "fit together: text verdict"
like "$OUT" "Host RAM 62.66 GiB: 2 guests pin their memory (VFIO, vDPA or <locked/>): 48 GiB, 14.66 GiB left" \
    "fit together: text says what is pinned and left"
like "$OUT" "IOMMU groups: 2 of 8 claimed, 6 left" "fit together: text says the groups claimed"

# One IOMMU group in two guests, and a guest whose device the host lacks.
run_mp capacity --check --format json --host demo:x86-gpu "$t/a.xml" "$t/c.xml" "$t/far.xml"
is "$RC" 3 "group shared + blocked: --check exits 3"
is "$(printf '%s\n' "$ERR" | wc -l)" 2 "group shared + blocked: two lines on stderr"
like "$ERR" "memlock-planner: far: not even one fits on this host: hostdev 0000:09:00.0 (not on this host)" \
    "blocked guest: named, with the reason"
like "$ERR" "memlock-planner: IOMMU group 2 is split between a and c: VFIO gives a whole group to one guest" \
    "group shared: the fleet check's sentence"
is "$(jo .together)" false "group shared: together is false"
is "$(printf '%s' "$OUT" | jq -c '[.checks[] | [.code, .guests]]')" \
    '[["iommu_group_shared",[0,1]]]' "group shared: the check with both guests in JSON"
is "$(jo '[.blocked[] | .guest] | join(",")')" 2 "blocked: the guest's index in JSON"
run_mp capacity --host demo:x86-gpu "$t/a.xml" "$t/c.xml" "$t/far.xml"
is "$RC" 0 "without --check: exit 0"
like "$OUT" "Capacity: these 3 guests cannot all run at once on this host (2 reasons):" \
    "text verdict with the count of reasons"
like "$OUT" "  far                           0  hostdev 0000:09:00.0 (not on this host)" \
    "each alone: the blocked guest fits 0"

# One device in two guests.
guest b 8 '' 0000:01:00.0
run_mp capacity --check --host demo:x86-gpu "$t/a.xml" "$t/b.xml"
is "$RC:$ERR" "3:memlock-planner: host device 0000:01:00.0 is assigned to both a and b: only one guest can hold it" \
    "device shared: exit 3, one line"

# Pinned memory above host RAM; an unpinned guest does not count.
guest p1 40 '' 0000:00:14.0
run_mp capacity --check --format json --host demo:x86-gpu "$t/p1.xml" "$t/p2.xml"
is "$RC" 3 "pinned memory above host RAM: exit 3"
like "$ERR" "the 2 guests that pin their memory (VFIO, vDPA or <locked/>) need 80 GiB (83886080 KiB) together" \
    "pinned memory above host RAM: the sum"
is "$(jo '[.checks[].code] | join(",")')" fleet_memory_above_host_ram "pinned memory: its code"
run_mp capacity --host demo:x86-gpu "$t/p1.xml" "$t/p2.xml"
like "$OUT" "80 GiB, more than the host has" "pinned memory: the text says it"
run_mp capacity --check --host demo:x86-gpu "$t/p1.xml" "$t/u3.xml"
is "$RC:$ERR" "0:" "one pinned, one unpinned 40 GiB guest: exit 0"

# NVLink2: the two GPUs of an AC922 socket (one IOMMU group) in two guests.
run_mp capacity --check --format json --host demo:ac922 "$srcdir/tests/data/views/ac922-gpu0.xml" "$srcdir/tests/data/views/ac922-gpu1-half.xml"
is "$RC" 3 "nvlink2 split: exit 3"
is "$(jo '[.checks[].code] | join(",")')" nvlink2_split "nvlink2 split: its code"
like "$ERR" "the NVLink2 GPUs and bridges of IOMMU group 5 are split between ac922-gpu0 and gpu1" \
    "nvlink2 split: one line naming both guests"
# The whole socket in one guest and nothing else: fits.
run_mp capacity --check --host demo:ac922 "$srcdir/data/guests/pseries-ac922-socket0.xml"
is "$RC:$ERR" "0:" "one guest, runnable: --check exits 0"

# One guest: the single-shape answer, as before.
run_mp capacity --format json --host demo:x86-gpu "$t/a.xml"
is "$(jo '[.fits, .limited_by] | join(",")')" "1,groups:10de:10f7 x1 + 10de:1e30 x1" \
    "one guest: the shape's count, as before"
run_mp capacity --host demo:ac922 "$srcdir/data/guests/pseries-ac922-socket0.xml"
is "$(printf '%s\n' "$OUT" | awk '/ available, /{ print index($0, " available,") }' | sort -u | wc -l | tr -d ' ')" 1 \
    "one guest: the amounts line up under a long IOMMU group label"
run_mp capacity --check --host demo:x86-gpu "$t/far.xml"
is "$RC:$ERR" "3:memlock-planner: far: not even one fits on this host: hostdev 0000:09:00.0 (not on this host)" \
    "one guest the host cannot run: --check exits 3"

# No host facts: unknown, but two guests holding one device still conflict.
run_mp capacity --format json --host none "$t/u3.xml" "$t/p2.xml"
is "$(jo '[.together, .iommu_groups_claimed, .host_memory_kib] | map(tostring) | join(",")')" \
    "null,null,null" "no host facts: unknown, not a guess"
run_mp capacity --check --host none "$t/a.xml" "$t/b.xml"
is "$RC" 3 "no host facts: a shared device still found"

# Bad input: one line, exit 2, nothing on stdout.
cp "$t/a.xml" "$t/a-again.xml"
run_mp capacity --host none "$t/a.xml" "$t/a-again.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l):$OUT" "2:1:" "same name twice: exit 2, one line, no output"
run_mp capacity --host none "$t/a.xml" "$t/missing.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l):$OUT" "2:1:" "an unreadable guest: exit 2, one line, no output"
run_mp capacity --host none - - < "$t/a.xml"
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "standard input twice: exit 2, one line"
run_mp capacity --host none --all
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "--all without --connect: exit 2, one line"

# --connect --all: the test driver's domains, as their dumped files give.
. "$srcdir/tests/libvirt.sh"
if lv_built && command -v virsh >/dev/null 2>&1; then
    ver=$(pkg-config --modversion libvirt 2>/dev/null)
    files=
    for d in $LV_DOMAINS; do files="$files $LV_DATA/$d.xml"; done
    run_mp capacity --format json --host demo:ac922 --connect "$LV_URI" --all
    is "$RC" 0 "--connect --all: exit 0"
    # shellcheck disable=SC2086
    is "$(printf '%s' "$OUT" | jq -S 'del(.each[].source)')" \
        "$("$MP" capacity --format json --host demo:ac922 --libvirt "$ver" $(printf '%s\n' $files | sort) | jq -S 'del(.each[].source)')" \
        "--connect --all: the same answer as the domains' files"
else
    skip "--connect --all: built without libvirt or no virsh"
    skip "--connect --all: built without libvirt or no virsh"
fi
plan_done

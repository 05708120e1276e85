#!/bin/sh
# compare, map, capacity and tour through the real binary on the AC922 demo host.
. "$srcdir/tests/lib.sh"
d="$srcdir/tests/data/views"
gpu0="$d/ac922-gpu0.xml"

# tour: eight steps, each computed on demo:ac922
run_mp tour --format json
is "$RC" 0 "tour --format json exits 0"
is "$(printf '%s' "$OUT" | jq length)" 8 "tour has eight steps"
# start: 64 GiB / 128 + 4 MiB + 8 MiB = 536576 KiB
is "$(printf '%s' "$OUT" | jq '.[0].limit_bytes')" $((536576 * 1024)) "tour start: HPT + one 32-bit window + TCE index"
is "$(printf '%s' "$OUT" | jq -r '.[2].changed_terms[] | select(.id == "nv2_dma64") | .before_kib')" 0 \
    "tour socket 0 step: the NVLink2 term appears"
is "$(printf '%s' "$OUT" | jq -r '.[5].limit_bytes')" unlimited "tour locked step: unlimited"
is "$(printf '%s' "$OUT" | jq -r '.[6].limit_bytes')" $(((1344307200 + 1048576) * 1024)) \
    "tour hard_limit step: libvirt's limit + 1 GiB"
run_mp tour --step 3
like "$OUT" "Step 3 of 8" "tour --step 3 prints that step"
like "$OUT" "NVLink2 64-bit DMA windows" "tour --step 3 names the term that moved"
run_mp tour --step 9
is "$RC" 2 "tour --step 9 is refused"
is "$(printf '%s\n' "$ERR" | wc -l)" 1 "one error line"

# map: NVLink2 GPU RAM at 64-128 TiB; each PHB's 64-bit window costs 256 GiB of TCEs
run_mp map --host demo:ac922 --format json "$gpu0"
is "$RC" 0 "map --format json exits 0"
is "$(printf '%s' "$OUT" | jq '.guest_physical[] | select(.id == "nv2_ram") | .start_bytes')" \
    $((64 << 40)) "map: GPU RAM starts at 64 TiB"
is "$(printf '%s' "$OUT" | jq '[.dma_windows[] | select(.id == "dma64") | .tce_table_bytes] | unique')" \
    "$(printf '[\n  %s\n]' $((256 << 30)))" "map: 256 GiB of TCE table per 64-bit window"
is "$(printf '%s' "$OUT" | jq '[.dma_windows[] | select(.id == "dma64")] | length')" \
    "$("$MP" calc --host demo:ac922 --format json "$gpu0" | jq .phbs.count)" "map: one 64-bit window per PHB of calc"
run_mp map --host demo:ac922 "$gpu0"
like "$OUT" "NVLink2 GPU RAM" "map text names GPU RAM"
like "$OUT" "128T" "map text has a log-scale axis to 128 TiB"
run_mp map --host none "$d/x86-nvme.xml"
is "$RC" 2 "map of an x86 guest is refused"
like "$ERR" "ppc64" "map says why"

# capacity: the host has two GPU groups like socket 0's; RAM allows more
run_mp capacity --host demo:ac922 --format json "$gpu0"
is "$RC" 0 "capacity exits 0"
is "$(printf '%s' "$OUT" | jq .fits)" 2 "capacity: two guests fit"
like "$(printf '%s' "$OUT" | jq -r .limited_by)" "groups:" "capacity: IOMMU groups run out first"
run_mp capacity --host demo:ac922 "$gpu0"
like "$OUT" "runs out first" "capacity text names what runs out"
run_mp capacity --host none --format json "$gpu0"
is "$(printf '%s' "$OUT" | jq .fits)" null "capacity without host facts is unknown, not zero"

# compare: NVMe disks count from profile 6.0 on
run_mp compare --host none --format json "$d/x86-nvme.xml"
is "$RC" 0 "compare exits 0"
is "$(printf '%s' "$OUT" | jq .limit_differs)" true "compare: the NVMe guest differs between versions"
is "$(printf '%s' "$OUT" | jq -r '.limit_bytes[-1]')" 5368709120 "compare: newest profile gives 4 GiB + 1 GiB"
is "$(printf '%s' "$OUT" | jq -r '.limit_bytes[-1]')" "$("$MP" calc --host none --format json "$d/x86-nvme.xml" | jq .limit_bytes)" \
    "compare: newest column equals calc"
run_mp compare --host none "$d/x86-nvme.xml"
like "$OUT" "* " "compare text marks differing rows"
run_mp compare --host none --format yaml "$d/x86-nvme.xml"
is "$RC" 2 "compare --format yaml is refused"
plan_done

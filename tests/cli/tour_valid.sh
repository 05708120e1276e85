#!/bin/sh
# The tour's guests are guests that start: every step assigns whole IOMMU
# groups (no partial-group warning), each step's guest as XML gives calc the
# tour's bytes, the last steps carry the recommended hard_limit (libvirt's
# limit plus 1 GiB of headroom) and the last guest passes
# calc's check; terms that stop applying under <locked/> are said so.
. "$srcdir/tests/lib.sh"
json=$("$MP" tour --format json)
probe=$("$MP" probe --host demo:ac922 --format json)
n=$(printf '%s' "$json" | jq length)
is "$n" 8 "eight steps"
GIB=$((1024 * 1024))
for i in $(seq 1 "$n"); do
    "$MP" tour --step "$i" --format xml > "$TMPDIR_TEST/step$i.xml"
    calc=$("$MP" calc --host demo:ac922 --format json "$TMPDIR_TEST/step$i.xml")
    is "$(printf '%s' "$calc" | jq -r .limit_bytes)" "$(printf '%s' "$json" | jq -r ".[$i - 1].limit_bytes")" \
        "step $i: its guest's XML gives calc the tour's bytes"
    is "$(printf '%s' "$calc" | jq '[.warnings[] | select(test("partly assigned"))] | length')" 0 \
        "step $i: no partly assigned IOMMU group"
    # Every group the guest touches is in the guest whole.
    missing=$(printf '%s' "$json" | jq -r --argjson p "$probe" --argjson i "$i" '
        .[$i - 1].assigned as $a
        | [$p.iommu_groups[] | select(any(.[]; . as $d | $a | index($d))) | .[]
           | select(. as $d | $a | index($d) | not)] | join(" ")')
    is "$missing" "" "step $i: whole IOMMU groups assigned"
done
is "$(printf '%s' "$json" | jq -r '.[2].assigned | length')" 10 "step 3: the NIC and socket 0's group of 8"

# Under <locked/> the terms do not apply: said so, not "-> 0 B".
run_mp tour --step 6
like "$OUT" "Hash page table                     2 GiB -> does not apply: locked memory lifts the limit" \
    "locked: the hash page table does not apply"
is "$(printf '%s\n' "$OUT" | grep -c -- '-> 0 B')" 0 "locked: no term goes to 0 B"
is "$(printf '%s' "$json" | jq '[.[5].changed_terms[] | select(.applies)] | length')" 0 \
    "locked: json says no moved term applies"

# The assignment under each PHB, this step's devices marked.
run_mp tour --step 3
like "$OUT" "    PHB 0004
      + 0004:04:00.0 GPU, IOMMU group 5" "step 3: the GPU added under its PHB"
like "$OUT" "        0003:01:00.0 Infiniband controller, IOMMU group 3" "step 3: the NIC from before, unmarked"

# The recommended hard_limit, and the formula written out once.
run_mp tour
is "$(printf '%s\n' "$OUT" | grep -c "libvirt's limit for this guest, written out:")" 1 "the formula is written out once"
sed '/<memtune>/,/<\/memtune>/d' "$TMPDIR_TEST/step7.xml" > "$TMPDIR_TEST/bare.xml"
need=$("$MP" calc --host demo:ac922 --format json "$TMPDIR_TEST/bare.xml" | jq .limit_bytes)
need_kib=$((need / 1024))
rec_kib=$((need_kib + GIB))
is "$(printf '%s' "$json" | jq '.[6].hard_limit_bytes')" $((rec_kib * 1024)) \
    "step 7: hard_limit = libvirt's limit + 1 GiB"
like "$OUT" "    = 1.25 TiB ($need_kib KiB)" "the formula's total is calc's limit"
like "$OUT" "Recommended hard_limit: 1.25 TiB ($rec_kib KiB" "the recommendation with its headroom"
like "$OUT" "w writes the" "step 7 names w"
like "$OUT" "Step 8 of 8: Your turn" "the last step is the reader's turn"

# The last step's guest starts: calc's check accepts it (or, without
# --check, its hard_limit covers what libvirt computes without it).
last="$TMPDIR_TEST/step$n.xml"
if "$MP" calc --help 2>&1 | grep -q -- '--check'; then
    run_mp calc --check --host demo:ac922 "$last"
    is "$RC" 0 "calc --check accepts the last step's guest"
else
    hl=$(printf '%s' "$json" | jq ".[$n - 1].hard_limit_bytes")
    is "$([ "$hl" -ge "$need" ] && echo yes)" yes "the last guest's hard_limit covers libvirt's limit"
fi
run_mp tour --format xml
is "$RC" 2 "--format xml without --step: exit 2"
plan_done

#!/bin/sh
# The computed breakdown beside <hard_limit> and <locked/>: calc (text, JSON),
# report (text, Markdown, HTML, JSON) and compare say what libvirt sets, what
# the terms would give without it, and the difference.
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"
hl="$data/pseries-hardlimit+hostdev.xml"   # hard_limit 2 GiB; the terms give 4218880 KiB

run_mp calc --format json --host none "$hl"
is "$RC" 0 "json: exit 0"
is "$(echo "$OUT" | jq -r '.limit_kib, .rule' | tr '\n' ' ')" "2097152 hard_limit " \
    "json: the effective limit stays the hard_limit"
is "$(echo "$OUT" | jq -r '.computed.rule')" ppc64 "json: computed under the ppc64 rule"
is "$(echo "$OUT" | jq -r '.computed.limit_kib')" 4218880 "json: computed limit_kib (libvirt's pseries-hostdev value)"
is "$(echo "$OUT" | jq -r '.computed.limit_bytes')" 4320133120 "json: computed limit_bytes"
is "$(echo "$OUT" | jq -r '[.computed.terms[].id] | join(",")')" "hpt,dma32,tce_index,pre_ddw" \
    "json: computed term ids"
is "$(echo "$OUT" | jq -r '[.computed.terms[].kib] | add')" 4218880 "json: computed terms add up"
is "$(echo "$OUT" | jq -r '.difference_kib')" "$((2097152 - 4218880))" "json: difference is hard_limit minus computed"

run_mp calc --host none "$hl"
like "$OUT" "libvirt sets 2 GiB because of <hard_limit>; without it the terms would give 4.02 GiB (2.02 GiB less: below the need)" \
    "text: the sentence with both figures and the difference"
like "$OUT" "Terms without <hard_limit> (ppc64 KVM guest" "text: the computed terms' heading"
like "$OUT" "Pre-DDW DMA windows" "text: a computed term"

run_mp calc --format json --host none "$data/pc-hardlimit+hostdev.xml"
is "$(echo "$OUT" | jq -r '.computed.limit_kib, .difference_kib' | tr '\n' ' ')" "2097152 0 " \
    "json: hard_limit equal to the terms: difference 0"
run_mp calc --host none "$data/pc-hardlimit+hostdev.xml"
like "$OUT" "without it the terms would give 2 GiB (the same)" "text: equal says so"

run_mp calc --format json --host none "$data/pc-locked+hostdev.xml"
is "$(echo "$OUT" | jq -r '.kind, .computed.rule, .computed.limit_kib, .difference_kib' | tr '\n' ' ')" \
    "unlimited generic 2097152 null " "json: locked: computed under the generic rule, no difference"
run_mp calc --host none "$data/pc-locked+hostdev.xml"
like "$OUT" "libvirt sets unlimited because of <locked/>; without it the terms would give 2 GiB" \
    "text: locked sentence"

run_mp calc --format json --host none "$data/pc-hardlimit.xml"
is "$(echo "$OUT" | jq -r '.computed.kind, .computed.limit_kib' | tr '\n' ' ')" "none 0 " \
    "json: hard_limit without devices: the terms give none"
run_mp calc --format json --host none "$data/pseries-hostdev.xml"
is "$(echo "$OUT" | jq -r '.computed, .difference_kib' | tr '\n' ' ')" "null null " \
    "json: no hard_limit or locked: computed null"

# The report formats carry the same figures.
run_mp report --format json --host none "$hl" "$data/pseries-hostdev.xml"
is "$(echo "$OUT" | jq -r '.guests[0].computed.limit_kib, .guests[0].difference_kib' | tr '\n' ' ')" \
    "4218880 -2121728 " "report json: computed and difference per guest"
calc_json=$("$MP" calc --format json --host none "$hl")
is "$(echo "$OUT" | jq -S '.guests[0] | {computed, difference_kib}')" \
   "$(echo "$calc_json" | jq -S '{computed, difference_kib}')" "report json: as calc writes them"
run_mp report --host none "$hl"
like "$OUT" "(2.02 GiB less: below the need)" "report text: the sentence"
run_mp report --format md --host none "$hl"
like "$OUT" "libvirt sets 2 GiB because of &lt;hard\\_limit&gt;; without it the terms would give 4.02 GiB" "report md: the sentence, escaped"
is "$(printf '%s\n' "$OUT" | grep -c '^| Pre-DDW DMA windows | 4 GiB | 4194304 |')" 1 "report md: the computed terms table"
run_mp report --format html --host none "$hl"
like "$OUT" '<p class="computed">libvirt sets 2 GiB because of &lt;hard_limit&gt;' "report html: the sentence, escaped"
like "$OUT" '<td class="n">4194304</td>' "report html: the computed terms table"

run_mp compare --host none "$hl"
like "$OUT" "Computed without <hard_limit>" "compare text: a computed row"
like "$(printf '%s\n' "$OUT" | grep 'Computed without')" "4.02 GiB" "compare text: the computed figure"
run_mp compare --format json --host none "$hl"
is "$(echo "$OUT" | jq -r '.computed_bytes | unique | join(",")')" 4320133120 "compare json: computed per profile"
run_mp compare --format json --host none "$data/pseries-hostdev.xml"
is "$(echo "$OUT" | jq -r '.computed_bytes | unique | join(",")')" "" "compare json: null without hard_limit"
plan_done

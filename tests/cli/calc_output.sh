#!/bin/sh
# calc's text and JSON output: every field the issue promises, read back.
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"

run_mp calc --format json --host none "$data/pseries-hostdev.xml"
j="$OUT"
is "$RC" 0 "json: exit 0"
is "$(echo "$j" | jq -r .limit_bytes)" 4320133120 "json: limit_bytes"
is "$(echo "$j" | jq -r .limit_kib)" 4218880 "json: limit_kib"
is "$(echo "$j" | jq -r .profile)" 11.3 "json: profile (the newest without --libvirt or a live host)"
is "$(echo "$j" | jq -r .libvirt_release)" null "json: no release named"
is "$(echo "$j" | jq -r .rule)" ppc64 "json: rule"
is "$(echo "$j" | jq -r .phbs.count)" 2 "json: two PHBs"
is "$(echo "$j" | jq -r '.phbs.list[0].origin')" default-implicit "json: PHB 0 is the implicit default"
is "$(echo "$j" | jq -r '.phbs.list[1].origin')" added-isolation "json: PHB 1 added for isolation"
is "$(echo "$j" | jq -r '[.terms[].id] | join(",")')" "hpt,dma32,tce_index,pre_ddw" "json: term ids in order"
is "$(echo "$j" | jq -r '[.terms[].kib] | add')" 4218880 "json: terms add up to limit_kib"
is "$(echo "$j" | jq -r '.terms[0].label')" "Hash page table" "json: term label"
like "$(echo "$j" | jq -r '.terms[0].why')" "max memory 1 GiB / 128" "json: term why"
like "$(echo "$j" | jq -r '.warnings | join("\n")')" "no host facts" "json: warning without host facts"

run_mp calc --format json --host none "$data/pseries-locked.xml"
is "$(echo "$OUT" | jq -r .limit_bytes)" unlimited "json: unlimited as a string"
is "$(echo "$OUT" | jq -r .kind)" unlimited "json: kind unlimited"
run_mp calc --format json --host none "$data/pc-kvm.xml"
is "$(echo "$OUT" | jq -r '.limit_bytes, .kind' | tr '\n' ' ')" "0 none " "json: nothing to lock is 0"

run_mp calc --host none "$data/pseries-hostdev.xml"
is "$(echo "$OUT" | head -n 1)" 4320133120 "text: bytes alone on the first line"
like "$OUT" "4.02 GiB (4,320,133,120 bytes)" "text: human size and grouped bytes"
like "$OUT" "Pre-DDW DMA windows" "text: term label"
like "$OUT" "PHBs: 2" "text: PHB count"
like "$OUT" "Warnings:" "text: warnings section"

# Standard input.
run_mp calc --host none - < "$data/pseries-kvm.xml"
is "$(echo "$OUT" | head -n 1)" 20971520 "stdin: '-' reads the guest from standard input"

# A newer libvirt than the newest profile: that profile, with a warning.
run_mp calc --host none --libvirt 11.4.0 "$data/pseries-kvm.xml"
like "$OUT" "newer than the newest profile" "libvirt 11.4.0: warned"
run_mp calc --host none --libvirt 6.5 --force-vfio --format json "$data/pseries-kvm.xml"
like "$(echo "$OUT" | jq -r '.warnings[0]')" "forceVFIO is read in 7.0.0" "what is inferred about 6.0: said"

# Locale: JSON never changes; the option parser and help work.
run_mp calc --help
is "$RC" 0 "calc --help exits 0"
like "$OUT" "--libvirt VERSION" "calc --help lists options"
run_mp --version
like "$OUT" "memlock-planner " "--version"
plan_done

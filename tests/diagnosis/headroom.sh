#!/bin/sh
# --headroom SIZE|N%: exact KiB arithmetic at the boundaries, the default,
# the cgroup sentence in the same words everywhere, bad values, and apply on
# a <locked/> guest.
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"
t="$TMPDIR_TEST"
g="$data/pc-hostdev.xml"   # libvirt's figure: 2 GiB = 2097152 KiB

rec() {   # HEADROOM -> "libvirt_limit_kib headroom_kib hard_limit_kib"
    "$MP" report --host none --format json --headroom "$1" "$g" |
        jq -r '.recommendations[0] | [.libvirt_limit_kib, .headroom_kib, .hard_limit_kib] | join(" ")'
}
is "$("$MP" report --host none --format json "$g" | jq -r '.recommendations[0] | [.headroom, .headroom_kib] | join(" ")')" \
    "1 GiB 1048576" "default: 1 GiB"
is "$(rec 0)" "2097152 0 2097152" "0: libvirt's figure as is"
is "$(rec 25%)" "2097152 524288 2621440" "25% of 2097152 KiB: exactly 524288"
is "$(rec 10%)" "2097152 209716 2306868" "10% of 2097152 KiB = 209715.2: rounded up to 209716"
is "$(rec 1%)" "2097152 20972 2118124" "1% = 20971.52: rounded up to 20972"
is "$(rec 100%)" "2097152 2097152 4194304" "100%: twice the figure"
is "$(rec 1b)" "2097152 1 2097153" "1 byte: rounded up to 1 KiB"
is "$(rec 1024b)" "2097152 1 2097153" "1024 bytes: exactly 1 KiB"
is "$(rec 1025b)" "2097152 2 2097154" "1025 bytes: rounded up to 2 KiB"
is "$(rec 1)" "2097152 1 2097153" "a bare number is KiB"
is "$(rec 1.5G)" "2097152 1572864 3670016" "1.5G"
# A base that is not a multiple of 100: 1 GiB + 1 KiB of memory aligns to 1 GiB + 1 MiB.
printf "<domain type='kvm'><name>odd</name><memory unit='KiB'>1048577</memory><os><type arch='x86_64' machine='q35'>hvm</type></os><devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source></hostdev></devices></domain>\n" > "$t/odd.xml"
is "$("$MP" report --host none --format json --headroom 10% "$t/odd.xml" | jq -r '.recommendations[0] | [.libvirt_limit_kib, .headroom_kib] | join(" ")')" \
    "2098176 209818" "10% of 2098176 KiB = 209817.6: rounded up to 209818"

# The people's formats say the figure, the headroom and the cgroup trade-off.
run_mp report --host none --headroom 10% "$g"
like "$OUT" "recommended hard_limit 2.2 GiB: libvirt's figure 2 GiB plus 204.8 MiB of headroom (--headroom 10%)" \
    "text: the figure and the headroom"
note="hard_limit is also the guest's memory cgroup cap: the headroom above libvirt's figure is room for QEMU's own memory, so that the guest is not killed when QEMU grows; the price is that the guest may take that much more host memory"
like "$OUT" "$note" "text: the cgroup trade-off"
like "$("$MP" report --host none --format md "$g")" "$(printf '%s' "$note" | sed 's/_/\\_/g')" "md: the same words (Markdown-escaped)"
is "$("$MP" report --host none --format json "$g" | jq -r '.recommendations[0].notes[1]')" "$note" "json: the same words"
man=$(tr '\n' ' ' < "$top_builddir/doc/memlock-planner.1" | sed 's/\\-/-/g; s/  */ /g')
like "$man" "$note" "man page: the same words"
# QEMU outside libvirt has no cgroup cap: its lines keep libvirt's figure.
is "$("$MP" report --host none --format json --headroom 50% "$g" | jq -r '.recommendations[0].systemd')" \
    "LimitMEMLOCK=2147483648" "systemd line: libvirt's figure, no headroom"

# apply writes the figure plus the headroom.
run_mp apply --host none --headroom 512M "$g" -o "$t/applied.xml"
is "$RC" 0 "apply --headroom 512M: exit 0"
is "$OUT" "$t/applied.xml: hard_limit 2621440 KiB (2.5 GiB)" "apply: 2 GiB + 512 MiB"
is "$("$MP" calc --host none --format json "$t/applied.xml" | jq -r .limit_kib)" 2621440 "apply: calc reads it back"

# Bad values: one line, exit 2, nothing written.
for bad in -5% 200% 1e99 101% 12.5% % -1G 9E abc ""; do
    run_mp apply --host none --headroom "$bad" "$g" -o "$t/bad.xml"
    is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "apply --headroom '$bad': exit 2, one line"
    [ -e "$t/bad.xml" ] && fail "  nothing written" || ok "  nothing written"
done
run_mp report --host none --headroom 200% "$g"
is "$RC:$OUT" "2:" "report --headroom 200%: exit 2, nothing on stdout"
is "$ERR" "memlock-planner: --headroom 200%: a percentage is of libvirt's figure, from 0% to 100%" \
    "report --headroom 200%: the one line"
run_mp report --host none --headroom 1e99 "$g"
is "$ERR" "memlock-planner: --headroom 1e99: not a whole number" "report --headroom 1e99: the one line"
# A headroom that fits alone but not on top of the figure: the largest memory
# libvirt aligns (8 EiB - 1 MiB) + 1 GiB, and 100% of it, is past 2^64 bytes.
printf "<domain type='kvm'><name>huge</name><memory unit='b'>9223372036853727232</memory><os><type arch='x86_64' machine='q35'>hvm</type></os><devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source></hostdev></devices></domain>\n" > "$t/huge-guest.xml"
run_mp apply --host none --headroom 100% "$t/huge-guest.xml" -o "$t/huge.xml"
is "$RC:$ERR" "2:memlock-planner: $t/huge-guest.xml: the hard_limit with its headroom does not fit in 64 bits" \
    "figure + headroom beyond 64 bits of bytes: exit 2, one line"
[ -e "$t/huge.xml" ] && fail "  nothing written" || ok "  nothing written"

# apply on a <locked/> guest: says what it does, exit 0; on one that also has
# a hard_limit, the hard_limit is replaced the same way.
run_mp apply --host none --headroom 0 "$data/pc-locked+hostdev.xml" -o "$t/locked.xml"
is "$RC" 0 "locked: exit 0"
is "$OUT" "$t/locked.xml: hard_limit 2097152 KiB (2 GiB)
$t/locked.xml: the guest keeps <locked/>; libvirt now sets the memory-locking limit to this hard_limit instead of removing it" \
    "locked: what it wrote and what that does"
is "$("$MP" calc --host none --format json "$t/locked.xml" | jq -r '.rule, .limit_kib' | tr '\n' ' ')" \
    "hard_limit 2097152 " "locked: the hard_limit is now the limit"
run_mp apply --host none "$data/pc-hardlimit+locked+hostdev.xml" -o "$t/locked2.xml"
is "$RC" 0 "locked with a hard_limit: exit 0"
like "$OUT" "hard_limit 3145728 KiB (3 GiB)" "locked with a hard_limit: figure + 1 GiB"
run_mp apply --host none --headroom 10% "$data/pseries-kvm.xml" -o "$t/small.xml"
is "$RC" 2 "refusal stays exit 2 (not 1)"
plan_done

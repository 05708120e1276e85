#!/bin/sh
# guests: each running QEMU (a stand-in process named like QEMU, with a real
# RLIMIT_MEMLOCK and locked memory) checked against what libvirt computes from
# its running definition, read from libvirt's status XML (<domstatus>) in a
# folder given with --xml, or from one file: limits above, equal to and below
# the need; a definition that makes QEMU lock all its RAM is warned about.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
trap 'standin_stop_all; rm -rf "$t"' EXIT
start() { standin_start "$t" "$@"; }
mkdir "$t/run"
# A pseries guest of 256 MiB without VFIO: libvirt sets and needs 14 MiB (14680064 bytes).
status() { # NAME [EXTRA inside <domain>]
    cat > "$t/run/$1.xml" <<XML
<!-- a status file as libvirt writes it -->
<domstatus state='running' reason='booted' pid='1'>
  <monitor path='/var/lib/libvirt/qemu/domain-1-$1/monitor.sock' type='unix'/>
  <domain type='kvm' id='1' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
    <name>$1</name>
    <memory unit='KiB'>262144</memory>
    <os><type arch='ppc64le' machine='pseries'>hvm</type></os>
    $2
  </domain>
</domstatus>
XML
}
x86() { # NAME HARD_LIMIT_KIB: an x86 guest that needs nothing locked; libvirt sets the hard_limit
    cat > "$t/run/$1.xml" <<XML
<domstatus state='running' reason='booted' pid='1'>
  <domain type='kvm' id='2'>
    <name>$1</name>
    <memory unit='GiB'>1</memory>
    <memtune><hard_limit unit='KiB'>$2</hard_limit></memtune>
    <os><type arch='x86_64' machine='q35'>hvm</type></os>
  </domain>
</domstatus>
XML
}
status pseries
status small "<memtune><hard_limit unit='KiB'>4096</hard_limit></memtune>"
status mlock "<qemu:commandline><qemu:arg value='-overcommit'/><qemu:arg value='mem-lock=on'/></qemu:commandline>"
x86 tuned 4096
x86 raised 4096
# Limits a process may set without CAP_SYS_RESOURCE (the default hard limit is 8 MiB).
start qemu-system-x86_64 -name guest=tuned --limit 4194304
start qemu-system-x86_64 -name guest=raised --limit 6291456
start qemu-system-ppc64 -name guest=pseries --limit 4194304 --lock 64
start qemu-kvm -name guest=small --limit 4194304
start qemu-system-x86_64 -name guest=nodef --limit 1048576
start qemu-system-ppc64 -name guest=mlock --limit 4194304

run_mp guests --host none --xml "$t/run" --format json
is "$RC" 0 "exit 0"
pick() { echo "$OUT" | jq -r ".[] | select(.name == \"$1\") | $2"; }
is "$(pick tuned '.check, .expected_limit_bytes, .need_bytes' | tr '\n' ' ')" "as_expected 4194304 0 " \
    "the hard_limit libvirt sets, nothing to lock: limit as expected"
is "$(pick tuned .definition)" "$t/run/tuned.xml" "read from the status XML"
is "$(pick raised '.check, .memlock_limit_bytes, .expected_limit_bytes' | tr '\n' ' ')" "differs 6291456 4194304 " \
    "above libvirt's figure: differs"
is "$(pick pseries '.check, .expected_limit_bytes, .need_bytes' | tr '\n' ' ')" "below_need 14680064 14680064 " \
    "4 MiB where a 256 MiB pseries guest needs 14 MiB: below need"
is "$(pick pseries '.vmlck_kib >= 64')" true "VmLck read beside it"
is "$(pick small '.check, .expected_limit_bytes, .need_bytes' | tr '\n' ' ')" "below_need 4194304 14680064 " \
    "as libvirt sets it from a hard_limit that is too small: still below need"
is "$(pick nodef '.check, .definition' | tr '\n' ' ')" "unknown null " "no definition: unknown"
like "$(pick mlock '.warnings | join("\n")')" "<qemu:commandline> passes -overcommit mem-lock=on: QEMU locks all guest RAM" \
    "mem-lock=on in qemu:commandline: warned"

run_mp guests --host none --xml "$t/run"
is "$RC" 0 "text: exit 0"
like "$OUT" "tuned: limit as expected: 4 MiB, as libvirt computes from the running definition" "text: as expected"
like "$OUT" "pseries: below need: the limit 4 MiB is below the 14 MiB the definition needs" "text: below need"
like "$OUT" "raised: differs: the limit is 6 MiB where libvirt computes 4 MiB" "text: differs"
like "$OUT" "nodef: unknown: no definition found for this guest" "text: unknown"
like "$OUT" "! <qemu:commandline> passes -overcommit mem-lock=on" "text: the mem-lock warning"

# Equal to, above and below a need that is not 0 (14 MiB): only where the
# stand-in may raise its limit past the default 8 MiB hard limit.
status equal
status above
status below
need=14680064
if start qemu-system-ppc64 -name guest=equal --limit $need &&
   start qemu-system-ppc64le -name guest=above --limit $((need + 1024)) &&
   start qemu-kvm -name guest=below --limit $((need - 1024)); then
    run_mp guests --host none --xml "$t/run" --format json
    is "$(pick equal .check)" as_expected "need 14 MiB, limit 14 MiB: as expected"
    is "$(pick above .check)" differs "limit 1 KiB above: differs"
    is "$(pick below .check)" below_need "limit 1 KiB below: below need"
else
    skip "the stand-in cannot raise RLIMIT_MEMLOCK past 8 MiB here (no CAP_SYS_RESOURCE)"
fi

# --xml FILE: one definition (a plain domain XML), matched by its <name>.
sed -n '/<domain /,/<\/domain>/p' "$t/run/pseries.xml" > "$t/pseries-domain.xml"
run_mp guests --host none --xml "$t/pseries-domain.xml" --format json
is "$(pick pseries .check)" below_need "--xml FILE: the plain domain XML is used"
is "$(pick tuned .check)" unknown "--xml FILE: other guests have no definition"

# -realtime mlock=on: the same warning; calc and --check say it too.
cat > "$t/rt.xml" <<XML
<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>rt</name><memory unit='GiB'>4</memory>
  <memtune><hard_limit unit='GiB'>1</hard_limit></memtune>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <qemu:commandline><qemu:arg value='-realtime'/><qemu:arg value='mlock=on'/></qemu:commandline>
</domain>
XML
run_mp calc --check --host none "$t/rt.xml"
like "$OUT" "<qemu:commandline> passes -realtime mlock=on" "calc warns of -realtime mlock=on"
is "$RC" 3 "calc --check: QEMU cannot lock 4 GiB under a 1 GiB limit: exit 3"
like "$ERR" "the limit 1 GiB (1048576 KiB) is below the guest's memory 4 GiB (4194304 KiB): QEMU fails to start" \
    "calc --check: qemu_mlock_below_memory"
# Not the qemu namespace: not QEMU's command line.
sed "s|http://libvirt.org/schemas/domain/qemu/1.0|urn:example|" "$t/rt.xml" > "$t/other-ns.xml"
run_mp calc --check --host none "$t/other-ns.xml"
is "$RC" 0 "another namespace's <commandline> is not QEMU's"
plan_done

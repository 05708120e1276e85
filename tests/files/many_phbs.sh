#!/bin/sh
# NVLink2 guests with many PHBs on the AC922 demo host: 4,096 PHBs (the stated
# limit of controllers) give libvirt's exact value in every command and
# format; one more is refused with one line; max memory at the size bound
# overflows into a refusal, never a wrapped number.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
gen() { # PHBS MEMORY_KIB
    echo "<domain type='kvm'><name>many-phb</name>"
    echo "<memory unit='KiB'>$2</memory><maxMemory slots='16' unit='KiB'>$2</maxMemory>"
    echo "<os><type arch='ppc64le' machine='pseries'>hvm</type></os><devices>"
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
        printf "<controller type=\"pci\" index=\"%d\" model=\"pci-root\"><model name=\"spapr-pci-host-bridge\"/><target index=\"%d\"/></controller>\n", i, i }'
    # The GPU 0004:04:00.0 and its NVLink2 bridges on the AC922 demo host.
    for a in "0x0004 0x04 0x00 0x0" "0x0006 0x00 0x00 0x0" "0x0006 0x00 0x00 0x1" "0x0006 0x00 0x01 0x0"; do
        set -- $a
        echo "<hostdev mode='subsystem' type='pci' managed='yes'><driver name='vfio'/><source><address domain='$1' bus='$2' slot='$3' function='$4'/></source></hostdev>"
    done
    echo "</devices></domain>"
}
gen 4096 67108864 > "$t/4096.xml"
gen 4097 67108864 > "$t/4097.xml"
gen 4096 9007199254740991 > "$t/huge.xml"
# libvirt 9.0's getPPC64MemLockLimitBytes() with 64 GiB and 4,096 PHBs: hash page
# table 512 MiB + 4 MiB per PHB + 8 MiB, then max memory + 256 GiB of TCEs per
# PHB (NVLink2: the 64-bit window reaches 128 TiB) + 8 MiB.
want=$(( 536870912 + 4096 * 4194304 + 8388608 + 68719476736 + 4096 * 274877906944 + 8388608 ))
run_mp calc --host demo:ac922 --libvirt 9.0 --format json "$t/4096.xml"
is "$RC" 0 "4,096 PHBs: computed"
is "$(printf '%s' "$OUT" | jq -r .limit_bytes)" "$want" "4,096 PHBs: libvirt's value, to the byte"
is "$(printf '%s' "$OUT" | jq -r .phbs.count)" 4096 "4,096 PHBs: all counted"
run_mp calc --host demo:ac922 --libvirt 9.0 "$t/4096.xml"
is "$(printf '%s\n' "$OUT" | head -n 1)" "$want" "4,096 PHBs, text: the same value"
for cmd in "report --format json" "report --format html" "report --format md" map compare capacity; do
    timeout 60 "$MP" $cmd --host demo:ac922 "$t/4096.xml" > "$t/out" 2> "$t/err"
    is "$?" 0 "4,096 PHBs: $cmd works"
done
timeout 60 "$MP" report --format json --libvirt 9.0 --host demo:ac922 "$t/4096.xml" > "$t/r.json"
is "$(jq -r '.guests[0].limit_bytes' "$t/r.json")" "$want" "4,096 PHBs, report JSON: the same value"
run_mp calc --host demo:ac922 "$t/4097.xml"
is "$RC" 2 "4,097 PHBs: refused"
is "$(printf '%s\n' "$ERR" | grep -c .)" 1 "4,097 PHBs: one line"
like "$ERR" "more than 4096 controllers" "4,097 PHBs: states the limit"
run_mp calc --host demo:ac922 "$t/huge.xml"
is "$RC" 2 "max memory at the bound with 4,096 PHBs: refused, not wrapped"
like "$ERR" "overflow" "max memory at the bound: says it overflows"
plan_done

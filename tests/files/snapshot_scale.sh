#!/bin/sh
# Host snapshots at scale: a million devices is refused past the stated
# limit (65,536 devices) with one clear line; 65,536 devices in one parent
# chain, in a parent loop, or in two huge IOMMU groups finish under a hang
# guard with bounded memory.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
# gen MODE N: chain (each device's parent is the next), loop (the last's is
# the first), groups (alternating IOMMU groups 0 and 1, all vfio-pci), plain.
gen() {
    awk -v mode="$1" -v n="$2" '
    function addr(i) { return sprintf("%04x:%02x:%02x.%d", int(i / 65536), int(i / 256) % 256, int(i / 8) % 32, i % 8) }
    BEGIN {
        print "<?xml version=\"1.0\"?>\n<memlock-planner-host version=\"1\">"
        print "<memlock>unlimited</memlock><kvm>no</kvm>\n<devices>"
        for (i = 0; i < n; i++) {
            extra = ""
            if (mode == "chain" && i + 1 < n) extra = " parent=\"" addr(i + 1) "\""
            if (mode == "loop") extra = " parent=\"" addr((i + 1) % n) "\""
            if (mode == "groups") extra = " iommu_group=\"" i % 2 "\" driver=\"vfio-pci\""
            printf "<device address=\"%s\"%s/>\n", addr(i), extra
        }
        print "</devices>\n</memlock-planner-host>"
    }'
}
# Peak RSS in KiB through GNU time when it is there (not under ASan, whose
# shadow memory is no measure of ours).
have_time=no
[ -x /usr/bin/time ] && ! nm "$MP" 2>/dev/null | grep -q __asan_init && have_time=yes
run_guarded() { # ARGS...: sets RC, ERR, RSS (KiB or empty)
    if [ $have_time = yes ]; then
        timeout 60 /usr/bin/time -f '%M' -o "$t/rss" "$MP" "$@" > "$t/out" 2> "$t/err"
        RC=$?
        RSS=$(tail -n 1 "$t/rss")
    else
        timeout 60 "$MP" "$@" > "$t/out" 2> "$t/err"
        RC=$?
        RSS=
    fi
    ERR=$(cat "$t/err")
}
bounded() { # NAME MiB
    if [ -z "$RSS" ]; then
        skip "$1: peak memory (no GNU time, or a sanitizer build)"
    elif [ "$RSS" -le $(($2 * 1024)) ]; then
        ok "$1: peak memory $((RSS / 1024)) MiB (at most $2 MiB)"
    else
        fail "$1: peak memory $((RSS / 1024)) MiB (at most $2 MiB)"
    fi
}

gen plain 1000000 > "$t/million.xml"
run_guarded probe --host "$t/million.xml"
is "$RC" 2 "a million devices: refused (exit 2, no hang)"
is "$(printf '%s\n' "$ERR" | grep -c .)" 1 "a million devices: one line"
like "$ERR" "more than 65536 devices" "a million devices: states the limit"
bounded "a million devices" 256

gen plain 65536 > "$t/limit.xml"
run_guarded probe --host "$t/limit.xml" --format json
is "$RC" 0 "65,536 devices: accepted"
is "$(grep -o '"address"' "$t/out" | wc -l)" 65536 "65,536 devices: all listed"

gen chain 65536 > "$t/chain.xml"
run_guarded probe --host "$t/chain.xml"
is "$RC" 0 "a parent chain 65,536 deep: drawn (no stack overflow)"
bounded "a parent chain 65,536 deep" 256

gen loop 65536 > "$t/loop.xml"
run_guarded probe --host "$t/loop.xml"
is "$RC" 2 "a parent loop through 65,536 devices: refused"
like "$ERR" "form a loop" "a parent loop: says so"

gen groups 65536 > "$t/groups.xml"
cat > "$t/guest.xml" <<'XML'
<domain type='kvm'>
  <name>big-group</name>
  <memory unit='KiB'>1048576</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source><address domain='0x0000' bus='0x00' slot='0x00' function='0x0'/></source>
    </hostdev>
  </devices>
</domain>
XML
run_guarded calc --host "$t/groups.xml" "$t/guest.xml"
is "$RC" 0 "a hostdev in an IOMMU group of 32,768 devices: computed"
like "$(cat "$t/out")" "Limit: 2 GiB (2,147,483,648 bytes)" "the group's size does not change the x86 limit"
like "$(cat "$t/out")" "32767 of 32768 devices missing" "the partly assigned group: counted"
is "$(grep -c "only partly assigned" "$t/out")" 1 "the partly assigned group: one warning, not one a device"
bounded "IOMMU groups of 32,768 devices" 256
plan_done

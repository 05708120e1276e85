#!/bin/sh
# record / --host FILE: snapshots round-trip every demo host; writes are
# atomic; bad snapshot files fail with one line and exit 2.
. "$srcdir/tests/lib.sh"
command -v jq >/dev/null || { echo "1..0 # SKIP jq not installed"; exit 0; }
t=$TMPDIR_TEST

for h in ac922 ac922-6gpu x86-gpu; do
    run_mp record --host demo:$h -o "$t/$h.xml"
    is "$RC" 0 "record demo:$h -o FILE"
    "$MP" probe --host demo:$h --format json | jq -S 'del(.source)' > "$t/a.json"
    "$MP" probe --host "$t/$h.xml" --format json | jq -S 'del(.source)' > "$t/b.json"
    if cmp -s "$t/a.json" "$t/b.json"; then ok "$h: --host FILE gives the same JSON"
    else fail "$h: --host FILE gives the same JSON"; diff "$t/a.json" "$t/b.json" | head | sed 's/^/# /'; fi
    # Only <recorded-from> changes: it names the snapshot now.
    "$MP" probe --host "$t/$h.xml" --format xml | grep -v '<recorded-from>' > "$t/again.xml"
    grep -v '<recorded-from>' "$t/$h.xml" > "$t/first.xml"
    if cmp -s "$t/again.xml" "$t/first.xml"; then ok "$h: load then write gives the same document"
    else fail "$h: load then write gives the same document"; fi
done
is "$("$MP" probe --host "$t/ac922.xml" --format json | jq -r .source)" "$t/ac922.xml" \
    "a loaded snapshot's source is its path"
"$MP" probe --host demo:ac922 --format xml > "$t/probe.xml"
"$MP" record --host demo:ac922 > "$t/record.xml"
if cmp -s "$t/probe.xml" "$t/record.xml"; then ok "probe --format xml = record to stdout"
else fail "probe --format xml = record to stdout"; fi
is "$(head -2 "$t/ac922.xml" | tail -1)" '<memlock-planner-host version="1">' "root element carries version 1"

# calc gives the same bytes from the snapshot as from the demo host.
g="$srcdir/data/guests/pseries-ac922-socket0.xml"
is "$("$MP" calc --host "$t/ac922.xml" --format json "$g" | jq .limit_bytes)" \
   "$("$MP" calc --host demo:ac922 --format json "$g" | jq .limit_bytes)" "calc: snapshot = demo host"

# Atomic replace: the old file stays whole until the new one is complete; no temp files left.
mkdir "$t/snapdir"
cp "$t/ac922.xml" "$t/snapdir/host.xml"
run_mp record --host demo:x86-gpu -o "$t/snapdir/host.xml"
is "$RC" 0 "record over an existing file"
is "$(ls -A "$t/snapdir" | tr '\n' ' ')" "host.xml " "no temporary file left behind"
like "$(cat "$t/snapdir/host.xml")" "<arch>x86_64</arch>" "the file was replaced"
run_mp record --host demo:x86-gpu -o "$t/no/such/dir/host.xml"
is "$RC" 1 "record into a missing directory: exit 1 (a system error, as atomic_file reports it)"
is "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" 1 "missing directory: one line"

# Bad snapshot files.
bad() { # NAME CONTENT EXPECTED-TEXT
    printf '%s' "$2" > "$t/bad.xml"
    run_mp probe --host "$t/bad.xml"
    is "$RC:$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" "2:1" "$1: exit 2, one line"
    like "$ERR" "$3" "$1: says why"
}
hdr='<memlock-planner-host version="1"><devices>'
bad "empty file" "" "empty file"
bad "not XML" "hello" "not well-formed"
bad "wrong root" "<domain/>" "root element must be"
bad "version 2" '<memlock-planner-host version="2"><devices/></memlock-planner-host>' "version '2' is not supported"
bad "no devices" '<memlock-planner-host version="1"/>' "no <devices>"
bad "DOCTYPE with entity" '<!DOCTYPE x [<!ENTITY a "b">]><memlock-planner-host version="1"><devices/></memlock-planner-host>' "DOCTYPE is not allowed"
bad "bad address" "$hdr<device address=\"zz:00.0\"/></devices></memlock-planner-host>" "not a PCI address"
bad "vendor too wide" "$hdr<device address=\"0000:00:00.0\" vendor=\"10dee\" device=\"1db1\" subsystem_vendor=\"0000\" subsystem_device=\"0000\" class=\"030200\" revision=\"a1\"/></devices></memlock-planner-host>" "vendor='10dee'"
bad "partial ids" "$hdr<device address=\"0000:00:00.0\" vendor=\"10de\"/></devices></memlock-planner-host>" "or none"
bad "negative group" "$hdr<device address=\"0000:00:00.0\" iommu_group=\"-1\"/></devices></memlock-planner-host>" "iommu_group='-1'"
bad "huge group" "$hdr<device address=\"0000:00:00.0\" iommu_group=\"99999999999\"/></devices></memlock-planner-host>" "whole number"
bad "duplicate device" "$hdr<device address=\"0000:00:00.0\"/><device address=\"0000:00:00.0\"/></devices></memlock-planner-host>" "listed twice"
bad "parent loop" "$hdr<device address=\"0000:00:00.0\" parent=\"0000:01:00.0\"/><device address=\"0000:01:00.0\" parent=\"0000:00:00.0\"/></devices></memlock-planner-host>" "form a loop"
bad "unknown attribute" "$hdr<device address=\"0000:00:00.0\" colour=\"red\"/></devices></memlock-planner-host>" "unknown attribute 'colour'"
bad "unknown nv2 file" "$hdr<device address=\"0000:00:00.0\" nv2_files=\"ibm,gpu ibm,foo\"/></devices></memlock-planner-host>" "'ibm,foo'"
bad "memory overflow" '<memlock-planner-host version="1"><memory unit="KiB">18446744073709551616</memory><devices/></memlock-planner-host>' "not a whole number"
bad "memlock words" '<memlock-planner-host version="1"><memlock>lots</memlock><devices/></memlock-planner-host>' "unlimited"
bad "GPU RAM wraps" "$hdr<device address=\"0000:00:00.0\" gpu_ram_base=\"0xffffffffffffffff\" gpu_ram_size=\"0x2\"/></devices></memlock-planner-host>" "past the end"
run_mp probe --host "$t/does-not-exist.xml"
is "$RC" 2 "missing snapshot file: exit 2"
like "$ERR" "cannot open it as a snapshot" "missing file: names the forms of --host"
run_mp probe --host "$t"
is "$RC" 2 "a directory: exit 2"
plan_done

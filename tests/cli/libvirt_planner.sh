#!/bin/sh
# The planner on a libvirt connection, headless (MEMLOCK_PLANNER_SCRIPT):
# o lists the test driver's domains, Enter opens one, w shows the change and
# y redefines it (virDomainDefineXML) with libvirt's read-back; n writes the
# definition to a file instead; a read-only connection is refused.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/libvirt.sh"
t="$TMPDIR_TEST"
if ! lv_built; then
    run_mp tui --host demo:ac922 --connect "$LV_URI"
    expect_one_line "tui --connect without libvirt" "built without libvirt"
    plan_done
    exit
fi
sums() { (cd "$LV_DATA" && cksum ./*.xml); }
before=$(sums)
planner() { # SCRIPT ARGS...: the screens the script dumps, in $OUT
    printf '%s\n' "$1" >"$t/keys"
    shift
    OUT=$(cd "$t" && MEMLOCK_PLANNER_SCRIPT="$t/keys" LINES=30 COLUMNS=220 TERM=xterm-256color \
        timeout 60 "$MP" tui --host demo:ac922 "$@" 2>"$t/err")
    RC=$?
    ERR=$(cat "$t/err")
}
# The last list row of domain $1 in the dumps.
row() { printf '%s\n' "$OUT" | grep -oE "$1 +(running|shut off) .*" | tail -n 1 | tr -s ' ' | sed 's/ *│.*//'; }

# o: the list, sorted by name, with state, memory and the persistent hard_limit.
planner "o :dump" --connect "$LV_URI"
is "$RC" 0 "the planner runs on the connection"
is "$(row pc-small-hardlimit)" "pc-small-hardlimit running 256 MiB 4 MiB" "o: a running domain with its hard_limit"
is "$(row q35-hardlimit)" "q35-hardlimit shut off 4 GiB 6 GiB" "o: a shut-off domain"
is "$(row q35-vfio-viommu)" "q35-vfio-viommu running 16 GiB none" "o: a domain without hard_limit"
like "$OUT" "a guest XML file..." "o: a file is still offered"

# Enter opens q35-vfio-viommu (the fifth row); w shows the change (the
# recommended hard_limit, as none is set), y redefines.
planner "o Down Down Down Down Enter :dump w :dump y :dump o :dump" --connect "$LV_URI"
like "$OUT" "Opened domain q35-vfio-viommu of $LV_URI" "Enter opens the domain"
like "$OUT" "Guest q35-vfio-viommu" "the planner shows the domain"
like "$OUT" "guest domain q35-vfio-viommu" "the title names the domain"
like "$OUT" "Redefine q35-vfio-viommu (virDomainDefineXML)?" "w asks before redefining"
like "$OUT" "+     <hard_limit unit='KiB'>35651584</hard_limit>" "w shows the recommended hard_limit (1 GiB of headroom) that will be added"
like "$OUT" "Redefined q35-vfio-viommu (virDomainDefineXML); libvirt reads back hard_limit 35651584 KiB." \
    "y redefines it and says what libvirt reads back"
is "$(row q35-vfio-viommu)" "q35-vfio-viommu running 16 GiB 34 GiB" \
    "the same connection now lists the new hard_limit"

# A domain given on the command line, its hard_limit changed with H; w shows
# the change and n writes the definition to a file instead.
planner "H
:type 5G
Enter w :dump n Enter :dump" --connect "$LV_URI" q35-hardlimit
like "$OUT" "guest domain q35-hardlimit" "a domain named on the command line"
like "$OUT" "-     <hard_limit unit='KiB'>6291456</hard_limit>" "w: the old hard_limit"
like "$OUT" "+     <hard_limit unit='KiB'>5242880</hard_limit>" "w: the new one"
like "$OUT" "Wrote domain q35-hardlimit's definition, as the screen shows it, to q35-hardlimit.xml." \
    "n writes a file"
virsh -q -c "$LV_URI" dumpxml --inactive q35-hardlimit >"$t/virsh.xml"
is "$(grep hard_limit "$t/q35-hardlimit.xml" | tr -d ' ')" "<hard_limitunit='KiB'>5242880</hard_limit>" \
    "the file has the new hard_limit"
is "$(grep -v hard_limit "$t/q35-hardlimit.xml")" "$(grep -v hard_limit "$t/virsh.xml")" \
    "every other line is libvirt's definition"
# Nothing edited: nothing to redefine.
planner "w :dump" --connect "$LV_URI" q35-hardlimit
like "$OUT" "Domain q35-hardlimit already says this: nothing to redefine." "w with no change"

# Read-only: libvirt refuses, the planner says so and changes nothing.
planner "o Down Down Down Down Enter w y :dump" --readonly --connect "$LV_URI"
like "$OUT" "the connection is read-only (virDomainDefineXML: operation forbidden: read only access prevents virDomainDefineXML)" \
    "a read-only connection: libvirt's refusal on the status line"
is "$(sums)" "$before" "the test driver's files are unchanged"
plan_done

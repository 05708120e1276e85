#!/bin/sh
# w writes the guest as the screen shows it (core/guest_xml_write.c): the
# written file's fields, `calc` on it giving the bytes the screen showed,
# every byte outside the edited elements unchanged, the questions on the way
# (recommended hard_limit, file changed on disk, the diff), W save-as, new
# guests libvirt's schema accepts, and Save / Discard / Cancel on every way
# out of a guest with unsaved changes. Headless (tests/tui/headless_lib.sh).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/headless_lib.sh"
orig="$srcdir/data/guests/pseries-ac922-socket0.xml"
reset_guest() { cp "$orig" "$HL_DIR/g.xml"; }
# What calc prints for the screen's limit: its bytes, or the word for none/unlimited.
calc_of_screen() {
    if last_screen | grep -q 'Limit  unlimited'; then echo unlimited
    elif last_screen | grep -q 'Limit  none set'; then echo 0
    else hl_limit; fi
}
# xml_field XPATH FILE: one value from the written XML, by libxml2's xmllint
# when there, else a sed pattern the caller gives as $3.
field() { sed -n "$2" "$HL_DIR/$1" | head -n 1; }

# 1. Memory 128G, max memory 256G, the recommended hard_limit accepted.
reset_guest
headless 80x24 "m :type 128G
Enter M :type 256G
Enter w :dump y :dump y :dump" --host demo:ac922 g.xml
is "$RC" 0 "the planner exits cleanly"
screen_has "No hard_limit is set. Add the recommended" "w offers the recommended hard_limit"
screen_has "Changes to the file: 2 lines removed, 6 lines added" "w shows the diff first"
screen_has "+   <maxMemory slots='16' unit='KiB'>268435456</maxMemory>" "the diff has the new maxMemory"
screen_has "Write these changes to g.xml? y: write" "and asks"
screen_has "Wrote g.xml: its limit is the" "y writes"
shown=$(hl_limit)
is "$(field g.xml "s/.*<memory unit='KiB'>\([0-9]*\)<.*/\1/p")" 134217728 "written memory: 128 GiB"
is "$(field g.xml "s/.*<currentMemory unit='KiB'>\([0-9]*\)<.*/\1/p")" 134217728 "written currentMemory follows"
is "$(field g.xml "s/.*<maxMemory slots='16' unit='KiB'>\([0-9]*\)<.*/\1/p")" 268435456 "written maxMemory 256 GiB with 16 slots"
hl=$(field g.xml "s/.*<hard_limit unit='KiB'>\([0-9]*\)<.*/\1/p")
[ -n "$hl" ] && ok "a hard_limit is written ($hl KiB)" || fail "a hard_limit is written"
is "$("$MP" calc --host demo:ac922 "$HL_DIR/g.xml" | head -n 1)" "$shown" "calc on the written file gives the screen's bytes ($shown)"
# Every other byte as it was: the diff touches only the memory lines.
want="9,10c9,14
<   <memory unit='GiB'>64</memory>
<   <currentMemory unit='GiB'>64</currentMemory>
---
>   <maxMemory slots='16' unit='KiB'>268435456</maxMemory>
>   <memory unit='KiB'>134217728</memory>
>   <currentMemory unit='KiB'>134217728</currentMemory>
>   <memtune>
>     <hard_limit unit='KiB'>$hl</hard_limit>
>   </memtune>"
is "$(diff "$orig" "$HL_DIR/g.xml")" "$want" "only the memory elements and the new memtune differ"
is "$(head -n 6 "$HL_DIR/g.xml")" "$(head -n 6 "$orig")" "the leading comment is kept byte for byte"
is "$(sed -n '/<devices>/,$p' "$HL_DIR/g.xml")" "$(sed -n '/<devices>/,$p' "$orig")" "the devices are kept byte for byte"
if command -v virt-xml-validate >/dev/null 2>&1; then
    virt-xml-validate "$HL_DIR/g.xml" >/dev/null 2>&1 && ok "libvirt's schema accepts the written guest" \
        || fail "libvirt's schema accepts the written guest"
else
    skip "virt-xml-validate is not installed"
fi

# 2. A hard_limit typed with H is written as typed (not replaced); no offer.
reset_guest
headless 80x24 "H :type 900G
Enter w y :dump" --host demo:ac922 g.xml
screen_lacks "Add the recommended" "a typed hard_limit: no offer"
is "$(field g.xml "s/.*<hard_limit unit='KiB'>\([0-9]*\)<.*/\1/p")" 943718400 "the typed hard_limit (900 GiB) is written"
is "$("$MP" calc --host demo:ac922 "$HL_DIR/g.xml" | head -n 1)" "$(hl_limit)" "calc agrees with the screen"

# 3. Assign and unassign: hostdevs removed and added as host addresses.
reset_guest
headless 120x40 "Tab End Space :dump n w n y :dump" --host demo:ac922 g.xml
screen_has "Also unassign the 7 other assigned devices of IOMMU group 5?" "Space on a guest hostdev offers its group"
screen_has "Wrote g.xml" "after removing a hostdev w writes"
n_before=$(grep -c '<hostdev ' "$orig")
is "$(grep -c '<hostdev ' "$HL_DIR/g.xml")" "$((n_before - 1))" "one hostdev fewer in the file"
grep -q "function='0x2'/></source>" "$HL_DIR/g.xml" && grep -c "slot='0x01' function='0x2'" "$HL_DIR/g.xml" | grep -qx 0 \
    && ok "the last bridge (0006:00:01.2) is the one removed" || fail "the last bridge (0006:00:01.2) is the one removed"
# Space in the host pane on an unassigned NIC adds it: a host address, no guest address.
headless 120x40 "/ :type 0000:01:00.0
Enter Space w n y :dump" --host demo:ac922 g.xml
screen_has "Wrote g.xml" "an assigned device is written"
last=$(awk '/<hostdev /{ b = "" } { b = b $0 } /<\/hostdev>/{ l = b } END { print l }' "$HL_DIR/g.xml" | tr -d ' ')
is "$last" "<hostdevmode='subsystem'type='pci'managed='yes'><source><addressdomain='0x0000'bus='0x01'slot='0x00'function='0x0'/></source></hostdev>" \
    "the new hostdev is last, with the host address and no guest address"
test "$(awk '/<hostdev /{ b = "" } { b = b $0 } /<\/hostdev>/{ l = b } END { print l }' "$HL_DIR/g.xml" | grep -c '<address')" = 1 \
    && ok "the new hostdev has the host address and no guest address" \
    || { fail "the new hostdev has the host address and no guest address"; diag "$(cat "$HL_DIR/g.xml")"; }
is "$("$MP" calc --host demo:ac922 "$HL_DIR/g.xml" | head -n 1)" "$(hl_limit)" "calc agrees with the screen"

# a: an address the host lacks is added, marked, and written.
reset_guest
headless 120x40 "a :type 0099:01:00.0
Enter :dump w n y :dump" --host demo:ac922 g.xml
screen_has "0099:01:00.0 (not on this host)" "a adds an address the host lacks, marked"
grep -q "domain='0x0099' bus='0x01' slot='0x00' function='0x0'" "$HL_DIR/g.xml" \
    && ok "and w writes it" || fail "and w writes it"
headless 80x24 "a :type 12:xyz
Enter :dump" --host demo:ac922 g.xml
screen_has "'12:xyz' is not a PCI address" "a refuses what is not an address"

# 4. n declines the hard_limit: written without one; the limit is libvirt's own.
reset_guest
headless 80x24 "+ w n y :dump" --host demo:ac922 g.xml
screen_has "Wrote g.xml" "written without a hard_limit"
grep -q hard_limit "$HL_DIR/g.xml" && fail "no hard_limit written" || ok "no hard_limit written"
is "$("$MP" calc --host demo:ac922 "$HL_DIR/g.xml" | head -n 1)" "$(hl_limit)" "calc agrees with the screen"

# 5. Esc or n at the diff: nothing written.
reset_guest
headless 80x24 "+ w n Esc :dump" --host demo:ac922 g.xml
screen_has "Nothing written." "Esc at the diff writes nothing"
cmp -s "$orig" "$HL_DIR/g.xml" && ok "the file is untouched" || fail "the file is untouched"

# 6. The file changed on disk since it was opened: asked first; n keeps it.
reset_guest
headless 80x24 "+ :sh touch -d '2001-01-01' g.xml
w n :dump" --host demo:ac922 g.xml
screen_has "g.xml changed on disk since it was opened. Write over it?" "a file changed on disk: asked"
cmp -s "$orig" "$HL_DIR/g.xml" && ok "n leaves the changed file alone" || fail "n leaves the changed file alone"
headless 80x24 "+ :sh echo '<!-- theirs -->' >>g.xml
w n y y :dump" --host demo:ac922 g.xml
screen_has "Wrote g.xml" "y writes over it"
grep -q '<!-- theirs -->' "$HL_DIR/g.xml" && ok "the edit is spliced into the file as it is on disk now" \
    || fail "the edit is spliced into the file as it is on disk now"

# 7. W saves as another file; the original stays; later w goes to the new one.
reset_guest
# (a <locked/> guest is offered a hard_limit too: n declines it)
headless 80x24 "l W Ctrl-U :type copy.xml
Enter n y :dump" --host demo:ac922 g.xml
screen_has "Wrote copy.xml" "W writes the copy"
cmp -s "$orig" "$HL_DIR/g.xml" && ok "W leaves the original alone" || fail "W leaves the original alone"
grep -q '<locked/>' "$HL_DIR/copy.xml" && ok "the copy has <locked/>" || fail "the copy has <locked/>"
screen_has "guest copy.xml" "the title names the new file"

# 8. A new guest from a file that does not exist yet.
rm -f "$HL_DIR/db1.xml"
headless 80x24 ":dump w y :dump" --host demo:ac922 db1.xml
is "$RC" 0 "a non-existent file starts a new guest"
screen_has "Name           db1" "named after the file"
screen_has "Wrote db1.xml" "w writes it"
grep -q "<type arch='ppc64le' machine='pseries'>hvm</type>" "$HL_DIR/db1.xml" \
    && ok "pseries on a POWER host" || fail "pseries on a POWER host"
is "$("$MP" calc --host demo:ac922 "$HL_DIR/db1.xml" | head -n 1)" "$(hl_limit)" "calc agrees with the screen"
if command -v virt-xml-validate >/dev/null 2>&1; then
    virt-xml-validate "$HL_DIR/db1.xml" >/dev/null 2>&1 && ok "libvirt's schema accepts the new guest" \
        || fail "libvirt's schema accepts the new guest"
else
    skip "virt-xml-validate is not installed"
fi

# 9. A new guest from nothing: w asks for a file; the guest takes its name.
rm -f "$HL_DIR/web.xml"
headless 80x24 "w :dump Ctrl-U :type web.xml
Enter y :dump" --host demo:x86-gpu
screen_has "Write the new guest to: new-guest.xml" "w asks where, offering a name"
screen_has "Wrote web.xml" "and writes there"
grep -q "<name>web</name>" "$HL_DIR/web.xml" && ok "the guest is named after its file" \
    || fail "the guest is named after its file"
grep -q "machine='q35'" "$HL_DIR/web.xml" && ok "q35 on an x86 host" || fail "q35 on an x86 host"
grep -q "<domain type='kvm'>" "$HL_DIR/web.xml" && ok "domain type kvm" || fail "domain type kvm"
if command -v virt-xml-validate >/dev/null 2>&1; then
    virt-xml-validate "$HL_DIR/web.xml" >/dev/null 2>&1 && ok "libvirt's schema accepts it" \
        || fail "libvirt's schema accepts it"
else
    skip "virt-xml-validate is not installed"
fi

# 10. Save / Discard / Cancel on q, o, D and T.
for way in q o D T; do
    reset_guest
    headless 80x24 "+ $way :dump c :dump" --host demo:ac922 g.xml
    screen_has "The guest has unsaved changes: s save  d discard  c, Esc cancel" "$way with unsaved changes asks"
    screen_has "Cancelled." "$way: c cancels"
    screen_has "Memory [m]     65 GiB" "$way: the edit is still there after c"
    headless 80x24 "+ $way Esc :dump" --host demo:ac922 g.xml
    screen_has "Cancelled." "$way: Esc cancels"
    headless 80x24 "+ $way d :dump" --host demo:ac922 g.xml
    cmp -s "$orig" "$HL_DIR/g.xml" && ok "$way: d writes nothing" || fail "$way: d writes nothing"
done
headless 80x24 "+ q d" --host demo:ac922 g.xml
is "$RC:$OUT" "0:" "q d quits without a screen left to dump"
headless 80x24 "+ q s n y" --host demo:ac922 g.xml
is "$RC" 0 "q s writes and quits"
is "$(field g.xml "s/.*<memory unit='KiB'>\([0-9]*\)<.*/\1/p")" 68157440 "q s wrote the edit (65 GiB)"
reset_guest
headless 80x24 "+ o d :dump" --host demo:ac922 g.xml
screen_has "Open guest XML: g.xml" "o d goes on to the open prompt"
headless 80x24 "+ D d :dump" --host demo:ac922 g.xml
screen_has "Open a host (Enter opens, Esc cancels)" "D d goes on to the host menu"
screen_has "Memory [m]     64 GiB" "D d: the guest is as the file says again"
headless 80x24 "+ q s Esc :dump" --host demo:ac922 g.xml
screen_has "Nothing written." "q s, then Esc at the diff: nothing written"
screen_has "Memory [m]     65 GiB" "and the planner stays"
# 10b. Answer letters are translated: a catalog where save is "g" (guardar) and
# yes is "s" (sim). LC_ALL must name a real locale for gettext to translate.
if locale -a 2>/dev/null | grep -qi '^pt_BR\.utf-\?8$'; then
    cat >"$TMPDIR_TEST/t.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "s"
msgstr "g"

msgid "y"
msgstr "s"
PO
    mkdir -p "$TMPDIR_TEST/loc/pt_BR/LC_MESSAGES"
    msgfmt -o "$TMPDIR_TEST/loc/pt_BR/LC_MESSAGES/memlock-planner.mo" "$TMPDIR_TEST/t.po"
    reset_guest
    (cd "$HL_DIR" && printf '+ q g s s\n' >tr.keys && MEMLOCK_PLANNER_SCRIPT=tr.keys LINES=24 COLUMNS=80 \
        TERM=xterm-256color LC_ALL=pt_BR.UTF-8 LANGUAGE=pt_BR \
        MEMLOCK_PLANNER_LOCALEDIR="$TMPDIR_TEST/loc" timeout 60 "$HL_MP" tui --host demo:ac922 g.xml \
        >/dev/null 2>&1)
    is "$?" 0 "translated answers: the planner saves and quits"
    grep -q "<hard_limit unit='KiB'>" "$HL_DIR/g.xml" \
        && ok "g saved (translated Save), s said yes to the hard_limit and the diff" \
        || fail "g saved (translated Save), s said yes to the hard_limit and the diff"
else
    skip "no pt_BR.UTF-8 locale"
    skip "no pt_BR.UTF-8 locale"
fi

# 10c. vIOMMU off and locked on, written and read back by calc.
cp "$srcdir/data/guests/x86-q35-viommu.xml" "$HL_DIR/q35.xml"
headless 80x24 "v l w n y :dump" --host demo:x86-gpu q35.xml
screen_has "Wrote q35.xml" "vIOMMU off, locked on: written"
grep -q "<iommu" "$HL_DIR/q35.xml" && fail "the <iommu> is gone" || ok "the <iommu> is gone"
grep -q "<locked/>" "$HL_DIR/q35.xml" && ok "<locked/> is there" || fail "<locked/> is there"
is "$("$MP" calc --host demo:x86-gpu "$HL_DIR/q35.xml" | head -n 1)" "$(calc_of_screen)" "calc agrees with the screen"

# 11. NUMA cells follow memory, split in whole alignment units, or refused with the reason.
cat >"$HL_DIR/numa.xml" <<'XML'
<domain type='kvm'>
  <name>numa</name>
  <memory unit='GiB'>8</memory>
  <vcpu>2</vcpu>
  <cpu>
    <numa>
      <cell id='0' cpus='0' memory='4' unit='GiB'/>
      <cell id='1' cpus='1' memory='4' unit='GiB'/>
    </numa>
  </cpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
</domain>
XML
headless 80x24 "m :type 16G
Enter w y :dump" --host demo:x86-gpu numa.xml
screen_has "Wrote numa.xml" "memory with NUMA cells is written"
is "$(grep -c "memory='8388608' unit='KiB'" "$HL_DIR/numa.xml")" 2 "both cells scaled to 8 GiB"
screen_has "Limit  none set (0)" "no device: libvirt sets no limit"
is "$("$MP" calc --host demo:x86-gpu "$HL_DIR/numa.xml" | head -n 1)" 0 "calc agrees: 0"
headless 80x24 "m :type 1025K
Enter :dump" --host demo:x86-gpu numa.xml
screen_has "does not split into 2 NUMA cells of whole 1 MiB" "a split libvirt would round is refused, with the reason"
plan_done

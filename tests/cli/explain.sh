#!/bin/sh
# memlock-planner explain: each log of tests/data/logs gives its cause, layer and
# limit, and a need equal to `calc` on the equivalent definition, to the byte.
. "$srcdir/tests/lib.sh"
LOGS="$srcdir/tests/data/logs"
CALC="$srcdir/tests/data/calc"
GUESTS="$srcdir/data/guests"

# log | explain options | cause | layer | limit_bytes | equivalent XML | calc options
while IFS='|' read -r log opts cause layer limit xml calcopts; do
    case "$log" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086
    run_mp explain --format json $opts "$LOGS/$log"
    want_rc=0
    [ "$cause" = not_memlock ] && want_rc=3
    is "$RC" "$want_rc" "$log: exit status"
    is "$(printf '%s' "$OUT" | jq -r .cause)" "$cause" "$log: cause"
    is "$(printf '%s' "$OUT" | jq -r .layer)" "$layer" "$log: layer"
    is "$(printf '%s' "$OUT" | jq -r .limit_bytes)" "$limit" "$log: limit the process had"
    if [ -n "$xml" ]; then
        # shellcheck disable=SC2086
        want=$("$MP" calc --format json $calcopts "$xml" | jq -r .limit_bytes)
        is "$(printf '%s' "$OUT" | jq -r .need_bytes)" "$want" "$log: need equals calc on $(basename "$xml")"
    fi
done <<EOT
pseries-nv2-prereg-9.0.log|--host demo:ac922|limit_too_low|spapr_preregistration|null|$GUESTS/pseries-ac922-socket0.xml|--host demo:ac922 --libvirt 9.0
pseries-window-6.0.log||limit_too_low|spapr_window|null|$CALC/worked-pseries-64g-vfio-1phb.xml|--host none --libvirt 6.0
q35-type1-kernel-9.0.log||limit_too_low|vfio_type1|18253611008|$CALC/worked-q35-16g-2vfio-viommu.xml|--host none --libvirt 9.0
x86-oneline-rlimit-5.6.log||limit_too_low|vfio_type1|65536|$CALC/pc-hostdev.xml|--host none --libvirt 5.6
q35-iommufd-9.x.log||limit_too_low|iommufd|null|$CALC/worked-q35-16g-2vfio-no-viommu.xml|--host none --libvirt 11.3
pc-locked-mlock.log||limit_too_low|qemu_mlock|null|$CALC/pc-locked.xml|--host none --libvirt 8.0
virsh-cannot-limit.txt|--xml $CALC/worked-pseries-256m.xml|cannot_set_limit|libvirt_setlimit|14680064|$CALC/worked-pseries-256m.xml|--host none
kubevirt-cannot-limit-old.txt||cannot_set_limit|libvirt_setlimit|14680064||
tcg-missing-disk.log||not_memlock|other|null||
vfio-permission.log||not_memlock|other|null||
group-not-viable.log||not_memlock|other|null||
kubevirt-locked-unlimited.txt||cannot_set_limit|libvirt_setlimit|9007199254740991||
x86-dma-einval.log||not_memlock|other|null||
EOT

# Without host facts the NVLink2 bridges cannot be known: said, not guessed.
run_mp explain --format json "$LOGS/pseries-nv2-prereg-9.0.log"
like "$(printf '%s' "$OUT" | jq -r '.notes[]')" "NVLink2 bridges cannot be told from a command line" "no --host: says NVLink2 is unknown"
is "$(printf '%s' "$OUT" | jq -r .guest.calculation.phbs.count)" 2 "no --host: the PHBs libvirt placed at start (2)"

# What the other failures are.
run_mp explain --format json "$LOGS/vfio-permission.log"
is "$(printf '%s' "$OUT" | jq -r .other)" vfio_permission "vfio-permission.log: says what it is instead"
run_mp explain --format json "$LOGS/group-not-viable.log"
is "$(printf '%s' "$OUT" | jq -r .other)" group_not_viable "group-not-viable.log: says what it is instead"

run_mp explain --format json "$LOGS/x86-dma-einval.log"
is "$(printf '%s' "$OUT" | jq -r .other)" dma_map_refused "x86-dma-einval.log: a refused mapping is no memory failure"
run_mp explain "$LOGS/kubevirt-locked-unlimited.txt"
like "$OUT" "tried to remove the limit" "kubevirt-locked-unlimited.txt: a failed 'unlimited' is said as such"

# Where the limit ran out, and the fix.
run_mp explain --format json "$LOGS/q35-type1-kernel-9.0.log"
is "$(printf '%s' "$OUT" | jq -r .short_bytes)" 17179869184 "q35: short by 16 GiB"
is "$(printf '%s' "$OUT" | jq -r .short_term)" ram "q35: runs out in the guest RAM term"
is "$(printf '%s' "$OUT" | jq -r .fix.hard_limit_kib)" 35651584 "q35: hard_limit to set (KiB; with the default 1 GiB headroom)"
run_mp explain --format json --headroom 0 "$LOGS/q35-type1-kernel-9.0.log"
is "$(printf '%s' "$OUT" | jq -r .fix.hard_limit_kib)" 34603008 "q35: --headroom 0 gives libvirt's figure"
run_mp explain --format json --headroom 2G "$LOGS/q35-type1-kernel-9.0.log"
is "$(printf '%s' "$OUT" | jq -r .fix.hard_limit_kib)" 36700160 "q35: --headroom 2G adds 2 GiB"
run_mp explain --headroom -5% "$LOGS/q35-type1-kernel-9.0.log"
is "$RC" 2 "--headroom -5%: exit 2"
run_mp explain --format json "$LOGS/virsh-cannot-limit.txt"
is "$(printf '%s' "$OUT" | jq -r .fix.capability)" CAP_SYS_RESOURCE "cannot limit: the capability libvirt lacks"
run_mp explain --format json "$LOGS/pseries-window-6.0.log"
is "$(printf '%s' "$OUT" | jq -r '.profile + " " + .profile_source')" "6.0 log" "profile from the log's libvirt version"
run_mp explain --format json --libvirt 9.0 "$LOGS/pseries-window-6.0.log"
is "$(printf '%s' "$OUT" | jq -r '.profile_source')" option "--libvirt overrides the log"

# Text: one screen, the facts in order.
run_mp explain --host demo:ac922 "$LOGS/pseries-nv2-prereg-9.0.log"
is "$RC" 0 "text: exit 0"
like "$OUT" "Memory registering failed: Cannot allocate memory" "text: quotes the failing line"
like "$OUT" "619,037,327,360 bytes" "text: the need in bytes"
like "$OUT" "NVLink2 64-bit DMA windows" "text: the NVLink2 term"
like "$OUT" "--hard-limit 605577216 --config" "text: the virsh line (with the default 1 GiB headroom)"
is "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" "$(printf '%s\n' "$OUT" | head -n 40 | wc -l | tr -d ' ')" "text: fits in 40 lines"

# Standard input: '-' and no argument.
run_mp explain --format json - <"$LOGS/q35-type1-kernel-9.0.log"
is "$(printf '%s' "$OUT" | jq -r .layer)" vfio_type1 "- reads standard input"
run_mp explain --format json <"$LOGS/vfio-permission.log"
is "$RC" 3 "no argument reads standard input"

# A hundred starts: the last memory-locking failure is explained, all are listed.
many="$TMPDIR_TEST/many.log"
i=0
while [ $i -lt 100 ]; do
    if [ $i -eq 60 ]; then cat "$LOGS/q35-type1-kernel-9.0.log"
    elif [ $i -eq 99 ]; then cat "$LOGS/tcg-missing-disk.log"
    else printf '2024-01-01 00:00:%02d.000+0000: starting up libvirt version: 9.0.0, qemu version: 7.2.0, kernel: 6.1.0, hostname: h\n/usr/bin/qemu-system-x86_64 -name guest=g%d -accel kvm -m 1024\n2024-01-01 00:10:00.000+0000: shutting down, reason=shutdown\n' $((i % 60)) $i
    fi
    i=$((i + 1))
done >"$many"
run_mp explain --format json "$many"
is "$RC" 0 "100 starts: a memory-locking failure is found"
is "$(printf '%s' "$OUT" | jq -r '.starts | length')" 100 "100 starts: all listed"
is "$(printf '%s' "$OUT" | jq -r '[.starts[] | select(.cause == "limit_too_low")] | length')" 1 "100 starts: one memory-locking failure"
is "$(printf '%s' "$OUT" | jq -r '.starts[99].cause')" not_memlock "100 starts: the last one failed otherwise"
is "$(printf '%s' "$OUT" | jq -r .need_bytes)" 35433480192 "100 starts: the explained one's need"
run_mp explain "$many"
like "$OUT" "This log holds 100 starts:" "100 starts: text lists them"

# Hostile logs: escape sequences never reach the terminal, junk is no crash.
esc="$TMPDIR_TEST/esc.log"
printf 'qemu-system-x86_64: \033]0;owned\007\033[2J vfio_dma_map(0x1, 0x0, 0x1000, 0x2) = -12 (Cannot allocate memory) failed to setup container for group 1\n' >"$esc"
run_mp explain "$esc"
is "$RC" 0 "escapes: explained"
if printf '%s' "$OUT" | LC_ALL=C grep -q "$(printf '\033')"; then fail "escapes: no ESC byte in the output"; else ok "escapes: no ESC byte in the output"; fi
head -c 300000 /dev/urandom >"$TMPDIR_TEST/junk.log"
run_mp explain "$TMPDIR_TEST/junk.log"
case "$RC" in 0|3) ok "binary junk: exit $RC, no crash" ;; *) fail "binary junk: exit $RC"; diag "$ERR" ;; esac
if printf '%s' "$OUT" | LC_ALL=C grep -q "$(printf '\033')"; then fail "binary junk: no ESC byte in the output"; else ok "binary junk: no ESC byte in the output"; fi

# A command line of a million characters, and a line past the 16 MiB cut.
big="$TMPDIR_TEST/big.log"
{
    printf '2024-01-01 00:00:00.000+0000: starting up libvirt version: 9.0.0, qemu version: 7.2.0, kernel: 6.1.0, hostname: h\n'
    printf '/usr/bin/qemu-system-x86_64 -name guest=big -accel kvm -m size=4194304k'
    i=0
    while [ $i -lt 8000 ]; do
        printf " -device '{\"driver\":\"virtio-serial-pci\",\"id\":\"serial%06d-%s\"}'" $i "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        i=$((i + 1))
    done
    printf " -device vfio-pci,host=0000:01:00.0,id=hostdev0\n"
    printf 'qemu-system-x86_64: vfio_dma_map(0x1, 0x0, 0x1000, 0x2) = -12 (Cannot allocate memory)\n'
} >"$big"
run_mp explain --format json "$big"
is "$RC" 0 "a million-character command line: explained"
is "$(printf '%s' "$OUT" | jq -r .need_bytes)" 5368709120 "a million-character command line: the hostdev at its end counts"
head -c 17000000 /dev/zero | tr '\0' 'a' >"$TMPDIR_TEST/long.log"
printf '\nvfio_pin_pages_remote: RLIMIT_MEMLOCK (65536) exceeded\n' >>"$TMPDIR_TEST/long.log"
run_mp explain --format json "$TMPDIR_TEST/long.log"
is "$(printf '%s' "$OUT" | jq -r .limit_bytes)" 65536 "a 17 MB line is cut, the next line still read"

# --connect URI DOMAIN [LOG]: the definition from libvirt's test driver.
. "$srcdir/tests/libvirt.sh"
if lv_built; then
    run_mp explain --format json --connect "$LV_URI" q35-vfio-viommu "$LOGS/q35-type1-kernel-9.0.log"
    is "$RC" 0 "--connect: explained"
    is "$(printf '%s' "$OUT" | jq -r .guest_source)" definition "--connect: the guest is the domain's definition"
    want=$("$MP" calc --format json --host none --libvirt 9.0 --connect "$LV_URI" q35-vfio-viommu | jq -r .limit_bytes)
    is "$(printf '%s' "$OUT" | jq -r .need_bytes)" "$want" "--connect: the need equals calc --connect on the domain"
    run_mp explain --connect "$LV_URI" q35-vfio-viommu
    expect_one_line "--connect without a log" "/var/log/libvirt/qemu/q35-vfio-viommu.log: cannot open"
    run_mp explain --connect "$LV_URI" nosuch "$LOGS/q35-type1-kernel-9.0.log"
    expect_one_line "--connect, no such domain" "no domain 'nosuch'"
    run_mp explain --connect "$LV_URI"
    expect_one_line "--connect without a domain" "needs the domain's name or UUID"
    run_mp explain --connect "$LV_URI" --xml "$CALC/pc-hostdev.xml" q35-vfio-viommu "$LOGS/q35-type1-kernel-9.0.log"
    expect_one_line "--connect and --xml" "not both"
else
    run_mp explain --connect "$LV_URI" q35-vfio-viommu "$LOGS/q35-type1-kernel-9.0.log"
    expect_one_line "--connect without libvirt" "built without libvirt"
fi

# Bad input: one line, exit 2.
for bad in "$TMPDIR_TEST" "$TMPDIR_TEST/missing.log" /dev/null; do
    run_mp explain "$bad"
    is "$RC" 2 "bad input $(basename "$bad"): exit 2"
    is "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" 1 "bad input $(basename "$bad"): one line"
done
run_mp explain --libvirt abc "$LOGS/pseries-window-6.0.log"
is "$RC" 2 "--libvirt abc: exit 2"
is "$ERR" "memlock-planner: --libvirt abc: not a libvirt release number (X.Y or X.Y.Z)" \
    "--libvirt abc: the same words as every command (profile_choose)"
run_mp explain --libvirt 3.0 "$LOGS/pseries-window-6.0.log"
is "$RC:$ERR" "2:memlock-planner: --libvirt 3.0: older than the oldest profile (libvirt 5.3)" \
    "--libvirt older than every profile: exit 2, one line"
run_mp explain "$LOGS/pseries-window-6.0.log" "$LOGS/vfio-permission.log"
is "$RC" 2 "two logs: exit 2"
run_mp explain --xml "$TMPDIR_TEST/missing.xml" "$LOGS/virsh-cannot-limit.txt"
is "$RC" 2 "--xml missing: exit 2"
mkfifo "$TMPDIR_TEST/fifo"
run_mp explain "$TMPDIR_TEST/fifo"
is "$RC" 2 "a FIFO with no writer: read as empty, exit 2 (no hang)"
plan_done

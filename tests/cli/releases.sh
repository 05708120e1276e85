#!/bin/sh
# calc --libvirt R gives libvirt R's bytes: every case of libvirt's own
# tests/qemumemlocktest.c for each release read (7.0.0, 9.0.0, 11.3.0), and
# each step's boundary (the release before it and its first release); what a
# release cannot parse is refused with its reason; bad release numbers exit 2
# with one line; a release newer than the newest profile gets it, with a warning.
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data"

grep -v '^#' "$data/releases/cases.txt" | while IFS='|' read -r file release want; do
    [ -n "$file" ] || continue
    run_mp calc --host none --libvirt "$release" "$data/$file"
    case "$want" in
    refused:*)
        lines=$(printf '%s\n' "$ERR" | wc -l)
        if [ "$RC" -eq 2 ] && [ -z "$OUT" ] && [ "$lines" -eq 1 ]; then
            like "$ERR" "${want#refused:}" "$file --libvirt $release: refused"
        else
            fail "$file --libvirt $release: refused"
            diag "exit $RC, $lines line(s)" "$OUT" "$ERR"
        fi
        ;;
    *)
        first=$(printf '%s\n' "$OUT" | head -n 1)
        if [ "$RC" -eq 0 ] && [ "$first" = "$want" ]; then
            ok "$file --libvirt $release: $want"
        else
            fail "$file --libvirt $release: $want"
            diag "exit $RC, first line '$first'" "$ERR"
        fi
        ;;
    esac
done > "$TMPDIR_TEST/tap"
cat "$TMPDIR_TEST/tap"
TAP_N=$(grep -c '^\(not \)\?ok ' "$TMPDIR_TEST/tap")
TAP_FAILED=$(grep -c '^not ok ' "$TMPDIR_TEST/tap")

# Bad release numbers: exit 2, one line naming the value, nothing on stdout.
for bad in 4.9 abc 9.999999999999 5.2.0 9. 9.0.0.1 ''; do
    run_mp calc --host none --libvirt "$bad" "$data/calc/pc-hostdev.xml"
    lines=$(printf '%s\n' "$ERR" | wc -l)
    if [ "$RC" -eq 2 ] && [ -z "$OUT" ] && [ "$lines" -eq 1 ]; then
        like "$ERR" "--libvirt $bad:" "--libvirt '$bad': exit 2, one line"
    else
        fail "--libvirt '$bad': exit 2, one line"
        diag "exit $RC, $lines line(s)" "$ERR"
    fi
done

# Newer than the newest profile: the newest, and a warning naming both.
run_mp calc --host none --libvirt 12.2.0 "$data/releases/lv113-pc-hostdev-nvme.xml"
like "$OUT" "libvirt 12.2.0 is newer than the newest profile (11.3," "12.2.0: warning names both"
run_mp calc --host none --libvirt 11.3.0 "$data/releases/lv113-pc-hostdev-nvme.xml"
case "$OUT" in *"is newer than"*) fail "11.3.0: no warning" ;; *) ok "11.3.0: no warning" ;; esac

# JSON carries the profile and the release it stands for.
run_mp calc --host none --format json --libvirt 10.0.0 "$data/releases/q35-2nvme-hostdev.xml"
is "$(printf '%s' "$OUT" | jq -r '.profile')" "9.8" "10.0.0 as JSON: profile 9.8"
is "$(printf '%s' "$OUT" | jq -r '.libvirt_release')" "10.0.0" "10.0.0 as JSON: libvirt_release"
is "$(printf '%s' "$OUT" | jq -r '.limit_bytes')" "13958643712" "10.0.0 as JSON: limit_bytes"
# --host live without --libvirt: the installed libvirt's release decides (a
# daemon's, else the client library's, virsh's: one package), read from the
# LIBVIRT_PRIVATE_ version its ELF file needs of libvirt.so.
if installed=$(virsh --version 2>/dev/null) && [ -n "$installed" ]; then
    run_mp calc --host live --format json "$data/releases/q35-3nvme.xml"
    is "$(printf '%s' "$OUT" | jq -r '.libvirt_release')" "$installed" \
        "live: the release virsh reports ($installed)"
    src=$(printf '%s' "$OUT" | jq -r '.libvirt_release_source')
    case $src in
    virtqemud*|libvirtd*|virsh*) ok "live: says which program was asked ($src)" ;;
    *) fail "live: says which program was asked"; diag "got: $src" ;;
    esac
    # virsh alone on PATH (a link to it): its file's version, the same.
    mkdir -p "$TMPDIR_TEST/virsh-only"
    ln -s "$(command -v virsh)" "$TMPDIR_TEST/virsh-only/virsh"
    OUT=$(PATH="$TMPDIR_TEST/virsh-only" "$MP" calc --host live --format json \
        "$data/releases/q35-3nvme.xml")
    is "$(printf '%s' "$OUT" | jq -r '.libvirt_release + " / " + .libvirt_release_source')" \
        "$installed / virsh's LIBVIRT_PRIVATE_ symbol version: the client library (no daemon found)" \
        "live, only virsh on PATH: its file's LIBVIRT_PRIVATE_ version"
else
    skip "live: virsh is not installed"
    skip "live: virsh is not installed"
    skip "live: virsh is not installed"
fi
# A daemon on PATH comes first: virtqemud answers before virsh.
mkdir -p "$TMPDIR_TEST/bin"
printf '#!/bin/sh\necho "virtqemud (libvirt) 10.0.0"\n' > "$TMPDIR_TEST/bin/virtqemud"
chmod +x "$TMPDIR_TEST/bin/virtqemud"
PATH="$TMPDIR_TEST/bin:$PATH" run_mp calc --host live "$data/releases/q35-3nvme.xml"
is "$(printf '%s\n' "$OUT" | head -n 1)" 13958643712 "live, virtqemud 10.0.0: the 9.8 step's bytes"
like "$OUT" "libvirt release: 10.0.0 (virtqemud --version" "live, virtqemud 10.0.0: said which was used"
# --libvirt wins over the host's.
PATH="$TMPDIR_TEST/bin:$PATH" run_mp calc --host live --libvirt 9.2 "$data/releases/q35-3nvme.xml"
is "$(printf '%s\n' "$OUT" | head -n 1)" 5368709120 "live with --libvirt 9.2: the option decides"

# A host snapshot records the release and carries it to every command.
PATH="$TMPDIR_TEST/bin:$PATH" "$MP" probe --format xml > "$TMPDIR_TEST/snap.xml"
like "$(cat "$TMPDIR_TEST/snap.xml")" "<libvirt>10.0.0</libvirt>" "snapshot: records the host's release"
run_mp calc --host "$TMPDIR_TEST/snap.xml" "$data/releases/q35-3nvme.xml"
is "$(printf '%s\n' "$OUT" | head -n 1)" 13958643712 "snapshot: its release picks the step"
like "$OUT" "10.0.0 (recorded in the host snapshot)" "snapshot: says where the release came from"
sed 's|<libvirt>10.0.0</libvirt>|<libvirt>ten</libvirt>|' "$TMPDIR_TEST/snap.xml" > "$TMPDIR_TEST/bad.xml"
run_mp calc --host "$TMPDIR_TEST/bad.xml" "$data/releases/q35-3nvme.xml"
lines=$(printf '%s\n' "$ERR" | wc -l)
is "$RC:$lines" "2:1" "snapshot: a bad <libvirt> exits 2 with one line"
like "$ERR" "'ten' is not a libvirt release number" "snapshot: names the bad release"

# compare: every step with what it does to this guest.
run_mp compare --host none "$data/releases/q35-vdpa-disk-net-nvme-hostdev-viommu.xml"
like "$OUT" "Refused by 9.3: libvirt before 9.8" "compare: a release that cannot parse the guest says why"
like "$OUT" "9.8   vDPA block disks" "compare: the 9.8 step listed"
like "$OUT" "refused -> 21 GiB" "compare: the 9.8 step's difference for this guest"
run_mp compare --host none --format json "$data/releases/q35-2nvme-hostdev.xml"
is "$(printf '%s' "$OUT" | jq -r '[.steps[] | select(.changes_limit) | .profile] | join(",")')" "6.0,9.3" \
    "compare json: two NVMe disks and a hostdev: 6.0 parses it, 9.3 changes its limit"
is "$(printf '%s' "$OUT" | jq -r '.steps | length')" "$(printf '%s' "$OUT" | jq -r '.profiles | length')" \
    "compare json: a step per profile"
plan_done

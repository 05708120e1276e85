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
plan_done

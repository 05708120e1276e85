#!/bin/sh
# A fleet with a guest that cannot be read: the others are reported in full,
# the broken one is listed with its error, exit 2; JSON has an errors array
# beside guests. A guest of another architecture than the host's is warned
# of and gets no capacity count. The heading, <title> and lang say what the
# report is about and in which language; tidy finds nothing to say.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
calc="$srcdir/tests/data/calc"
export SOURCE_DATE_EPOCH=1800000000
printf '<domain type="kvm"><name>half\n' > "$t/broken.xml"
good1="$calc/pseries-hostdev.xml"
good2="$calc/worked-q35-16g-2vfio-viommu.xml"

# --- HTML: listed in the summary, the others in full, exit 2.
run_mp report --host demo:ac922 --format html -o "$t/f.html" "$good1" "$t/broken.xml" "$good2"
is "$RC" 2 "html: a broken member: exit 2"
is "$(echo "$ERR" | grep -c .)" 1 "html: one line on stderr for it"
like "$ERR" "broken.xml" "html: the line names the file"
xp() { xmllint --xpath "$1" "$t/f.html" 2>/dev/null; }
if xmllint --noout "$t/f.html" 2>/dev/null; then ok "html: written and well-formed"; else
    fail "html: written and well-formed"; fi
is "$(xp 'count(//table[@class="summary"]/tbody/tr[not(@class="total")])')" 3 \
    "html: the summary has a row per input file"
is "$(xp 'string(//table[@class="summary"]/tbody/tr[2]/@class)')" err "html: the broken file's row, in input order"
like "$(xp 'string(//table[@class="summary"]/tbody/tr[2])')" "not well-formed" "html: its error in the row"
is "$(xp 'count(//section[@class="guest"])')" 2 "html: the two readable guests in full"
is "$(xp 'string(//table[@class="summary"]/tbody/tr[3]/th/a/@href)')" "#g2" "html: rows link to sections"
is "$(xp 'string(//section[@id="g2"]/h2)')" "Guest worked-q35-16g-2vfio-viommu" \
    "html: the link's target is that guest"
is "$(xp 'string(//title)')" "3 guests on ac922-demo, 2027-01-15 08:00 UTC — memlock-planner" \
    "html: title names the guests, host and date"
like "$(xp 'string(//p[@class="meta"])')" "2027-01-15 08:00 UTC; memlock-planner " "html: date and version"
like "$(xp 'string(//p[@class="meta"])')" "libvirt profile 11.3" "html: libvirt profile"

# --- The verdict first, with the value to paste (libvirt's figure and the
# headroom: the JSON's hard_limit_kib).
set_kib=$("$MP" report --host demo:ac922 --format json "$good1" | jq -r '.recommendations[0].hard_limit_kib')
like "$(xp 'string(//section[@id="g1"]/*[2])' | sed 's/\xc2\xa0/ /g')" "Set hard_limit to $set_kib KiB" \
    "html: the first thing in a guest's section is its verdict"
is "$(xp 'string(//section[@id="g1"]//pre[contains(@class, "virsh")])')" \
    "virsh memtune 'pseries-hostdev' --hard-limit $set_kib --config" "html: the virsh line in the verdict"

# --- An x86 guest on the ppc64le host: warned, no capacity.
like "$(xp 'string(//section[@id="g2"]//ul[@class="warn"])')" "(x86_64) is not the host's (ppc64le)" \
    "html: an x86 guest on a ppc64le host is warned of"
like "$(xp 'string(//section[@id="g2"])')" "Capacity: not counted" "html: and gets no capacity count"
case "$(xp 'string(//section[@id="g2"])')" in
*"guest(s) of this shape fit"*) fail "html: no '... fit' count for it" ;;
*) ok "html: no '... fit' count for it" ;;
esac

# --- JSON: errors beside guests.
run_mp report --host demo:ac922 --format json "$good1" "$t/broken.xml" "$good2"
is "$RC" 2 "json: exit 2"
is "$(jq -r '.guests | length' "$t/out")" 2 "json: the readable guests"
is "$(jq -r '.errors | length' "$t/out")" 1 "json: one error"
is "$(jq -r '.errors[0].source' "$t/out")" "$t/broken.xml" "json: the error names its file"
like "$(jq -r '.errors[0].error' "$t/out")" "not well-formed" "json: and says why"
is "$(jq -r '.guest_info[1].arch_matches_host' "$t/out")" false "json: the x86 guest is not the host's arch"
is "$(jq -r '.views[1].capacity.fits' "$t/out")" null "json: no capacity for it"
run_mp report --host demo:ac922 --format json "$good1"
is "$(jq -c '.errors' "$t/out")" "[]" "json: an empty errors array when all were read"

# --- Nothing half-written: only broken guests, no report; -o keeps its old content.
echo old > "$t/keep.html"
run_mp report --host demo:ac922 --format html -o "$t/keep.html" "$t/broken.xml"
is "$RC" 2 "only a broken guest: exit 2"
is "$(cat "$t/keep.html")" old "only a broken guest: the old file is untouched"
is "$(ls "$t" | grep -c '^\.keep\|tmp')" 0 "only a broken guest: no temporary file left"

# --- Markdown and text list it too.
run_mp report --host demo:ac922 --format md "$good1" "$t/broken.xml"
is "$RC" 2 "md: exit 2"
like "$OUT" "broken.xml | **could not be read** |" "md: the summary lists it"
like "$OUT" "| [pseries-hostdev](#g1) | set hard\\_limit | 4.02 GiB | $set_kib KiB | 0 |" \
    "md: the summary row of a readable guest"
run_mp report --host demo:ac922 "$good1" "$t/broken.xml"
is "$RC" 2 "text: exit 2"
like "$OUT" "not well-formed" "text: lists it"

# --- lang and title per locale: the language of the catalogue in use.
loc="$t/locale"
for l in de pt_BR; do
    mkdir -p "$loc/$l/LC_MESSAGES"
    msgfmt -o "$loc/$l/LC_MESSAGES/memlock-planner.mo" "$srcdir/po/$l.po" 2>/dev/null
done
has_locale() { locale -a 2>/dev/null | grep -qix "$(echo "$1" | sed 's/UTF-8/utf8/')"; }
lang_of() { xmllint --xpath 'string(/*/@lang)' "$1" 2>/dev/null; }
"$MP" report --host demo:ac922 --format html -o "$t/en.html" "$good1"
is "$(lang_of "$t/en.html")" en "lang: en without a catalogue"
for l in de:de_DE.UTF-8:de pt_BR:pt_BR.UTF-8:pt-BR; do
    lang=${l%%:*} rest=${l#*:}
    locale=${rest%%:*} want=${rest#*:}
    if ! has_locale "$locale"; then skip "lang: $locale is not installed"; continue; fi
    env MEMLOCK_PLANNER_LOCALEDIR="$loc" LC_ALL="$locale" LANGUAGE="$lang" \
        "$MP" report --host demo:ac922 --format html -o "$t/$lang.html" "$good1"
    is "$(lang_of "$t/$lang.html")" "$want" "lang: $want under $locale"
done

# --- tidy: nothing to say about the markup (one guest, a fleet, a hostile name).
if command -v tidy >/dev/null 2>&1; then
    "$MP" report --host demo:ac922 --format html -o "$t/one.html" "$good1" 2>/dev/null
    for f in one.html f.html; do
        is "$(tidy -q -e "$t/$f" 2>&1)" "" "tidy -q -e: $f clean"
    done
    "$MP" report --host none --format html -o "$t/evil.html" "$srcdir/tests/report/data/hostile-name.xml" 2>/dev/null
    is "$(tidy -q -e "$t/evil.html" 2>&1)" "" "tidy -q -e: a hostile name's report clean"
else
    skip "tidy is not installed"
fi
plan_done

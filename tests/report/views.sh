#!/bin/sh
# The views in the report (compare, map, capacity): in JSON equal to what the
# commands say for the same guest, host and profile; in HTML, Markdown and
# text read back against them.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
calc="$srcdir/tests/data/calc"
views="$srcdir/tests/data/views"
huge="$srcdir/tests/report/data/q35-huge-viommu.xml"
guests="$views/ac922-gpu0.xml $views/x86-nvme.xml $calc/pseries-hostdev.xml
 $calc/worked-pseries-64g-nv2-2phb.xml $calc/pc-locked.xml $calc/pseries-hardlimit.xml
 $calc/worked-q35-16g-2vfio-viommu.xml"

# same_json NAME FILE-A FILE-B: equal after sorting keys.
same_json() {
    if [ "$(jq -S . "$2")" = "$(jq -S . "$3")" ]; then ok "$1"; else
        fail "$1"; diff "$2" "$3" | head -10 | sed 's/^/# /'; fi
}

# --- JSON: views[i] holds the compare, map and capacity commands' objects.
for host in demo:ac922 none; do
    for libvirt in 9.0 6.0; do
        "$MP" report --host $host --libvirt $libvirt --format json $guests > "$t/r.json"
        is "$?" 0 "json $host $libvirt: exit 0"
        is "$(jq '.views | length' "$t/r.json")" 7 "json $host $libvirt: one views object per guest"
        i=0
        for g in $guests; do
            b=$(basename "$g")
            is "$(jq -r ".views[$i].source" "$t/r.json")" "$g" "json $host $libvirt: views[$i] is $b"
            "$MP" compare --host $host --libvirt $libvirt --format json "$g" > "$t/cmd.json"
            jq ".views[$i].compare" "$t/r.json" > "$t/rep.json"
            same_json "json $host $libvirt: compare of $b as the compare command" "$t/cmd.json" "$t/rep.json"
            if "$MP" map --host $host --libvirt $libvirt --format json "$g" > "$t/cmd.json" 2>/dev/null; then
                jq ".views[$i].address_map" "$t/r.json" > "$t/rep.json"
                same_json "json $host $libvirt: address_map of $b as the map command" "$t/cmd.json" "$t/rep.json"
            else
                is "$(jq -c ".views[$i] | [.address_map, .address_map_error]" "$t/r.json")" "[null,null]" \
                    "json $host $libvirt: no address_map for $b, as map refuses it"
            fi
            if [ "$(jq -r ".guest_info[$i].arch_matches_host" "$t/r.json")" = false ]; then
                # An x86 guest on the ppc64le host: a warning and no count.
                is "$(jq -c ".views[$i].capacity | [.fits, .limited_by]" "$t/r.json")" "[null,null]" \
                    "json $host $libvirt: no capacity for $b, another architecture"
                like "$(jq -r ".guest_info[$i].warnings[0]" "$t/r.json")" "is not the host's" \
                    "json $host $libvirt: $b warned of the architecture"
            else
                "$MP" capacity --host $host --libvirt $libvirt --format json "$g" > "$t/cmd.json"
                jq ".views[$i].capacity" "$t/r.json" > "$t/rep.json"
                same_json "json $host $libvirt: capacity of $b as the capacity command" "$t/cmd.json" "$t/rep.json"
            fi
            i=$((i + 1))
        done
    done
done
# The calc objects are untouched by the views: key for key as calc.
"$MP" report --host demo:ac922 --format json $guests > "$t/r.json"
"$MP" calc --host demo:ac922 --format json "$views/ac922-gpu0.xml" > "$t/cmd.json"
jq '.guests[0]' "$t/r.json" > "$t/rep.json"
same_json "json: guests[0] still equals calc" "$t/cmd.json" "$t/rep.json"
is "$(jq '.views[0].address_map.dma_windows | map(select(.id == "dma64")) | length' "$t/r.json")" 2 \
    "json: the NVLink2 guest's map has a 64-bit window on each of its two PHBs"
is "$(jq -r '.views[0].capacity.limited_by' "$t/r.json" | cut -c1-7)" "groups:" \
    "json: IOMMU groups run out first for the GPU guest"

# A profile whose calculation overflows: null, with a reason, and the rest stays.
run_mp report --host none --libvirt 5.3 --format json "$huge"
is "$RC" 0 "json: a guest that overflows under another profile is still reported"
is "$(jq -c '.views[0] | [.compare, .compare_error]' "$t/out")" \
    '[null,"the calculation fails under at least one profile"]' "json: compare null with a reason"
is "$(jq -r '.guests[0].limit_kib' "$t/out")" "$(((6 << 50) + 1048576))" \
    "json: its own limit under 5.3 is 6 EiB + 1 GiB"
"$MP" compare --host none "$huge" >/dev/null 2>&1
is "$?" 2 "the compare command refuses the same guest"
run_mp report --host none --libvirt 5.3 "$huge"
like "$OUT" "No comparison: the limit does not fit in 64 bits" "text: says why there is no comparison"

# --- HTML: the map on a log scale, the comparison highlighted, capacity.
"$MP" report --host demo:ac922 --format html -o "$t/r.html" "$views/ac922-gpu0.xml" "$views/x86-nvme.xml"
is "$?" 0 "html: exit 0"
if xmllint --noout "$t/r.html" 2>"$t/x.err"; then ok "html: well-formed"; else
    fail "html: well-formed"; head -5 "$t/x.err" | sed 's/^/# /'; fi
xmllint --html --noout "$t/r.html" 2>"$t/h.err"
is "$(grep 'error' "$t/h.err" | grep -v -E 'Tag (svg|rect|text|line|path|title|header|section) invalid' | head -3)" "" \
    "html: no HTML parser errors besides SVG tags"
xp() { xmllint --xpath "$1" "$t/r.html" 2>/dev/null; }
is "$(xp 'count(//*[local-name()="svg"][@class="map"])')" 1 "html: one map, for the ppc64 guest only"
like "$(xp 'string((//h3[.="Address map"])[2]/following-sibling::p[1])')" "Does not apply" \
    "html: the x86 guest's map does not apply"
# Bars: x from the log scale (1 GiB at x=190, 128 TiB at 190+440).
tick() { xp "string(//*[@class='map']/*[local-name()='line'][following-sibling::*[1]='$1']/@x1)"; }
bar() { xp "string(//*[@class='map']/*[local-name()='rect'][preceding-sibling::*[1]='$1'][$2]/@$3)"; }
is "$(tick '1 GiB')" 190 "html: map scale starts at 1 GiB"
is "$(tick '128 TiB')" 630 "html: map scale ends at 128 TiB"
is "$(( $(bar 'Guest RAM' 1 x) + $(bar 'Guest RAM' 1 width) ))" "$(tick '64 GiB')" \
    "html: the 64 GiB RAM bar ends on the 64G tick"
is "$(bar 'NVLink2 GPU RAM' 1 x)" "$(( $(tick '32 TiB') + ($(tick '128 TiB') - $(tick '32 TiB')) / 2 ))" \
    "html: GPU RAM starts at 64 TiB, half-way from 32 to 128 TiB on the log scale"
is "$(bar '64-bit DMA window' 1 width)" 440 "html: the 64-bit DMA window spans the scale to 128 TiB"
is "$(xp "count(//*[@class='map']/*[local-name()='text'][contains(., 'TCE table 256 GiB')])")" 2 \
    "html: 256 GiB of TCE table per PHB, as map says"
# Comparison: the x86 NVMe guest's 5.3 column differs (refused: two terms and the limit).
is "$(xp 'count((//table[@class="cmp"])[2]//td[contains(@class, "diff")])')" 3 \
    "html: three highlighted cells for the NVMe guest"
is "$(xp 'count((//table[@class="cmp"])[1]//td[contains(@class, "diff")])')" 0 \
    "html: nothing highlighted for a guest every profile agrees on"
is "$(xp 'string((//table[@class="cmp"])[2]//th[contains(@class, "own")])')" 11.3 "html: the report's profile column is marked"
want=$("$MP" compare --host demo:ac922 "$views/x86-nvme.xml" | grep 'Limit' | sed -E 's/^\* *Limit *//; s/ {2,}/,/g')
is "$(xp '(//table[@class="cmp"])[2]/tbody/tr[th="Limit"]/td/text()' | paste -sd, -)" "$want" \
    "html: limit row as the compare command prints it"
is "$(xp 'string((//table[@class="cap"])[1]/tbody/tr[@class="first"]/td[3])')" \
    "$("$MP" capacity --host demo:ac922 --format json "$views/ac922-gpu0.xml" | jq .fits)" \
    "html: the resource that runs out first fits as many as capacity says"
run_mp report --host demo:ac922 --libvirt 5.3 --format html -o "$t/r53.html" "$views/x86-nvme.xml"
is "$RC" 2 "html: libvirt 5.3 cannot parse the NVMe guest: refused"
like "$ERR" "<disk type='nvme'>" "html: 5.3's refusal names the NVMe disk"
"$MP" report --host demo:ac922 --libvirt 6.0 --format html -o "$t/r60.html" "$views/x86-nvme.xml"
is "$(xmllint --xpath 'count(//table[@class="cmp"]//td[contains(@class, "diff")])' "$t/r60.html")" 3 \
    "html: under 6.0 only the 5.3 column differs (it refuses the guest)"

# --- Markdown: tables well formed, values as the commands'.
"$MP" report --host demo:ac922 --format md $guests > "$t/r.md"
is "$?" 0 "md: exit 0"
awk '
/^```/ { code = !code; next }
code { next }
/^\|/ {
    line = $0; gsub(/\\\|/, "", line); n = gsub(/\|/, "|", line)
    if (!intable) { cols = n; intable = 1; row = 0 }
    row++
    if (n != cols) { print "row " NR " has " n - 1 " cells, header " cols - 1; bad = 1 }
    if (row == 2 && $0 !~ /^\|(:?-+:?\|)+$/) { print "bad separator at " NR; bad = 1 }
    next
}
{ intable = 0 }
END { exit bad }' "$t/r.md" > "$t/md.err"
is "$(cat "$t/md.err")" "" "md: every table row has its header's cell count"
is "$(grep -c '^| Term | 5.3 | 6.0 | 6.9 | 7.0 | 7.2 | 8.7 | 9.3 | 9.8 | 11.3 |$' "$t/r.md")" 7 \
    "md: a comparison table per guest"
is "$(grep -c '^| Limit | \*\*refused\*\* | 5 GiB | 5 GiB | 5 GiB | 5 GiB | 5 GiB | 5 GiB | 5 GiB | 5 GiB |$' "$t/r.md")" 1 \
    "md: libvirt 5.3 refuses the NVMe guest, in bold"
is "$(grep -c '^Does not apply' "$t/r.md")" 3 "md: the map does not apply to the three x86 guests"
"$MP" map --host demo:ac922 --format json "$views/ac922-gpu0.xml" > "$t/map.json"
want=$(jq -r '.dma_windows[] | "| \(.phb) | \(.label) | \(.tce_table_bytes / 1048576) MiB |"' "$t/map.json" |
    sed 's/| 262144 MiB |/| 256 GiB |/')
got=$(awk '/^### Address map/ { n++ } n == 1 && /^\| [0-9]+ \|/' "$t/r.md" | awk -F ' \\| ' '{ print $1 " | " $2 " | " $5 " |" }')
is "$got" "$want" "md: DMA windows with their TCE tables as map says"
like "$(cat "$t/r.md")" "| **IOMMU groups like group 5 (1014:04ea x6 + 10de:1db1 x2)** | 2 | 1 | **2** |" \
    "md: capacity row of what runs out first, in bold"

# --- Text: each view as its command prints it, indented.
run_mp report --host demo:ac922 "$views/ac922-gpu0.xml"
is "$RC" 0 "text: exit 0"
for cmd in compare map capacity; do
    case $cmd in capacity) ind="  " ;; *) ind="    " ;; esac
    "$MP" $cmd --host demo:ac922 "$views/ac922-gpu0.xml" | sed "s/^/$ind/" > "$t/want.txt"
    if grep -F -x -f "$t/want.txt" "$t/out" | cmp -s - "$t/want.txt"; then
        ok "text: $cmd's output appears line for line"
    else
        fail "text: $cmd's output appears line for line"
    fi
done
n=$(grep -c '' "$t/want.txt")
is "$(grep -A "$((n - 1))" -F -x "$(head -n 1 "$t/want.txt")" "$t/out")" "$(cat "$t/want.txt")" \
    "text: capacity's lines in one block"
run_mp report --host demo:ac922 "$views/x86-nvme.xml"
like "$OUT" "$(printf '  Address map:\n    Does not apply')" "text: no map for an x86 guest"
plan_done

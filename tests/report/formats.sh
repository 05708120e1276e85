#!/bin/sh
# Every report format read back: JSON with jq, HTML with xmllint (as XML and
# as HTML), Markdown tables checked cell by cell, text by its lines. Values
# must equal what `calc --format json` says for the same guest and host.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
calc="$srcdir/tests/data/calc"
guests="$calc/pseries-hostdev.xml $calc/worked-pseries-64g-nv2-2phb.xml $calc/pc-locked.xml
 $calc/pc-kvm.xml $calc/worked-q35-16g-2vfio-viommu.xml $calc/pseries-hardlimit.xml"
host=demo:ac922

# --- JSON: guests[i] is calc's object, key for key and value for value.
# (dash's echo would turn the JSON's \n escapes into newlines: files only.)
"$MP" report --host $host --format json $guests > "$t/r.json"
is "$?" 0 "json: exit 0"
if jq -e . "$t/r.json" >/dev/null 2>&1; then ok "json: parses"; else fail "json: parses"; fi
i=0
sum=0
for g in $guests; do
    "$MP" calc --host $host --format json "$g" | jq -S . > "$t/calc.json"
    jq -S ".guests[$i]" "$t/r.json" > "$t/rep.json"
    if cmp -s "$t/calc.json" "$t/rep.json"; then
        ok "json: guests[$i] equals calc for $(basename "$g")"
    else
        fail "json: guests[$i] equals calc for $(basename "$g")"
        diff "$t/calc.json" "$t/rep.json" | head -10 | sed 's/^/# /'
    fi
    kind=$(jq -r .kind "$t/calc.json")
    kib=$(jq -r .limit_kib "$t/calc.json")
    [ "$kind" = bytes ] && sum=$((sum + kib))
    rec_kind=$(jq -r ".recommendations[$i].kind" "$t/r.json")
    rule=$(jq -r .rule "$t/calc.json")
    # The recommended hard_limit is calc's limit plus the default 1 GiB of
    # headroom, unless the guest has its own or is <locked/>.
    if [ "$rec_kind" = hard_limit ] && [ "$rule" != hard_limit ] && [ "$rule" != locked ]; then
        is "$(jq -r ".recommendations[$i] | [.libvirt_limit_kib, .headroom_kib, .hard_limit_kib] | join(\" \")" "$t/r.json")" \
            "$kib 1048576 $((kib + 1048576))" \
            "json: recommended hard_limit for $(basename "$g") is calc's limit_kib + 1 GiB"
        is "$(jq -r ".recommendations[$i].systemd" "$t/r.json")" \
            "LimitMEMLOCK=$(jq -r .limit_bytes "$t/calc.json")" "json: LimitMEMLOCK in bytes"
    fi
    i=$((i + 1))
done
is "$(jq -r '.guests | length' "$t/r.json")" 6 "json: one calc object per guest"
is "$(jq -r '.fleet.limit_kib_total' "$t/r.json")" "$sum" "json: fleet total is the sum of calc's limits"
is "$(jq -r '.fleet.unlimited' "$t/r.json")" 1 "json: one unlimited guest counted"
is "$(jq -r '.host.source' "$t/r.json")" "$host" "json: host source"
is "$(jq -r '.host.nvlink2_bridges' "$t/r.json")" 12 "json: AC922 NVLink2 bridges"
is "$(jq -r '.fleet.host_memory_kib' "$t/r.json")" "$(jq -r .host.memory_kib "$t/r.json")" \
    "json: fleet compares with host RAM"
is "$(jq -r '.recommendations[0].virsh' "$t/r.json")" \
    "virsh memtune 'pseries-hostdev' --hard-limit 5267456 --config" "json: virsh command"
is "$(jq -r '.recommendations[3].kind' "$t/r.json")" not_needed "json: pc-kvm needs nothing"
is "$(jq -r '.recommendations[2].limits_conf' "$t/r.json" | head -n 1)" \
    "qemu soft memlock unlimited" "json: limits.conf for a locked guest"

# --- HTML: well-formed XML and HTML, self-contained, values as calc's.
run_mp report --host $host --format html -o "$t/r.html" $guests
is "$RC" 0 "html: exit 0"
if xmllint --noout "$t/r.html" 2>"$t/x.err"; then ok "html: well-formed (xmllint)"; else
    fail "html: well-formed (xmllint)"; head -5 "$t/x.err" | sed 's/^/# /'; fi
xmllint --html --noout "$t/r.html" 2>"$t/h.err"
is "$?" 0 "html: xmllint --html exits 0"
# libxml2's HTML parser knows no SVG; anything else it reports is a defect.
is "$(grep 'error' "$t/h.err" | grep -v -E 'Tag (svg|rect|text|line|path|title|header|section) invalid' | head -3)" "" \
    "html: no HTML parser errors besides SVG tags"
is "$(grep -c -i '<script' "$t/r.html")" 0 "html: no script element"
is "$(grep -c -i -E 'https?:' "$t/r.html")" 0 "html: no http(s) URL"
is "$(grep -c -i -E ' src=|href="[^#]|@import|url\(' "$t/r.html")" 0 "html: no external resource (links only to its own sections)"
is "$(grep '<svg ' "$t/r.html" | grep -c -v 'class="map"')" 5 "html: an SVG chart per guest with terms and the fleet"
is "$(grep -c '<svg class="map"' "$t/r.html")" 3 "html: an address map per ppc64 guest"
xp() { xmllint --xpath "$1" "$t/r.html" 2>/dev/null; }
i=0
for g in $guests; do
    n=$((i + 1))
    "$MP" calc --host $host --format json "$g" > "$t/calc.json"
    limit=$(xp "string((//p[@class='limit'])[$n])" | sed 's/\xc2\xa0/ /g')
    case $(jq -r .kind "$t/calc.json") in
    bytes) like "$limit" "$(jq -r .limit_kib "$t/calc.json") KiB)" "html: limit KiB of $(basename "$g")" ;;
    unlimited) like "$limit" "unlimited" "html: $(basename "$g") unlimited" ;;
    none) like "$limit" "none" "html: $(basename "$g") none" ;;
    esac
    i=$n
done
# The terms table of the first guest: KiB column as calc's terms.
want=$("$MP" calc --host $host --format json "$calc/pseries-hostdev.xml" | jq -r '[.terms[].kib] | join(",")')
got=$(xmllint --xpath "(//table[thead/tr/th='KiB'])[1]/tbody/tr[not(@class='total')]/td[2]/text()" "$t/r.html" 2>/dev/null | paste -sd, -)
is "$got" "$want" "html: term KiB column equals calc"

# --- Markdown: every table row has the header's cell count; values as calc's.
run_mp report --host $host --format md $guests
is "$RC" 0 "md: exit 0"
cp "$t/out" "$t/r.md"
# Cells: split on | not preceded by a backslash; outside code fences.
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
is "$?" 0 "md: tables well formed"
is "$(cat "$t/md.err")" "" "md: no malformed rows"
# Four guests have terms; the hard_limit guest adds the computed terms' table.
is "$(grep -c '^| Term | Size | KiB | Why |$' "$t/r.md")" 5 "md: a terms table per guest with terms, and the hard_limit guest's computed terms"
got=$(awk '/^\| Term \| Size \| KiB/ { n++; next } n == 1 && /^\|[^-]/ && !/Total/ { split($0, c, " \\| "); print c[3] } n == 1 && !/^\|/ { n++ }' "$t/r.md" | paste -sd, -)
is "$got" "$want" "md: term KiB column equals calc"
like "$OUT" "**Limit:** 4.02 GiB (4,320,133,120 bytes, 4218880 KiB)" "md: limit line"
like "$OUT" "## Fleet" "md: fleet section for several guests"

# --- Text.
run_mp report --host $host "$calc/pseries-hostdev.xml"
is "$RC" 0 "text: exit 0"
like "$OUT" "Limit: 4.02 GiB (4,320,133,120 bytes)" "text: limit as calc prints it"
like "$OUT" "<memtune><hard_limit unit='KiB'>5267456</hard_limit></memtune>" "text: hard_limit (+ 1 GiB headroom)"
like "$OUT" "LimitMEMLOCK=4320133120" "text: LimitMEMLOCK"
like "$OUT" "qemu hard memlock 4218880" "text: limits.conf"
case "$OUT" in *"Fleet"*) fail "text: no fleet view for one guest" ;; *) ok "text: no fleet view for one guest" ;; esac

# Options.
run_mp report --host $host --format pdf "$calc/pc-kvm.xml"
is "$RC" 2 "bad format: exit 2"
is "$(echo "$ERR" | grep -c .)" 1 "bad format: one message"
run_mp report --host $host
is "$RC" 2 "no guest: exit 2"
run_mp report --host none --format json - < "$calc/pseries-kvm.xml"
is "$(jq -r '.guests[0].limit_bytes' "$t/out")" 20971520 "stdin guest"
is "$(jq -r '[.host.source, .host.memory_kib, .fleet.percent_of_host_ram] | join(",")' "$t/out")" \
    "none,," "json: --host none: no RAM, no share of it"
plan_done

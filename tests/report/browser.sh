#!/bin/sh
# The HTML report in a real browser (Debian's chromium, headless), as an
# operator and a trainer use it. A small script is added to a COPY of the
# report (the report itself has none); it measures the laid-out page and
# writes the figures into the DOM, which --dump-dom reads back:
# - at 1280x800 the value to paste (the virsh line) is on the first screen,
#   for one guest and in a fleet's summary;
# - no numeric cell is on two lines;
# - at 390x844 (a phone) the page does not scroll sideways;
# - no chart label lies over another or runs into a bar, with 60-character
#   guest names;
# and a 10-guest fleet printed to PDF has no page that ends with a table's
# head or caption (pdftotext page by page); its page count goes to the log.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
calc="$srcdir/tests/data/calc"
export SOURCE_DATE_EPOCH=1800000000

browser=
for b in chromium chromium-browser; do
    command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
    skip "chromium is not installed"
    plan_done
    exit 0
fi

# chromium --headless with nothing from the network and a profile of its own.
chrome() {
    prof=$(mktemp -d "$t/prof.XXXXXX")
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$prof" "$@" 2>>"$t/chrome.err"
}

# The measuring script: one "key value" line per figure in <pre id="measure">.
cat > "$t/measure.js" <<'EOF'
(function () {
    var out = [];
    function box(e) { return e.getBoundingClientRect(); }
    function bottom(sel) {
        var e = document.querySelector(sel);
        return e ? Math.ceil(box(e).bottom + window.scrollY) : -1;
    }
    out.push('viewport ' + window.innerWidth + 'x' + window.innerHeight);
    out.push('virsh_bottom ' + bottom('section.guest pre.virsh'));
    out.push('answer_bottom ' + bottom('section.guest p.answer'));
    out.push('summary_first_value_bottom ' +
             bottom('table.summary tbody tr:not(.err) td:nth-child(4)'));
    var v = document.querySelector('table.summary tbody tr:not(.err) td:nth-child(4)');
    out.push('summary_value_visible ' + (v && box(v).right <= window.innerWidth &&
                                         box(v).left >= 0 ? 1 : 0));
    out.push('page_width ' + document.documentElement.scrollWidth);
    /* What sticks out of a narrow window, outside the boxes that scroll. */
    var all = document.body.querySelectorAll('*');
    for (var i = 0, n = 0; i < all.length && n < 5; i++)
        if (box(all[i]).right > window.innerWidth + 0.5 && !all[i].closest('.scroll, svg')) {
            out.push('wide ' + all[i].tagName + '.' + all[i].className + ' ' +
                     Math.round(box(all[i]).right));
            n++;
        }
    var cells = document.querySelectorAll('td.n, th.n'), wrapped = 0;
    for (var i = 0; i < cells.length; i++) {
        var c = cells[i];
        if (!c.textContent.trim())
            continue;
        var r = document.createRange();
        r.selectNodeContents(c);
        var tops = {}, rects = r.getClientRects();
        for (var k = 0; k < rects.length; k++)
            if (rects[k].width > 0)
                tops[Math.round(rects[k].top)] = 1;
        if (Object.keys(tops).length > 1) {
            wrapped++;
            out.push('wrapped_cell ' + c.textContent);
        }
    }
    out.push('numeric_cells ' + cells.length);
    out.push('wrapped ' + wrapped);
    function hit(p, q) {
        return p.left < q.right - 0.5 && q.left < p.right - 0.5 &&
               p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5;
    }
    var svgs = document.querySelectorAll('svg'), overlaps = 0, ntexts = 0;
    for (var s = 0; s < svgs.length; s++) {
        var texts = [], bars = [];
        var ts = svgs[s].querySelectorAll('text');
        for (var i = 0; i < ts.length; i++) {
            var b = box(ts[i]);
            if (b.width > 0)
                texts.push([ts[i], b]);
        }
        var rs = svgs[s].querySelectorAll('rect');
        for (var i = 0; i < rs.length; i++)
            if (rs[i].getAttribute('class') !== 'bg')
                bars.push([rs[i], box(rs[i])]);
        ntexts += texts.length;
        var sb = box(svgs[s]);
        for (var i = 0; i < texts.length; i++) {
            var tb = texts[i][1];
            if (tb.left < sb.left - 0.5 || tb.right > sb.right + 0.5) {
                overlaps++;
                out.push('outside ' + texts[i][0].textContent);
            }
            for (var j = i + 1; j < texts.length; j++)
                if (hit(tb, texts[j][1])) {
                    overlaps++;
                    out.push('text_over_text ' + texts[i][0].textContent + ' | ' +
                             texts[j][0].textContent);
                }
            for (var j = 0; j < bars.length; j++)
                if (hit(tb, bars[j][1])) {
                    overlaps++;
                    out.push('text_over_bar ' + texts[i][0].textContent);
                }
        }
    }
    out.push('svg_texts ' + ntexts);
    out.push('overlaps ' + overlaps);
    var pre = document.createElement('pre');
    pre.id = 'measure';
    pre.textContent = out.join('\n');
    /* In the measuring frame: the page that --dump-dom prints is its parent. */
    (window.parent !== window ? window.parent.document : document).body.appendChild(pre);
})();
EOF

# measure REPORT WIDTH HEIGHT OUT: the figures of REPORT laid out in a
# viewport of that size. Headless chromium keeps its window at least 500 px
# wide and takes its own bars off the height, so the copy is laid out in an
# iframe of exactly that size (srcdoc: same origin as the page around it).
measure() {
    { sed '/^<\/body>$/,$d' "$1"; echo '<script>'; cat "$t/measure.js"
      echo '</script></body></html>'; } > "$t/copy.html"
    { printf '<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0" width="%s" height="%s" srcdoc="' "$2" "$3"
      sed 's/&/\&amp;/g; s/"/\&quot;/g' "$t/copy.html"
      echo '"></iframe></body></html>'; } > "$t/frame.html"
    chrome --window-size="$(($2 + 200)),$(($3 + 300))" --dump-dom "file://$t/frame.html" > "$t/dom.html"
    sed -n '/<pre id="measure">/,/<\/pre>/p' "$t/dom.html" |
        sed 's/<pre id="measure">//; s|</pre>.*||; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g' > "$4"
}
fig() { sed -n "s/^$1 //p" "$2" | head -n 1; }
le() { # le A B NAME: A <= B, both integers
    if [ -n "$1" ] && [ "$1" -ge 0 ] 2>/dev/null && [ "$1" -le "$2" ]; then ok "$3 ($1 <= $2)"; else
        fail "$3"; diag "got: '$1', want at most $2"; fi
}

# --- One guest, the AC922 NVLink2 one: the answer on the first screen.
ac922="$calc/worked-pseries-64g-nv2-2phb.xml"
"$MP" report --host demo:ac922 --format html -o "$t/one.html" "$ac922"
is "$?" 0 "one guest: report written"
measure "$t/one.html" 1280 800 "$t/one-1280"
if [ ! -s "$t/one-1280" ]; then
    fail "chromium measured the page"; sed 's/^/# /' "$t/chrome.err" | tail -5
    plan_done
    exit 1
fi
is "$(fig viewport "$t/one-1280")" 1280x800 "one guest: a 1280x800 window"
le "$(fig answer_bottom "$t/one-1280")" 800 "one guest, 1280x800: the verdict on the first screen"
le "$(fig virsh_bottom "$t/one-1280")" 800 "one guest, 1280x800: the virsh line to paste on the first screen"
is "$(fig wrapped "$t/one-1280")" 0 "one guest, 1280x800: no numeric cell on two lines"
is "$(fig overlaps "$t/one-1280")" 0 "one guest, 1280x800: no chart label over another or a bar"
grep -E '^(wrapped_cell|text_over|outside|wide)' "$t/one-1280" | head -5 | sed 's/^/# /'

measure "$t/one.html" 390 844 "$t/one-390"
is "$(fig viewport "$t/one-390")" 390x844 "one guest: a 390x844 window"
le "$(fig page_width "$t/one-390")" 390 "one guest, 390 px: no sideways scroll of the page"
is "$(fig wrapped "$t/one-390")" 0 "one guest, 390 px: no numeric cell on two lines"
le "$(fig virsh_bottom "$t/one-390")" 844 "one guest, 390 px: the virsh line on the first screen"

# --- Ten guests with 60-character names, one of them unlimited, one x86.
n=0
for g in pseries-hostdev worked-pseries-64g-nv2-2phb pc-locked pc-kvm worked-q35-16g-2vfio-viommu \
         pseries-hardlimit worked-pseries-64g-vfio-1phb pc-hostdev pseries-kvm worked-pseries-256m; do
    n=$((n + 1))
    name=$(printf 'Production-GPU-training-node-%02d-with-a-descriptive-long-name' "$n" | cut -c1-60)
    sed "s|<name>[^<]*</name>|<name>$name</name>|" "$calc/$g.xml" > "$t/fleet-$n.xml"
    grep -q "<name>$name</name>" "$t/fleet-$n.xml" ||
        sed -i "s|<domain\([^>]*\)>|<domain\1><name>$name</name>|" "$t/fleet-$n.xml"
done
is "$(printf 'Production-GPU-training-node-01-with-a-descriptive-long-name' | cut -c1-60 | wc -c)" 61 \
    "fleet: the names are 60 characters"
"$MP" report --host demo:ac922 --format html -o "$t/fleet.html" "$t"/fleet-[0-9].xml "$t/fleet-10.xml"
is "$?" 0 "fleet: report written"
measure "$t/fleet.html" 1280 800 "$t/fleet-1280"
le "$(fig summary_first_value_bottom "$t/fleet-1280")" 800 \
    "fleet, 1280x800: the summary's first hard_limit to set on the first screen"
is "$(fig wrapped "$t/fleet-1280")" 0 "fleet, 1280x800: no numeric cell on two lines"
is "$(fig overlaps "$t/fleet-1280")" 0 "fleet, 1280x800: no chart label over another or a bar (60-char names)"
grep -E '^(wrapped_cell|text_over|outside|wide)' "$t/fleet-1280" | head -5 | sed 's/^/# /'
measure "$t/fleet.html" 390 844 "$t/fleet-390"
le "$(fig page_width "$t/fleet-390")" 390 "fleet, 390 px: no sideways scroll of the page"
le "$(fig summary_first_value_bottom "$t/fleet-390")" 844 \
    "fleet, 390 px: the summary's first hard_limit to set on the first screen"
is "$(fig summary_value_visible "$t/fleet-390")" 1 "fleet, 390 px: and inside the window, not scrolled out of it"
is "$(fig wrapped "$t/fleet-390")" 0 "fleet, 390 px: no numeric cell on two lines"
is "$(fig overlaps "$t/fleet-390")" 0 "fleet, 390 px: no chart label over another or a bar"
grep -E '^(wrapped_cell|text_over|outside|wide)' "$t/fleet-390" | head -5 | sed 's/^/# /'

# --- Paper: the 10-guest fleet printed.
chrome --no-pdf-header-footer --print-to-pdf="$t/fleet.pdf" "file://$t/fleet.html" >/dev/null
if command -v pdfinfo >/dev/null 2>&1 && [ -s "$t/fleet.pdf" ]; then
    pages=$(pdfinfo "$t/fleet.pdf" | sed -n 's/^Pages: *//p')
    diag "10-guest fleet printed: $pages pages (A4/Letter as chromium's default)"
    # Every table's head row and caption as pdftotext writes them, one space apart.
    xmllint --xpath '//thead/tr' "$t/fleet.html" 2>/dev/null |
        sed 's|</th>| |g; s|<[^>]*>||g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g' |
        tr -s ' ' | sed 's/^ //; s/ $//' | grep . | sort -u > "$t/heads"
    xmllint --xpath '//caption/text()' "$t/fleet.html" 2>/dev/null | sort -u >> "$t/heads"
    orphans=0 headonly=0
    p=1
    while [ "$p" -le "$pages" ]; do
        pdftotext -layout -f "$p" -l "$p" "$t/fleet.pdf" - 2>/dev/null | tr -s ' \t' '  ' |
            sed 's/^ //; s/ $//' | grep -v '^\s*$' | grep -v '^\f' > "$t/page"
        last=$(tail -n 1 "$t/page")
        if grep -qxF -- "$last" "$t/heads"; then
            orphans=$((orphans + 1)); diag "page $p ends with a table head: $last"
        fi
        if [ -s "$t/page" ] && ! grep -vxF -f "$t/heads" "$t/page" >/dev/null; then
            headonly=$((headonly + 1)); diag "page $p holds only table heads"
        fi
        p=$((p + 1))
    done
    is "$headonly" 0 "print: no page holds only a table head"
    is "$orphans" 0 "print: no page ends with a table head or caption"
    if [ "$pages" -ge 10 ]; then ok "print: each of the 10 guests starts a page ($pages pages)"; else
        fail "print: each of the 10 guests starts a page"; diag "$pages pages"; fi
else
    skip "print: no PDF or no pdfinfo"
fi
plan_done

#!/bin/sh
# Hostile guest names and file names: escaped in HTML and Markdown, made
# harmless in text, exact in JSON.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
src="$srcdir/tests/report/data/hostile-name.xml"
# A file name as hostile as the guest name.
evil="$t/<img src=x>&amp;|q'.xml"
cp "$src" "$evil"
cp "$srcdir/tests/data/calc/pc-hostdev.xml" "$t/plain.xml"
name='<script>alert("x")</script> & '"'q' | pipe |"
csi=$(printf '\302\233')

"$MP" report --host none --format json -o "$t/r.json" "$evil" "$t/plain.xml"
is "$?" 0 "json: exit 0"
like "$(jq -r '.guest_info[0].name' "$t/r.json")" "$name" "json: name kept exactly"
is "$(jq -r '.guest_info[0].source' "$t/r.json")" "$evil" "json: file name kept exactly"
like "$(jq -r '.recommendations[0].virsh' "$t/r.json")" \
    "virsh memtune '<script>alert(\"x\")</script> & '\\''q'\\'' | pipe |" \
    "json: virsh command quotes the name for the shell"

"$MP" report --host none --format html -o "$t/r.html" "$evil" "$t/plain.xml"
is "$?" 0 "html: exit 0"
if xmllint --noout "$t/r.html" 2>/dev/null; then ok "html: still well-formed"; else fail "html: still well-formed"; fi
is "$(grep -c -i -E '<script|<img' "$t/r.html")" 0 "html: no markup from the name or the file name"
like "$(cat "$t/r.html")" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; | pipe |??31m" \
    "html: name escaped, C1 control replaced"
like "$(cat "$t/r.html")" "&lt;img src=x&gt;&amp;amp;|q&#39;.xml" "html: file name escaped"
is "$(grep -c "$csi" "$t/r.html")" 0 "html: no raw CSI"
like "$(cat "$t/r.html")" "$(printf '<pre class="">qemu soft memlock 5242880\nqemu hard memlock 5242880</pre>')" \
    "html: limits.conf lines stay two lines"
# What the HTML shows, parsed: the heading reads as the name.
like "$(xmllint --xpath 'string((//h2)[2])' "$t/r.html")" "Guest <script>alert(\"x\")</script>" \
    "html: parsed heading shows the name as text"

"$MP" report --host none --format md -o "$t/r.md" "$evil" "$t/plain.xml"
is "$?" 0 "md: exit 0"
prose=$(awk '/^```/ { code = !code; next } !code' "$t/r.md")
case "$prose" in *"<script"*|*"<img"*) fail "md: no raw markup outside code blocks" ;;
*) ok "md: no raw markup outside code blocks" ;; esac
like "$prose" '&lt;script&gt;alert("x")&lt;/script&gt; &amp; '"'q' \\| pipe \\|??31m \\\`tick\\\` \\[a\\](javascript:x) \\*b\\* \\_u\\_" \
    "md: name escaped for Markdown"
like "$prose" '/&lt;img src=x&gt;&amp;amp;\|q' "md: file name escaped in the fleet table"
is "$(grep -c "$csi" "$t/r.md")" 0 "md: no raw CSI"
like "$(cat "$t/r.md")" "$(printf 'qemu soft memlock 5242880\nqemu hard memlock 5242880')" \
    "md: limits.conf lines stay two lines"
# The fleet table keeps its column count despite the pipes in the name.
row=$(grep -F '| &lt;script' "$t/r.md" | head -n 1 | sed 's/\\|//g' | tr -cd '|' | wc -c)
head=$(grep -F '| Guest | File |' "$t/r.md" | tr -cd '|' | wc -c)
is "$row" "$head" "md: fleet row has the header's cell count"
row=$(grep -F '| [&lt;script' "$t/r.md" | head -n 1 | sed 's/\\|//g' | tr -cd '|' | wc -c)
head=$(grep -F '| Guest | Verdict |' "$t/r.md" | tr -cd '|' | wc -c)
is "$row" "$head" "md: summary row has the header's cell count"

# Names longer than the JSON writer's 8 KiB block, escapes across its edges.
awk 'BEGIN { printf "<domain type=\"kvm\"><name>"; for (i = 0; i < 5000; i++) printf "a\"\\\303\251&lt;"
    printf "</name><memory unit=\"GiB\">4</memory><os><type>hvm</type></os></domain>\n" }' > "$t/long.xml"
awk 'BEGIN { for (i = 0; i < 12000; i++) printf "b" }' > "$t/plain-name"
sed "s/<name>.*<\/name>/<name>$(cat "$t/plain-name")<\/name>/" "$t/long.xml" > "$t/long-plain.xml"
"$MP" report --host none --format json -o "$t/long.json" "$t/long.xml" "$t/long-plain.xml"
is "$?" 0 "json: long names: exit 0"
is "$(jq -r '.guest_info[0].name' "$t/long.json" | cksum)" \
    "$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a\"\\\303\251<"; print "" }' | cksum)" \
    "json: a 25,000-character name with quotes, backslashes and UTF-8 comes back exactly"
is "$(jq -r '.guest_info[1].name' "$t/long.json")" "$(cat "$t/plain-name")" \
    "json: a 12,000-character plain name comes back exactly"

run_mp report --host none "$evil"
is "$RC" 0 "text: exit 0"
is "$(grep -c "$csi" "$t/out")" 0 "text: no raw CSI"
like "$OUT" "Guest <script>alert(\"x\")</script> & 'q' | pipe |??31m" "text: name shown, control replaced"
plan_done

#!/bin/sh
# Hostile host snapshots: odd encodings (UTF-32-like bytes, a stray BOM), a
# DOCTYPE, binary data. Each gives exit 2 and exactly one line on stderr:
# libxml2 never speaks on its own.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
printf '<\0\0\0\n' >"$t/utf32-like.xml"
printf '<\0\0\0' >"$t/utf32-short.xml"
printf '\0\0\0<' >"$t/utf32be-like.xml"
printf '\377\376\0\0<\0\0\0' >"$t/utf32le-bom.xml"
printf '<?xml version="1.0" encoding="UTF-32"?>\n<memlock-planner-host version="1"/>\n' >"$t/declared-utf32.xml"
printf '<!DOCTYPE x [<!ENTITY a "b">]>\n<memlock-planner-host version="1"/>\n' >"$t/doctype.xml"
head -c 512 /dev/urandom >"$t/random.bin" 2>/dev/null || printf '\001\002\003' >"$t/random.bin"
for f in utf32-like.xml utf32-short.xml utf32be-like.xml utf32le-bom.xml declared-utf32.xml doctype.xml random.bin; do
    run_mp probe --host "$t/$f" --format json
    is "$RC" 2 "$f: exit 2"
    is "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" 1 "$f: one line on stderr"
    like "$ERR" "memlock-planner: " "$f: the line is ours"
    is "$OUT" "" "$f: nothing on stdout"
done
plan_done

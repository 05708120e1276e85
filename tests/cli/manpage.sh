#!/bin/sh
# The man page covers every subcommand, every long option of every
# subcommand's --help, every key of the planner's help, and renders cleanly.
. "$srcdir/tests/lib.sh"
# configure writes it from doc/memlock-planner.1.in, with the version.
man1="$top_builddir/doc/memlock-planner.1"
is "$(sed -n '1s/^\.TH [^"]*"[^"]*" "\([^"]*\)".*/\1/p' "$man1")" "$("$MP" --version)" \
    "the man page's version is the program's"
# Commands: the lines under "Commands:" in --help.
cmds=$("$MP" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }')
[ -n "$cmds" ] && ok "--help lists commands" || fail "--help lists commands"
for c in $cmds; do
    grep -q "^\.B $c\$" "$man1" && ok "man page has a section for $c" || fail "man page has a section for $c"
    for opt in $("$MP" "$c" --help 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
        grep -q -- "$esc" "$man1" && ok "man page: $c $opt" || fail "man page: $c $opt"
    done
done
# Keys: every key of every mode, from the planner's key registry
# (memlock-planner --list-keys prints mode, keys and help per line).
list=$("$MP" --list-keys)
[ "$(printf '%s\n' "$list" | grep -c '^normal	')" -gt 20 ] && ok "--list-keys lists the planner's keys" \
    || fail "--list-keys lists the planner's keys"
is "$(printf '%s\n' "$list" | awk -F '\t' 'NF != 3' | head -n 1)" "" "--list-keys: three fields a line"
# The key words in the man page's .B/.BR lines of its KEYS section.
man_keys=$(sed -n '/^\.SH KEYS/,/^\.SH /p' "$man1" | grep -E '^\.BR? ' | sed 's/^\.BR\{0,1\} //' \
    | tr '"' ' ' | sed 's/\\-/-/g; s/\\e/\\/g; s/ , / /g')
while IFS='	' read -r mode ks help; do
    for k in $ks; do
        printf '%s\n' "$man_keys" | tr ' ' '\n' | grep -qxF -- "$k" \
            && ok "man page: key $k ($mode)" || fail "man page: key $k ($mode): $help"
    done
done <<EOF
$list
EOF
for v in NO_COLOR LANGUAGE TERM MEMLOCK_PLANNER_LOCALEDIR; do
    grep -q "$v" "$man1" && ok "man page: environment $v" || fail "man page: environment $v"
done
if command -v groff >/dev/null 2>&1; then
    w=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$man1" 2>&1)
    is "$w" "" "groff renders the man page without warnings"
else
    skip "groff is not installed"
fi
plan_done

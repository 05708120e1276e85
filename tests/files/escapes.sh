#!/bin/sh
# An escape sequence in any argument never reaches the terminal: file names
# (inputs, -o, --host FILE), --libvirt, --format and --host values, commands
# and options. Each message is checked for ESC, BEL and CSI bytes.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
odd="$srcdir/tests/report/data/odd.xml"
# ESC ] 0 ; ... BEL retitles a terminal; ESC [ 2 J clears it; C2 9B is CSI.
E=$(printf 'x\033]0;pwned\007\033[2J\302\233y')
raw() { # NAME: stdout and stderr of the last run_mp carry no control byte
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$t/err" "$t/out" ||
       LC_ALL=C grep -q "$(printf '\302\233')" "$t/err" "$t/out"; then
        fail "$1: no control character reaches the terminal"
        diag "$(cat -v "$t/err")"
    else
        ok "$1: no control character reaches the terminal"
    fi
}
echoed() { # NAME: the argument is still named (made safe, not dropped)
    like "$ERR" "x?]0;pwned??[2J??y" "$1: the argument is named, made safe"
}
try() { # NAME ARGS...
    name=$1
    shift
    "$MP" "$@" > "$t/out" 2> "$t/err" < /dev/null
    RC=$?
    ERR=$(cat "$t/err")
    is "$RC" 2 "$name: exit 2"
    raw "$name"
}
try "guest file name" calc --host none "$t/$E.xml"; echoed "guest file name"
try "report input name" report --host none "$t/$E.xml"
try "apply input name" apply --host none -o "$t/o.xml" "$t/$E.xml"
if "$MP" explain --help > /dev/null 2>&1; then
    try "explain log name" explain "$t/$E.log"; echoed "explain log name"
fi
try "--host FILE name" probe --host "$t/$E"; echoed "--host FILE name"
try "--host value" calc --host "$E" "$g"
try "--libvirt value" calc --host none --libvirt "$E" "$g"; echoed "--libvirt value"
try "--libvirt value (map)" map --host demo:ac922 --libvirt "$E" "$g"
try "--format value" report --host none --format "$E" "$g"; echoed "--format value"
try "command" "$E"; echoed "command"
commands=$("$MP" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
for c in $commands; do
    try "$c: unknown long option" "$c" "--$E"
    try "$c: unknown short option" "$c" "-$(printf '\033')"
done
# -o names: a folder that does not exist (exit 1), a long name, a folder.
"$MP" report --host none -o "$t/$E/r.txt" "$g" > "$t/out" 2> "$t/err"
is "$?" 1 "-o in a missing folder: exit 1"
raw "-o in a missing folder"
mkdir "$t/$E"
"$MP" report --host none -o "$t/$E" "$g" > "$t/out" 2> "$t/err"
is "$?" 2 "-o a folder: exit 2"
raw "-o a folder"
"$MP" apply --host none -o "$t/$E/a.xml" "$odd" > "$t/out" 2> "$t/err"
is "$?" 0 "apply -o NAME: written"
raw "apply -o NAME: its confirmation line"
# An existing guest file whose name carries the sequence: every command's
# output names it safely too.
cp "$g" "$t/$E.xml"
for cmd in "calc --host none" "report --host none" "report --host none --format md" \
           "compare" "map --host demo:ac922" "capacity --host demo:ac922"; do
    "$MP" $cmd "$t/$E.xml" > "$t/out" 2> "$t/err"
    is "$?" 0 "$cmd NAME: works"
    raw "$cmd NAME: its output"
done
plan_done

#!/bin/sh
# Standard output full (/dev/full) or closed (>&-): every command, --help and
# --version included, exits 1 with one message; nothing the program opens
# becomes its standard output.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
odd="$srcdir/tests/report/data/odd.xml"
check() { # NAME ARGS...: both ways
    name=$1
    shift
    "$MP" "$@" > /dev/full 2> "$t/err"
    rc=$?
    is "$rc" 1 "$name >/dev/full: exit 1"
    is "$(grep -c . "$t/err")" 1 "$name >/dev/full: one message"
    "$MP" "$@" >&- 2> "$t/err"
    rc=$?
    is "$rc" 1 "$name >&-: exit 1"
    is "$(grep -c . "$t/err")" 1 "$name >&-: one message"
}
check "--help" --help
check "-h" -h
check "--version" --version
check "-V" -V
# Every command --help lists, new ones included.
commands=$("$MP" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
like "$commands" "calc" "the command list is read from --help"
for c in $commands; do
    check "$c --help" "$c" --help
done
check calc calc --host none "$g"
check guests guests
check report report --host none "$g"
check "report --format json" report --host none --format json "$g"
check "apply -o -" apply --host none -o - "$odd"
check "apply -o FILE (its confirmation line)" apply --host none -o "$t/a.xml" "$odd"
check probe probe --host demo:ac922
check record record --host demo:ac922
check compare compare "$g"
check map map --host demo:ac922 "$g"
check capacity capacity --host demo:ac922 "$g"
check tour tour
if "$MP" explain --help > /dev/null 2>&1; then
    check explain explain "$srcdir/tests/data/logs/pc-locked-mlock.log"
fi
check "--host list" calc --host list

# A closed stdout is never a file the program opened: the report goes to
# its file, not to descriptor 1.
"$MP" report --host none -o "$t/r.txt" "$g" >&- 2> "$t/err"
is "$?" 0 "report -o FILE >&-: nothing for stdout, exit 0"
like "$(cat "$t/r.txt")" "hard_limit" "report -o FILE >&-: the file has the report"
"$MP" apply --host none -o "$t/b.xml" "$odd" >&- 2>/dev/null
like "$(cat "$t/b.xml")" "<domain" "apply -o FILE >&-: the file is the guest, not the confirmation"
if grep -q "b.xml: hard_limit" "$t/b.xml"; then
    fail "apply -o FILE >&-: no confirmation line inside the file"
else
    ok "apply -o FILE >&-: no confirmation line inside the file"
fi
# The report's first line, whatever its format says.
first=$("$MP" report --host none "$g" | head -n 1)
# Closed standard input and error: "-" fails cleanly; with 1 and 2 closed the
# report's temporary file never becomes descriptor 1 or 2.
"$MP" calc --host none - <&- > /dev/null 2> "$t/err"
is "$?" 2 "calc - with standard input closed: exit 2"
like "$(cat "$t/err")" "<stdin>: cannot read" "calc - with standard input closed: says so"
"$MP" report --host none -o "$t/c.txt" "$g" >&- 2>&-
is "$?" 0 "report -o FILE with 1 and 2 closed: exit 0"
like "$(head -n 1 "$t/c.txt")" "$first" "report -o FILE with 1 and 2 closed: the file is the report"

# -o /dev/stdout and /dev/fd/N write through the descriptor: appended where
# the shell opened it with >>, and usable by another user on a pipe it was given.
echo first > "$t/app.txt"
"$MP" report --host none -o /dev/stdout "$g" >> "$t/app.txt"
is "$(head -n 1 "$t/app.txt")" "first" "-o /dev/stdout with >>: appended, the file not replaced"
is "$(sed -n 2p "$t/app.txt")" "$first" "-o /dev/stdout with >>: the report follows"
"$MP" report --host none -o /dev/fd/7 "$g" 7> "$t/fd7.txt"
is "$(head -n 1 "$t/fd7.txt")" "$first" "-o /dev/fd/7: written through descriptor 7"
"$MP" report --host none -o /dev/stdout "$g" > /dev/full 2> "$t/err"
is "$?" 1 "-o /dev/stdout on /dev/full: exit 1"
is "$(grep -c . "$t/err")" 1 "-o /dev/stdout on /dev/full: one message"
if [ "$(id -u)" -eq 0 ]; then
    chmod 0755 "$t"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$MP" report --host none \
        -o /dev/stdout "$g" 2> "$t/err" | head -n 1 > "$t/nobody.txt"
    is "$(cat "$t/nobody.txt")" "$first" "-o /dev/stdout as another user on root's pipe: written"
else
    skip "-o /dev/stdout on another user's pipe: needs root"
fi
plan_done

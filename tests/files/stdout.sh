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
for c in calc guests report apply probe record compare map capacity tour tui; do
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
plan_done

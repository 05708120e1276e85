#!/bin/sh
# Failing writes: the old file stays as it was, no temporary file is left,
# the exit status is non-zero and there is one message.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
odd="$srcdir/tests/report/data/odd.xml"

one_message() { # NAME: after run_mp
    is "$(printf '%s\n' "$ERR" | grep -c .)" 1 "$1: one message"
}
no_temp() { # DIR NAME
    is "$(find "$1" -name '.*.??????' | wc -l)" 0 "$2: no temporary file left"
}

# -o a folder.
mkdir "$t/dir"
run_mp report --host none --format html -o "$t/dir" "$g"
is "$RC" 2 "-o a folder: exit 2"
one_message "-o a folder"
like "$ERR" "folder" "-o a folder: says so"
is "$(ls -A "$t/dir")" "" "-o a folder: folder untouched"

# /dev/full: written in place (a device is never renamed over) and fails.
run_mp report --host none -o /dev/full "$g"
is "$RC" 1 "-o /dev/full: exit 1"
one_message "-o /dev/full"
like "$ERR" "/dev/full" "-o /dev/full: names it"
[ -c /dev/full ] && ok "-o /dev/full: still a device" || fail "-o /dev/full: still a device"
run_mp report --host none -o /dev/null "$g"
is "$RC" 0 "-o /dev/null: exit 0"
# Standard output full.
"$MP" report --host none "$g" > /dev/full 2> "$t/err"
is "$?" 1 "stdout /dev/full: exit 1"
is "$(grep -c . "$t/err")" 1 "stdout /dev/full: one message"
"$MP" apply --host none "$odd" -o - > /dev/full 2> "$t/err"
is "$?" 1 "apply -o - to /dev/full: exit 1"

# A write cut short (file size limit): the old report stays whole.
echo "old report" > "$t/r.html"
(ulimit -f 1; trap '' XFSZ; exec "$MP" report --host none --format html -o "$t/r.html" "$g") \
    > "$t/out" 2> "$t/err"
is "$?" 1 "write cut short: exit 1"
is "$(grep -c . "$t/err")" 1 "write cut short: one message"
like "$(cat "$t/err")" "$t/r.html" "write cut short: names the file"
is "$(cat "$t/r.html")" "old report" "write cut short: old file intact"
no_temp "$t" "write cut short"
cp "$odd" "$t/keep.xml"
(ulimit -f 1; trap '' XFSZ; exec "$MP" apply --host none "$odd" -o "$t/keep.xml") > "$t/out" 2> "$t/err"
is "$?" 1 "apply cut short: exit 1"
if cmp -s "$odd" "$t/keep.xml"; then ok "apply cut short: old file intact"; else fail "apply cut short: old file intact"; fi
no_temp "$t" "apply cut short"

# A read-only folder. Root writes anyway, so run as nobody then.
mkdir "$t/ro"
echo "old report" > "$t/ro/r.md"
chmod 0555 "$t/ro"
chmod 0755 "$t"
as_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
fi
as_user "$MP" report --host none --format md -o "$t/ro/r.md" "$g" > "$t/out" 2> "$t/err"
rc=$?
is "$rc" 1 "read-only folder: exit 1"
is "$(grep -c . "$t/err")" 1 "read-only folder: one message"
like "$(cat "$t/err")" "temporary file" "read-only folder: says what failed"
is "$(cat "$t/ro/r.md")" "old report" "read-only folder: old file intact"
no_temp "$t/ro" "read-only folder"
chmod 0755 "$t/ro"

# A folder that does not exist.
run_mp apply --host none "$odd" -o "$t/missing/new.xml"
is "$RC" 1 "missing folder: exit 1"
one_message "missing folder"

# A report never goes over one of its inputs.
cp "$g" "$t/in.xml"
run_mp report --host none -o "$t/in.xml" "$t/in.xml"
is "$RC" 2 "report -o its input: refused"
if cmp -s "$g" "$t/in.xml"; then ok "report -o its input: input intact"; else fail "report -o its input: input intact"; fi
ln -s in.xml "$t/link.xml"
run_mp report --host none -o "$t/link.xml" "$t/in.xml"
is "$RC" 2 "report -o a link to its input: refused"
one_message "report -o a link to its input"
plan_done

#!/bin/sh
# Hostile input: every file of tests/hostile/, a directory, a FIFO and
# /dev/zero. Each gives exit 2, one clear message on stderr, nothing on
# stdout, nothing written; nothing of /etc/passwd leaks. (How fast each is
# refused is measured by bench/hostile.sh, against xmllint.)
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"

check() { # NAME ARGS... (stdin may be redirected by the caller)
    name=$1; shift
    # A hang guard only: a busy machine may be slow, never wrong.
    timeout 60 "$MP" calc --host none "$@" >"$t/out" 2>"$t/err"
    rc=$?
    lines=$(grep -c . "$t/err")
    if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ] || [ -s "$t/out" ]; then
        fail "$name: exit 2 with one message (got exit $rc, $lines lines)"
        head -c 600 "$t/err" | sed 's/^/# /'
    elif grep -q 'root:' "$t/err"; then
        fail "$name: /etc/passwd leaked into the message"
    else
        ok "$name: $(cut -c1-100 "$t/err")"
    fi
}

for f in "$srcdir"/tests/hostile/*.xml; do
    check "$(basename "$f")" "$f"
done
mkdir "$t/a-directory"
check "a directory" "$t/a-directory"
mkfifo "$t/a-fifo"
check "a FIFO" "$t/a-fifo"
check "/dev/zero" /dev/zero
check "/dev/zero on stdin (bounded read)" - < /dev/zero
check "empty stdin" - < /dev/null
# Nothing was written next to the inputs.
left=$(find "$t" -newer "$t/a-fifo" -type f ! -name out ! -name err | wc -l)
is "$left" 0 "no files written"
plan_done

#!/bin/sh
# The planner's x (export a report) and W (save the guest XML as) go through
# the same writer as -o: a link another user planted in a sticky folder is
# refused in the status line and the file it names is untouched; another
# user's file keeps its owner. Driven headless (MEMLOCK_PLANNER_SCRIPT).
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
chmod 0755 "$t"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
if [ "$(id -u)" -ne 0 ] || ! setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    skip "needs root to plant links as nobody"
    plan_done
    exit
fi
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
cp "$g" "$t/guest.xml"
mkdir "$t/sticky" && chmod 1777 "$t/sticky"
echo precious > "$t/victim"
as_nobody ln -s "$t/victim" "$t/sticky/out.md"
as_nobody ln -s "$t/victim" "$t/sticky/out.xml"
planner() { # KEY TARGET [KEYS]: press KEY, type TARGET at its prompt, answer KEYS, dump
    printf '%s\nCtrl-U\n:type %s\nEnter\n%s\n:dump\n' "$1" "$2" "${3:-}" > "$t/script"
    MEMLOCK_PLANNER_SCRIPT="$t/script" LINES=30 COLUMNS=200 timeout 60 \
        "$MP" tui --host demo:ac922 "$t/guest.xml" > "$t/screen" 2> "$t/err"
    RC=$?
}
planner x "$t/sticky/out.md" y  # the name exists: replace it
is "$RC" 0 "x to a planted link: the planner goes on"
like "$(cat "$t/screen")" "symbolic link another user owns" "x to a planted link: refused in the status line"
is "$(cat "$t/victim")" "precious" "x to a planted link: the file it names is untouched"
[ -L "$t/sticky/out.md" ] && ok "x: the link is still a link" || fail "x: the link is still a link"
planner W "$t/sticky/out.xml" "y y y"  # add the hard_limit; replace it; write the diff
like "$(cat "$t/screen")" "symbolic link another user owns" "W (save as) to a planted link: refused in the status line"
is "$(cat "$t/victim")" "precious" "W (save as) to a planted link: the file it names is untouched"
# Another user's report, replaced from the planner: owner and mode kept.
echo old > "$t/theirs.md"
chown 65534:65534 "$t/theirs.md"
chmod 0604 "$t/theirs.md"
planner x "$t/theirs.md" y  # the name exists: replace it
like "$(cat "$t/theirs.md")" "libvirt profile" "x over another user's report: written"
is "$(stat -c '%u:%g %a' "$t/theirs.md")" "65534:65534 604" "x over another user's report: owner, group, mode kept"
is "$(find "$t" -name '.*.??????' | wc -l)" 0 "no temporary file left"
plan_done

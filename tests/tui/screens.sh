#!/bin/sh
# Golden screens, as tig tests its views: the planner runs headless (curses
# draws into /dev/null at LINES x COLUMNS, keys come from a script, see
# tui/headless.h) and each screen is compared whole with its expected file
# in tests/tui/screens/. After a deliberate change of the screens:
#   MEMLOCK_PLANNER_REGENERATE=1 make check TESTS=tests/tui/screens.sh
# rewrites the expected files; review `git diff tests/tui/screens` before
# committing (HACKING.md, "Golden screens").
. "$srcdir/tests/lib.sh"
expected="$srcdir/tests/tui/screens"
# The guests are copied under short relative names, so the title line does
# not depend on where the tree is; the RLIMIT shown is the one set here.
work="$TMPDIR_TEST/work"
mkdir -p "$work"
cp "$srcdir/data/guests/pseries-ac922-socket0.xml" "$work/socket0.xml"
cp "$srcdir/data/guests/x86-q35-viommu.xml" "$work/q35.xml"
cp "$srcdir/data/guests/pseries-1g-hostdev.xml" "$work/small.xml"
mp_abs=$(cd "$(dirname "$MP")" && pwd)/$(basename "$MP")

# golden NAME COLSxROWS "ARGS" "SCRIPT": runs the script and compares every
# screen it dumps (the whole output) with tests/tui/screens/NAME.screen.
golden() {
    name=$1 size=$2 args=$3 script=$4
    printf '%s\n' "$script" >"$TMPDIR_TEST/$name.keys"
    out="$TMPDIR_TEST/$name.screen"
    # shellcheck disable=SC2086
    (cd "$work" && ulimit -l 64 && \
        MEMLOCK_PLANNER_SCRIPT="$TMPDIR_TEST/$name.keys" LINES=${size#*x} COLUMNS=${size%x*} \
        TERM=xterm-256color NO_COLOR=1 LC_ALL=C.UTF-8 LANGUAGE= \
        timeout 60 "$mp_abs" tui $args >"$out" 2>"$TMPDIR_TEST/$name.err")
    rc=$?
    if [ "${MEMLOCK_PLANNER_REGENERATE:-}" = 1 ] && [ $rc -eq 0 ]; then
        cp "$out" "$expected/$name.screen"
    fi
    if [ $rc -ne 0 ]; then
        fail "$name: the planner exited with $rc"
        diag "$(cat "$TMPDIR_TEST/$name.err")"
    elif diff -u "$expected/$name.screen" "$out" >"$TMPDIR_TEST/$name.diff" 2>&1; then
        ok "$name: the screen is as expected"
    else
        fail "$name: the screen differs from tests/tui/screens/$name.screen"
        diag "$(cat "$TMPDIR_TEST/$name.diff")"
    fi
}

golden main-80x24 80x24 "--host demo:ac922 socket0.xml" ":dump"
golden main-160x48 160x48 "--host demo:ac922 socket0.xml" ":dump"
golden guest-pane-80x24 80x24 "--host demo:ac922 socket0.xml" "Tab Down Down Down :dump"
golden help-80x24 80x24 "--host demo:ac922 socket0.xml" "? :dump PgDn :dump"
golden warnings-80x24 80x24 "--host demo:ac922 socket0.xml" "W :dump"
golden prompt-80x24 80x24 "--host demo:ac922 socket0.xml" "m :dump 1 2 8 G :dump"
golden new-x86-80x24 80x24 "--host demo:x86-gpu" ":dump"
golden q35-160x48 160x48 "--host demo:x86-gpu q35.xml" ":dump"
golden tour-80x24 80x24 "--host demo:ac922 small.xml" "T :dump n :dump"
golden map-120x40 120x40 "--host demo:ac922 socket0.xml" "A :dump"
golden compare-80x24 80x24 "--host demo:ac922 socket0.xml" "C :dump"
golden capacity-80x24 80x24 "--host demo:ac922 socket0.xml" "K :dump"
golden resize 80x24 "--host demo:ac922 socket0.xml" ":resize 100x30 :dump :resize 60x20 :dump"

# The script itself: an unknown key is one line on stderr, exit 2.
(cd "$work" && printf 'NoSuchKey\n' >bad.keys && MEMLOCK_PLANNER_SCRIPT=bad.keys LINES=24 \
    COLUMNS=80 TERM=xterm-256color "$mp_abs" tui --host demo:ac922 socket0.xml \
    >/dev/null 2>"$TMPDIR_TEST/bad.err")
rc=$?
is "$rc:$(wc -l <"$TMPDIR_TEST/bad.err")" "2:1" "a script with an unknown key: one line, exit 2"
plan_done

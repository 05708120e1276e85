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
. "$srcdir/tests/tui/headless_lib.sh"
cp "$srcdir/data/guests/pseries-ac922-socket0.xml" "$HL_DIR/socket0.xml"
cp "$srcdir/data/guests/x86-q35-viommu.xml" "$HL_DIR/q35.xml"
cp "$srcdir/data/guests/pseries-1g-hostdev.xml" "$HL_DIR/small.xml"
cp "$srcdir/tests/tui/data/wide-name.xml" "$HL_DIR/wide-name.xml"

# golden NAME COLSxROWS "ARGS" "SCRIPT": runs the script and compares every
# screen it dumps (the whole output) with tests/tui/screens/NAME.screen.
golden() {
    name=$1 size=$2 args=$3 script=$4
    # shellcheck disable=SC2086
    headless "$size" "$script" $args
    printf '%s\n' "$OUT" >"$TMPDIR_TEST/$name.screen"
    if [ "${MEMLOCK_PLANNER_REGENERATE:-}" = 1 ] && [ $RC -eq 0 ]; then
        cp "$TMPDIR_TEST/$name.screen" "$expected/$name.screen"
    fi
    if [ $RC -ne 0 ]; then
        fail "$name: the planner exited with $RC"
        diag "$ERR"
    elif diff -u "$expected/$name.screen" "$TMPDIR_TEST/$name.screen" >"$TMPDIR_TEST/$name.diff" 2>&1; then
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
golden warnings-80x24 80x24 "--host demo:ac922 socket0.xml" "! :dump"
golden prompt-80x24 80x24 "--host demo:ac922 socket0.xml" "m :dump 1 2 8 G :dump"
golden new-x86-80x24 80x24 "--host demo:x86-gpu" ":dump"
golden q35-160x48 160x48 "--host demo:x86-gpu q35.xml" ":dump"
golden tour-80x24 80x24 "--host demo:ac922 small.xml" "T :dump n :dump"
golden map-120x40 120x40 "--host demo:ac922 socket0.xml" "A :dump"
golden compare-80x24 80x24 "--host demo:ac922 socket0.xml" "C :dump"
golden capacity-80x24 80x24 "--host demo:ac922 socket0.xml" "K :dump"
# The host pane as a tree (lspci -tv's shape), UTF-8 and ASCII.
golden tree-ac922-140x70 140x70 "--host demo:ac922" ":dump"
golden tree-ac922-ascii-140x70 140x70 "--host demo:ac922 --ascii" ":dump"
# Space on a PCIe port: refused with the reason, wrapped at 80 columns.
golden refuse-port-80x24 80x24 "--host demo:ac922 socket0.xml" "Home Down Space :dump"
# z: the host pane takes the whole left column at 80x24.
golden zoom-80x24 80x24 "--host demo:ac922 socket0.xml" "z :dump z :dump"
# Search: which match of how many, the matching rows with their names.
golden search-120x40 120x40 "--host demo:ac922" "/ :type V100
Enter :dump n n n :dump N :dump"
# Every prompt at 80x24: the offered text, the footer with the prompt's keys.
golden prompts-80x24 80x24 "--host demo:ac922 socket0.xml" "M :dump Esc H :dump Esc p :dump Esc o :dump Esc W :dump Esc x :dump Esc a :dump Esc / :dump Esc Tab Home Enter :dump"
# Tab completes file names (o) and host addresses (a).
golden complete-80x24 80x24 "--host demo:ac922 socket0.xml" "o Ctrl-U :type so
Tab :dump Esc a :type 0004:0
Tab :dump :type 4
Tab :dump"
# Editing the offered text instead of replacing it: Left, Home, End, Backspace.
golden prompt-edit-80x24 80x24 "--host demo:ac922 socket0.xml" "m Left Left 1 :dump Home 9 :dump End Backspace :type T
:dump Ctrl-U :dump"
# The questions: unsaved changes, the recommended hard_limit, the diff.
golden questions-80x24 80x24 "--host demo:ac922 socket0.xml" "+ q :dump c w :dump y :dump"
# Enter on a term in the limit pane: the term in full, with this guest's numbers.
golden term-80x24 80x24 "--host demo:ac922 socket0.xml" "Tab Tab Down Down Down Enter :dump"
# A hard_limit below what libvirt needs (drawn red) says so in the limit pane.
golden below-need-80x24 80x24 "--host demo:ac922 socket0.xml" "H :type 1G
Enter :dump"
golden resize 80x24 "--host demo:ac922 socket0.xml" ":resize 100x30 :dump :resize 60x20 :dump"
# A name of wide characters (two columns each), cut where it fits: drawn as cells (draw_put).
golden wide-name-80x24 80x24 "--host demo:ac922 wide-name.xml" "Tab :dump"

# The script itself: an unknown key is one line on stderr, exit 2.
headless 80x24 "NoSuchKey" --host demo:ac922 socket0.xml
is "$RC:$(printf '%s\n' "$ERR" | wc -l)" "2:1" "a script with an unknown key: one line, exit 2"
plan_done

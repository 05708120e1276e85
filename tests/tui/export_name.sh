#!/bin/sh
# x offers "<guest name>-plan.md" in the current directory: a name holding
# '/' (typed, or from a hostile XML) must not steer it elsewhere.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

tui_start 100 30 --host demo:ac922 "$GUESTS/pseries-1g-hostdev.xml"
see "Guest pseries-1g-hostdev" "started"
keys Tab g e
see "Guest name: pseries-1g-hostdev" "e on the name row: its prompt"
keys C-u
type_text "../../tmp/x"
keys Enter
see "Guest ../../tmp/x" "the name is taken as typed"
keys x
see "Export report to (.txt .md .json .html): .._.._tmp_x-plan.md" "x offers a name without '/'"
keys Escape
keys q d
see "EXIT=0" "quits"
plan_done

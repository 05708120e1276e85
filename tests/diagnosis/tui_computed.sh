#!/bin/sh
# The planner's result pane under <hard_limit> and <locked/>: the computed
# sentence every output says, drawn headless (MEMLOCK_PLANNER_SCRIPT, as
# tests/tui/screens.sh runs it).
. "$srcdir/tests/lib.sh"
data="$srcdir/tests/data/calc"
mp_abs=$(cd "$(dirname "$MP")" && pwd)/$(basename "$MP")
printf ':dump\n' > "$TMPDIR_TEST/keys"
screen() { # GUEST.xml
    MEMLOCK_PLANNER_SCRIPT="$TMPDIR_TEST/keys" LINES=40 COLUMNS=160 TERM=xterm-256color \
        NO_COLOR=1 LC_ALL=C.UTF-8 LANGUAGE= timeout 60 "$mp_abs" tui --host none "$1" 2>/dev/null |
        tr -s ' ' | tr '\n' ' '
}
s=$(screen "$data/pseries-hardlimit+hostdev.xml")
like "$s" "libvirt sets 2 GiB because of <hard_limit>; without it the terms would give 4.02 GiB" \
    "hard_limit: the computed figure beside it"
like "$s" "(2.02 GiB less: below the need)" "hard_limit: the difference"
s=$(screen "$data/pc-locked+hostdev.xml")
like "$s" "libvirt sets unlimited because of <locked/>; without it the terms would give 2 GiB" \
    "locked: the computed figure beside it"
s=$(screen "$data/pc-hostdev.xml")
case "$s" in
*"because of <"*) fail "no hard_limit or locked: no computed sentence" ;;
*) ok "no hard_limit or locked: no computed sentence" ;;
esac
plan_done

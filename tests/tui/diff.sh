#!/bin/sh
# The planner's d: the guest against its file on disk, term by term, with
# what changed (core/limit_diff.c, as `memlock-planner diff`), headless.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/headless_lib.sh"
cp "$srcdir/data/guests/pseries-ac922-socket0.xml" "$HL_DIR/s0.xml"

headless 110x30 "d :dump m :type 128G
Enter d :dump" --host demo:ac922 s0.xml
is "$RC" 0 "d: the planner ran the script"
first=$(printf '%s\n' "$OUT" | awk '/^--$/ { exit } { print }')
case $first in *"The guest is as its file on disk"*) ok "d: an unedited guest is as its file" ;; *) fail "d: unedited"; diag "$first" ;; esac
second=$(printf '%s\n' "$OUT" | awk '/^--$/ { n++; next } n == 1 { print }')
case $second in *"against its file on disk"*) ok "d: the comparison opens" ;; *) fail "d: the comparison opens"; diag "$second" ;; esac
case $second in *"memory 64 GiB -> 128 GiB"*) ok "d: the cause of the change is named" ;; *) fail "d: the cause"; diag "$second" ;; esac
# The same figures as the command, on a file holding the edit.
sed 's|<memory unit=.GiB.>64</memory>|<memory unit="GiB">128</memory>|; s|<currentMemory unit=.GiB.>64</currentMemory>|<currentMemory unit="GiB">128</currentMemory>|' \
    "$HL_DIR/s0.xml" >"$HL_DIR/s128.xml"
want=$("$MP" diff --host demo:ac922 "$HL_DIR/s0.xml" "$HL_DIR/s128.xml" | head -n 1)
case $second in *"$want"*) ok "d: the limits as memlock-planner diff gives them" ;; *) fail "d: as diff"; diag "want: $want" "$second" ;; esac

# A new guest has no file to compare with: said, nothing opens.
headless 100x30 "d :dump" --host demo:x86-gpu
case $OUT in *"no file yet"*) ok "d: a new guest has no file yet" ;; *) fail "d: new guest"; diag "$OUT" ;; esac
plan_done

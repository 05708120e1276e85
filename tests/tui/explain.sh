#!/bin/sh
# The planner's E: a failed start's log explained over the planner, and the
# guest rebuilt from it loaded for editing (headless, tui/headless.h).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/headless_lib.sh"
cp "$srcdir/tests/data/logs/pseries-nv2-prereg-9.0.log" "$HL_DIR/nv2.log"
cp "$srcdir/tests/data/logs/tcg-missing-disk.log" "$HL_DIR/disk.log"

headless 120x40 "E :type nv2.log
Enter :dump Esc :dump q :dump d" --host demo:ac922
is "$RC" 0 "E: the planner ran the script"
first=$(printf '%s\n' "$OUT" | awk '/^--$/ { exit } { print }')
case $first in *"Why the start failed"*) ok "E: the explanation opens" ;; *) fail "E: the explanation opens"; diag "$first" ;; esac
case $first in *"Memory registering failed"*) ok "E: it quotes the failing line" ;; *) fail "E: it quotes the failing line" ;; esac
case $first in *"619,037,327,360 bytes"*) ok "E: the need with the NVLink2 bridges of the host" ;; *) fail "E: the need"; diag "$first" ;; esac
second=$(printf '%s\n' "$OUT" | awk '/^--$/ { n++; next } n == 1 { print }')
case $second in *"Guest pseries-ac922-socket0"*) ok "E: the rebuilt guest is loaded" ;; *) fail "E: the rebuilt guest is loaded"; diag "$second" ;; esac
case $second in *"619,037,327,360 bytes"*) ok "E: the limit pane shows the same bytes" ;; *) fail "E: the limit pane shows the same bytes" ;; esac
case $second in *"NV2 g5"*) ok "E: the hostdevs are on the guest" ;; *) fail "E: the hostdevs are on the guest" ;; esac
third=$(printf '%s\n' "$OUT" | awk '/^--$/ { n++; next } n == 2 { print }')
case $third in *"unsaved changes"*) ok "E: leaving asks first (the rebuilt guest is in no file)" ;; *) fail "E: leaving asks first"; diag "$third" ;; esac

# A log without a memory-locking failure: said, the guest stays.
headless 100x30 "E :type disk.log
Enter :dump" --host demo:x86-gpu
case $OUT in *"a disk image or other file is missing"*) ok "E: another failure is named" ;; *) fail "E: another failure is named"; diag "$OUT" ;; esac

# A log that cannot be read: one line on the status line, nothing changes.
headless 100x30 "E :type missing.log
Enter :dump" --host demo:x86-gpu
case $OUT in *"missing.log: cannot open"*) ok "E: an unreadable log is said on the status line" ;; *) fail "E: unreadable log"; diag "$OUT" ;; esac
case $OUT in *"Why the start failed"*) fail "E: no explanation for an unreadable log" ;; *) ok "E: no explanation for an unreadable log" ;; esac
plan_done

#!/bin/sh
# The guided tour in the planner (T), at 80x24: each step puts the tour's
# guest in the planner, so the limit pane shows exactly the bytes
# `memlock-planner tour --format json` gives for that step; Back goes to the
# step before; Esc brings the planner's own guest (and host) back.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

json=$("$MP" tour --format json)
step_bytes() { echo "$json" | jq -r ".[$1 - 1].limit_bytes"; }
is "$(echo "$json" | jq length)" 8 "tour json: eight steps"
is "$(echo "$json" | jq -r '.[2].changed_terms[].id' | grep -c '^nv2_dma64$')" 1 \
    "tour json: step 3 adds the NVLink2 term"

hostdev="$GUESTS/pseries-1g-hostdev.xml"
own=$(calc_bytes --host demo:ac922 "$hostdev")
tui_start 80 24 --host demo:ac922 "$hostdev"
see_limit "$own" "the planner starts with its own guest"
keys T
see "Tour: step 1 of 8" "on demo:ac922 T starts the tour at once"
see "A pseries guest with 64 GiB and no" "step 1's title"
see_limit "$(step_bytes 1)" "step 1: the limit bytes of tour json step 1"
see "n/Right Next  b/Left Back  Esc/q Leave tour" "the footer shows the tour's keys"
keys n
see "Tour: step 2 of 8" "n: step 2"
see_limit "$(step_bytes 2)" "step 2: tour json's bytes"
keys n
see "Tour: step 3 of 8" "step 3"
see "Assign socket 0's group 5" "step 3's title"
see "puts GPU RAM at 64-128" "step 3's explanation"
see "Terms that moved:" "the panel lists the terms that moved"
panel=$(screen | cut -c1-36)
like "$panel" "  NVLink2 64-bit DMA windows" "the NVLink2 term moved in step 3"
like "$panel" "0 B → 768 GiB" "it grew from nothing to 768 GiB (3 PHBs x 256 GiB)"
see_limit "$(step_bytes 3)" "step 3: tour json's bytes in the limit pane"
is "$(screen_limit)" "$(step_bytes 3)" "the only byte value on screen is step 3's"
keys b
see "Tour: step 2 of 8" "b: back to step 2"
see_limit "$(step_bytes 2)" "Back: step 2's limit again"
keys Left
see "Tour: step 1 of 8" "Left goes back too"
keys Right Enter
see "Tour: step 3 of 8" "Right and Enter go on"
keys BSpace
see "Tour: step 2 of 8" "Backspace goes back"
keys n n n n
see "Tour: step 6 of 8" "step 6"
is "$(step_bytes 6)" unlimited "tour json: locked memory lifts the limit"
see "Limit  unlimited" "step 6: unlimited as tour json says"
keys n
see "Tour: step 7 of 8" "step 7"
see_limit "$(step_bytes 7)" "step 7: the recommended hard_limit's bytes"
keys n
see "Tour: step 8 of 8" "the last step"
see "Your turn" "the last step is the reader's turn"
see_limit "$(step_bytes 8)" "step 8: the same guest's bytes"
keys n
see "That was the last step" "n on the last step says so"
keys Escape
see "Left the tour: the guest and host are as they were." "Esc leaves the tour"
see_limit "$own" "Esc restores the original guest's limit"
see "Guest pseries-1g-hostdev" "and the guest pane shows it again"
see "pseries-1g-hostdev.xml" "the title names its file again"

# Unsaved edits: T asks Save / Discard / Cancel first, as q, o and D do.
keys +
wait_gone "$(grouped "$own") bytes"
edited=$(screen_limit)
keys T
see "The guest has unsaved changes: s save  d discard  c, Esc cancel" "T with unsaved edits asks"
see "s Save  d Discard  c Cancel" "the footer shows the answers"
keys c
see "Cancelled." "c stays with the guest"
see_limit "$edited" "the edit is still there"
keys T d
see "Tour: step 1 of 8" "d discards the edit and starts the tour"
keys q
see "Left the tour" "q leaves it"
see_limit "$own" "the guest as its file says"

# On another host the tour offers demo:ac922 first.
viommu="$GUESTS/x86-q35-viommu.xml"
own=$(calc_bytes --host demo:x86-gpu "$viommu")
tui_start 80 24 --host demo:x86-gpu "$viommu"
see_limit "$own" "x86 host, x86 guest"
keys T
see "this is host demo:x86-gpu" "T says the tour needs another host"
see "y Open demo:ac922, start the tour  n/Esc No tour" "and asks to open demo:ac922"
keys n
see "No tour." "n declines"
see_limit "$own" "and nothing changed"
keys T
see "y Open demo:ac922" "T asks again"
keys y
see "Tour: step 1 of 8" "y starts the tour"
see "host demo:ac922" "on the AC922 demo host"
see_limit "$(step_bytes 1)" "with tour json's step 1 bytes"
keys n n n
see "Tour: step 4 of 8" "step 4 after switching hosts"
see_limit "$(step_bytes 4)" "the same bytes as on demo:ac922 from the start"
keys Escape
see "Host demo:x86-gpu" "Esc brings the host back"
see_limit "$own" "and the x86 guest's limit"
see "x86_64 / q35" "the x86 guest is back"
plan_done

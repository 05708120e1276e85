#!/bin/sh
# Editing the guest: sizes with units (and junk refused with a message),
# +/-, locked -> unlimited, hard_limit, PHBs, max memory; each shows the bytes
# calc gives for the equivalent XML; undo walks back.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

xml="$GUESTS/pseries-1g-hostdev.xml"
start=$(calc_bytes --host demo:ac922 "$xml")
# The same guest with other memory sizes, as XML for calc.
sed "s|<memory unit='GiB'>1</memory>|<memory unit='GiB'>96</memory>|" "$xml" >"$TMPDIR_TEST/96g.xml"
sed "s|<memory unit='GiB'>1</memory>|<memory unit='GiB'>97</memory>|" "$xml" >"$TMPDIR_TEST/97g.xml"
sed "s|<memory unit='GiB'>1</memory>|<memory unit='MiB'>512</memory>|" "$xml" >"$TMPDIR_TEST/512m.xml"
m96=$(calc_bytes --host demo:ac922 "$TMPDIR_TEST/96g.xml")
m97=$(calc_bytes --host demo:ac922 "$TMPDIR_TEST/97g.xml")
m512=$(calc_bytes --host demo:ac922 "$TMPDIR_TEST/512m.xml")
[ -n "$m96" ] && [ "$m96" != "$start" ] && [ "$m97" != "$m96" ] && [ "$m512" != "$start" ]
is "$?" 0 "calc: distinct limits for 1 GiB, 96 GiB, 97 GiB, 512 MiB"

tui_start 100 30 --host demo:ac922 "$xml"
see_limit "$start" "start: calc's bytes"

keys m
see "Memory (e.g. 96G, 512MiB):" "m opens the memory prompt"
see "Memory (e.g. 96G, 512MiB): 1G" "prefilled with the current size"
keys C-u
type_text "96G"
keys Enter
see_limit "$m96" "96G: calc's bytes for 96 GiB"
see "Memory [m]       96 GiB" "the guest pane shows 96 GiB"
see "Done: memory 96 GiB" "status names the edit"

keys +
see_limit "$m97" "+ adds 1 GiB: calc's bytes for 97 GiB"
see "+1.01 GiB  (memory 97 GiB)" "the change line shows the delta (RAM and tables)"

keys m C-u
type_text "512MiB"
keys Enter
see_limit "$m512" "512MiB: calc's bytes for 512 MiB"

# Junk is refused with a message, and nothing changes.
keys m C-u
type_text "12 parsecs"
keys Enter
see "Memory: '12 parsecs' is not a size" "junk size refused with a message"
is "$(screen_limit)" "$m512" "junk leaves the limit alone"
keys m C-u
type_text "-5G"
keys Enter
see "Memory: '-5G' is not a size" "negative size refused"
keys m C-u
type_text "99999999999999999999T"
keys Enter
see "is not a size" "overflowing size refused"
keys m C-u Enter
see "Memory: '' is not a size" "empty size refused"
is "$(screen_limit)" "$m512" "still the same limit"
keys m
see "Memory (e.g." "prompt open"
keys Escape
see "Cancelled." "Esc cancels a prompt"

# Max memory below memory: core refuses, the message says why.
keys m C-u
type_text "4G"
keys Enter
see "Done: memory 4 GiB" "memory 4 GiB"
keys M C-u
type_text "2G"
keys Enter
see "maximum memory size must be equal or greater" "max memory below memory refused"

# locked: unlimited; hard_limit wins over it.
keys l
see "Limit  unlimited" "l: locked makes the limit unlimited"
see "<locked/> without <hard_limit>" "and warns about it"
keys H C-u
type_text "2G"
keys Enter
see_limit 2147483648 "hard_limit 2G is the limit"
keys H C-u
type_text "none"
keys Enter
see "Limit  unlimited" "hard_limit none: unlimited again"

# PHBs: a manual count, junk refused, back to auto.
keys l
see "Done: locked off" "locked off"
keys p C-u
type_text "lots"
keys Enter
see "PHBs: 'lots' is not auto or a count from 1 to 256" "PHB junk refused"
keys p C-u
type_text "4"
keys Enter
see "PHBs [p]         4 (manual)" "manual PHB count shown"
keys p C-u
type_text "auto"
keys Enter
see "PHBs [p]         auto: 2 (1 added)" "automatic again"

# Undo walks back every edit to the first limit, then says there is nothing.
n=0
while [ "$n" -lt 20 ]; do keys u; n=$((n + 1)); done
see "Nothing to undo." "undo until there is nothing left"
see_limit "$start" "all undone: the first limit again"
see "Memory [m]       1 GiB" "and the first memory size"
not_see "[modified]" "no unsaved changes after undoing everything"

# The profile cycles with L and names the libvirt version.
keys L
see "Done: profile " "L changes the libvirt profile"
plan_done

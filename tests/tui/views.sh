#!/bin/sh
# The views over the planner, at 80x24: the address map (A), the profile
# comparison (C), capacity (K) and running guests (G) show what the
# subcommands compute for the same guest, and Esc gives the planner back.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

socket0="$GUESTS/pseries-ac922-socket0.xml"
# gone TEXT NAME: a TAP check that TEXT leaves the screen.
gone() {
    if wait_gone "$1"; then ok "$2"; else fail "$2"; diag "screen:" "$(screen)" "still there: $1"; fi
}

# Address map: the log axis ends at 128 TiB, NVLink2 GPU RAM is drawn, each
# PHB's windows with the TCE tables `map --format json` gives.
tce=$("$MP" map --format json --host demo:ac922 "$socket0" |
      jq -r '[.dma_windows[] | select(.id == "dma64")][0].tce_table_bytes')
is "$tce" 274877906944 "map json: NVLink2 64-bit window needs 256 GiB of TCEs"
tui_start 80 24 --host demo:ac922 "$socket0"
want=$(screen_limit)
keys A
see "Address map of guest pseries-ac922-socket0" "A opens the address map"
see "32T 128T" "the log axis ends at 128 TiB"
see "NVLink2 GPU RAM" "the NVLink2 GPU RAM region"
see "64 TiB - 128 TiB" "GPU RAM at 64-128 TiB"
see "DMA windows of PHB 1" "a section per PHB"
see "0 B - 128 TiB, TCE table 256 GiB" "the 64-bit window reaches 128 TiB: 256 GiB of TCEs"
see "Esc Close" "the footer shows the view's keys"
not_see "Memory-locking limit" "the view covers the planner"
keys NPage NPage
see "Notes" "PgDn scrolls to the notes"
see "must reach the GPU RAM at 128 TiB" "the notes say why"
keys Escape
see "Memory-locking limit" "Esc closes the map"
is "$(screen_limit)" "$want" "the planner's limit is unchanged"
# The map follows the terminal: wide, each region's range beside its bar;
# too small, the usual notice; back at 80x24, the view is still open.
keys A
tm resize-window -t mp -x 150 -y 40
see "░  0 B - 64 GiB" "resized: the map redraws, each range beside its bar"
like "$(screen | grep -F 'Guest RAM ')" "░  0 B - 64 GiB" "wide: RAM's range on its bar's line"
tm resize-window -t mp -x 70 -y 20
see "Terminal too small" "too small: the notice"
tm resize-window -t mp -x 80 -y 24
see "Address map of guest" "80x24 again: the map is still open"
keys Escape
gone "Address map of guest" "Esc closes it"
# ASCII drawing: bars of # on dots.
tui_start 80 24 --host demo:ac922 --ascii "$socket0"
keys A
see "+- Address map of guest" "--ascii: the map in an ASCII box"
like "$(screen | grep -F 'NVLink2 GPU RAM')" "...####." "--ascii: the GPU RAM bar in #"
keys Escape

# Not a pseries guest: one line says so.
tui_start 80 24 --host demo:x86-gpu "$GUESTS/x86-q35-viommu.xml"
keys A
see "The address map applies to pseries guests only." "x86 guest: map does not apply"
keys Escape
gone "address map applies" "Esc closes it"

# Profile comparison: a column for every profile `compare` knows; without
# colour the differing rows carry a *.
viommu="$GUESTS/x86-q35-viommu.xml"
json=$("$MP" compare --format json --host demo:x86-gpu "$viommu")
ids=$(echo "$json" | jq -r '.profiles[]')
is "$(echo "$ids" | wc -l)" "$(echo "$json" | jq -r '.steps | length')" "compare json: a step per profile"
tui_start 80 24 --host demo:x86-gpu "$viommu"
keys C
see "Guest x86-q35-viommu under every libvirt profile" "C opens the comparison"
header=$(screen | grep -F " Term ")
# Columns: the oldest step, the planner's own, and the steps that change this
# guest's limit with the one before each (the others are listed below).
for id in $(echo "$json" | jq -r '.steps | to_entries[] | select(.key == 0 or .value.changes_limit or (.key + 1 < ($s | length) and $s[.key + 1].changes_limit)) | .value.profile' --argjson s "$(echo "$json" | jq -c .steps)") \
        "$(echo "$ids" | tail -n 1)"; do
    like "$header" " $id" "profile $id has a column"
done
is "$(screen | grep -c '^│ \* [A-Z]')" 2 "two rows differ (the factor term and the limit)"
see "* Guest RAM x factor" "the factor term is marked"
see "* Limit" "the limit is marked"
see "MMIO and QEMU overhead" "the common term is listed"
not_see "* MMIO and QEMU overhead" "the common term is not marked"
factor=$(echo "$json" | jq -r '.limit_bytes[0] / 1073741824 | floor')
like "$(screen | grep -F '* Limit')" "$factor GiB" "the 5.3 limit as compare gives it"
keys Escape
see "Memory-locking limit" "Esc closes the comparison"
# One guest every profile agrees on.
tui_start 80 24 --host demo:ac922 "$socket0"
keys C
see "Every profile gives the same limit for this guest." "socket-0 guest: no difference"
not_see "* " "nothing is marked"

# Capacity: the number of guests that fit as `capacity` counts it, each
# resource on a line, the one that runs out first marked with >.
json=$("$MP" capacity --format json --host demo:ac922 "$socket0")
fits=$(echo "$json" | jq -r .fits)
is "$fits" 2 "capacity json: two socket-0 guests fit"
tui_start 80 24 --host demo:ac922 "$socket0"
keys K
see "Capacity: guests like pseries-ac922-socket0 on host demo:ac922" "K opens capacity"
see "Guests of this shape that fit: $fits" "the fits number of capacity --format json"
see "Runs out first: IOMMU groups like group 5" "what runs out first"
ram_fits=$(echo "$json" | jq -r '.resources[] | select(.id == "ram") | .fits')
like "$(screen | grep -F 'Host RAM')" "64 GiB       $ram_fits" "RAM line: 64 GiB per guest, $ram_fits fit"
like "$(screen | grep -F '> IOMMU groups')" "2 " "the GPU group line is marked"
keys Escape
# The view follows the planner's edits: at 300 GiB RAM runs out first.
sed "s|<memory unit='GiB'>64</memory>|<memory unit='GiB'>300</memory>|" "$socket0" > "$TMPDIR_TEST/big.xml"
fits=$("$MP" capacity --format json --host demo:ac922 "$TMPDIR_TEST/big.xml" | jq -r .fits)
is "$fits" 1 "capacity json: one 300 GiB guest fits"
keys m C-u
type_text 300G
keys Enter
see "Memory [m]     300 GiB" "memory set to 300 GiB"
keys K
see "Guests of this shape that fit: $fits" "after the edit: capacity's number for 300 GiB"
see "Runs out first: Host RAM" "and RAM runs out first"
see "> Host RAM" "the RAM line is marked"
# Without host facts nothing can be counted; the notes say why.
tui_start 80 24 --host none "$socket0"
keys K
see "Capacity: unknown (no host facts to count)." "no host facts: unknown"
see "host RAM is unknown" "a note says what is missing"

# Running guests: stand-in processes named like QEMU, listed with their
# limit, VmLck, VmPin and headroom; r looks again.
trap 'tm kill-server >/dev/null 2>&1; standin_stop_all; rm -rf "$TMPDIR_TEST"' EXIT
start_qemu() { standin_start "$TMPDIR_TEST" "$@" || fail "stand-in $1 started"; } # EXE-NAME ARGS...
start_qemu qemu-system-ppc64 -name guest=tuiview-near,debug-threads=on --limit 1048576 --lock 1000
pid_near=$(echo $STANDIN_PIDS | awk '{print $1}')
start_qemu qemu-kvm -name tuiview-calm --limit 2097152 --lock 256
pid_calm=$(echo $STANDIN_PIDS | awk '{print $2}')
row() { screen | grep -F " $1 " | head -n 1; }
tui_start 80 24 --host demo:ac922 "$socket0"
keys G
see "QEMU processes running on this machine" "G opens the running guests"
see "Esc Close  Up/Down Scroll  r Refresh" "the footer offers r"
see "tuiview-near" "the stand-in qemu-system-ppc64 is listed by its -name guest="
like "$(row tuiview-near)" "$pid_near " "with its pid"
like "$(row tuiview-near)" "1 MiB" "its limit from /proc/PID/limits"
like "$(row tuiview-near)" "1000 KiB" "its VmLck"
like "$(row tuiview-near)" "24 KiB ⚠" "headroom 1 MiB - 1000 KiB, near the limit"
see "locked memory is at 90% or more of the limit" "the near-limit warning"
like "$(row tuiview-calm)" "$pid_calm " "the qemu-kvm stand-in by -name NAME"
like "$(row tuiview-calm)" "256 KiB" "its VmLck"
like "$(row tuiview-calm)" "1.75 MiB" "its headroom: 2 MiB - 256 KiB"
case "$(row tuiview-calm)" in *⚠*) fail "25 % locked is not near the limit" ;; *) ok "25 % locked is not near the limit" ;; esac
start_qemu qemu-system-x86_64 -name guest=tuiview-late --limit 1048576
not_see "tuiview-late" "a guest started later is not listed yet"
keys r
see "tuiview-late" "r lists it"
see "Refreshed:" "r says it looked again"
kill $pid_near
wait $pid_near 2>/dev/null
keys r
gone "tuiview-near" "r drops a guest that stopped"
keys Escape
see "Memory-locking limit" "Esc closes the guests view"

plan_done

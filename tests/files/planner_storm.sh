#!/bin/sh
# Key and resize storms through the headless planner (MEMLOCK_PLANNER_SCRIPT):
# every key the planner lists (--list-keys, all modes), typed text with
# control bytes, and resizes down to 1x1 and up to 300x100, interleaved at
# random from a seed. The planner must end the script alive (exit 0) and
# draw its screen; in the sanitizer build any memory error fails the run.
# STORM_SEED=N replays a run; STORM_ITEMS=200000 is a long one.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
seed=${STORM_SEED:-20261207}
items=${STORM_ITEMS:-10000}
diag "STORM_SEED=$seed STORM_ITEMS=$items"
xml="$srcdir/tests/data/calc/worked-pseries-64g-nv2-1phb.xml"
cp "$xml" "$t/guest.xml"
# Key names (second column), without the quitting ones (q, F10): the
# script's end is the planner's.
"$MP" --list-keys | cut -f2 | tr ' ' '\n' | grep -v '^$' | grep -vx 'q' | grep -vx 'F10' | grep -vx 'mouse' |
    sort -u > "$t/keys"
n=$(grep -c . "$t/keys" | tr -d " ")
if [ "$n" -ge 40 ]; then ok "$n key names from --list-keys"; else fail "$n key names from --list-keys"; fi
awk -v seed="$seed" -v n="$items" '
    NR == FNR { key[k++] = $0; next }
    END {
        srand(seed)
        for (i = 0; i < n; i++) {
            r = rand()
            if (r < 0.80) print key[int(rand() * k)]
            else if (r < 0.90) {
                c = int(rand() * 300) + 1; l = int(rand() * 100) + 1
                if (rand() < 0.5) { c = int(rand() * 12) + 1; l = int(rand() * 6) + 1 }
                printf ":resize %dx%d\n", c, l
            } else if (r < 0.97) {
                s = ""
                for (j = int(rand() * 12); j > 0; j--) s = s sprintf("%c", 32 + int(rand() * 95))
                print ":type " s "\033[2J"
            } else print ":dump"
        }
        print ":resize 120x40"
        print "Esc"
        print ":dump"
    }' "$t/keys" /dev/null > "$t/script"
cd "$t" || exit 1
MEMLOCK_PLANNER_SCRIPT="$t/script" LINES=30 COLUMNS=100 timeout 300 \
    "$MP" tui --host demo:ac922 "$t/guest.xml" > "$t/screens" 2> "$t/err"
rc=$?
is "$rc" 0 "the planner lives through $items storm items (exit 0)"
is "$(grep -c . "$t/err" | tr -d ' ')" 0 "nothing on stderr (no sanitizer report)"
[ -s "$t/err" ] && diag "$(head -n 20 "$t/err")"
tail -n 41 "$t/screens" > "$t/last"
is "$(tail -n 1 "$t/last")" "--" "the last screen is dumped"
is "$(awk 'END { print NR }' "$t/last")" 41 "the last screen has 40 rows at 120x40"
plan_done

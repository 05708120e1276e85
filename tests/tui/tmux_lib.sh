# Screen tests: the real binary in a detached tmux session, keys sent with
# send-keys, the screen read back with capture-pane. Source after tests/lib.sh.
if ! command -v tmux >/dev/null 2>&1; then
    echo "1..0 # SKIP tmux is not installed"
    exit 0
fi
abs_srcdir=$(cd "$srcdir" && pwd)
TUI_DATA="$abs_srcdir/tests/tui/data"
GUESTS="$abs_srcdir/data/guests"
# A private server per test script, run and start (a server being killed
# must not race the next one).
TMUX_BASE="mp-tui-$$-$(basename "$0" .sh)"
TMUX_N=0
TMUX_SOCK="$TMUX_BASE-0"
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMPDIR_TEST"' EXIT

# tui_start COLS ROWS ARGS...: starts `memlock-planner tui ARGS` (ARGS without
# spaces), or `$TUI_RUN tui ARGS` when TUI_RUN names a wrapper command. When it exits the pane prints EXIT=<status> and the terminal modes
# that matter (icanon, echo), then waits. Monochrome (NO_COLOR=1) unless
# TUI_COLOR=1.
tui_start() {
    cols=$1 rows=$2
    shift 2
    tm kill-server >/dev/null 2>&1
    TMUX_N=$((TMUX_N + 1))
    TMUX_SOCK="$TMUX_BASE-$TMUX_N"
    tm new-session -d -s mp -x "$cols" -y "$rows" \
        "env $([ "${TUI_COLOR:-}" = 1 ] && echo "-u NO_COLOR" || echo NO_COLOR=1) TERM=xterm-256color LC_ALL=C.UTF-8 LANGUAGE= ${TUI_RUN:-"'$MP'"} tui $*; \
         echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | \
         tr '\n' ' '; echo; sleep 600"
    wait_for_either "F1/? Help" "Terminal too small"
}
screen() { tm capture-pane -p -t mp 2>/dev/null; }
# The screen with its attributes, as SGR escape sequences (tmux's -e).
screen_sgr() { tm capture-pane -e -p -t mp 2>/dev/null; }
keys() { tm send-keys -t mp "$@"; }
# Sends text literally (no key-name lookup).
type_text() { tm send-keys -t mp -l -- "$1"; }

# Waits are hang guards, not speed checks: each polls until the screen is as
# wanted and gives up only after a generous time (default 60 s), so a busy
# machine makes a test slower, never failing.
# wait_for TEXT [TENTHS]: polls the screen until it shows TEXT.
wait_for() {
    n=${2:-600}
    while [ "$n" -gt 0 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
        n=$((n - 1))
    done
    return 1
}
# wait_for_either A B: polls until the screen shows A or B.
wait_for_either() {
    n=600
    while [ "$n" -gt 0 ]; do
        screen | grep -qF -e "$1" -e "$2" && return 0
        sleep 0.1
        n=$((n - 1))
    done
    return 1
}
# wait_gone TEXT: polls until the screen no longer shows TEXT.
wait_gone() {
    n=600
    while [ "$n" -gt 0 ]; do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
        n=$((n - 1))
    done
    return 1
}
# planner_busy: a process in the pane (the planner) is running, not waiting
# for input.
planner_busy() {
    pane=$(tm list-panes -t mp -F '#{pane_pid}' 2>/dev/null)
    [ -n "$pane" ] || return 1
    for p in $(pgrep -P "$pane" 2>/dev/null); do
        case $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null) in
        R*) return 0 ;;
        esac
    done
    return 1
}
# settle: waits until the planner has taken the keys sent and the screen
# holds still (idle planner, two captures 0.3 s apart agree; at most 60 s).
settle() {
    n=200 prev=""
    while [ "$n" -gt 0 ]; do
        cur=$(screen)
        if [ "$cur" = "$prev" ] && ! planner_busy; then return 0; fi
        prev=$cur
        sleep 0.3
        n=$((n - 1))
    done
    return 1
}
# see TEXT NAME: a TAP check that the screen shows TEXT (waiting for it).
see() {
    if wait_for "$1"; then ok "$2"; else fail "$2"; diag "screen:" "$(screen)" "wanted: $1"; fi
}
# not_see TEXT NAME: a TAP check that the settled screen does not show TEXT.
not_see() {
    settle
    if screen | grep -qF -- "$1"; then fail "$2"; diag "screen:" "$(screen)" "unwanted: $1"; else ok "$2"; fi
}
# grouped N: 4320133120 -> 4,320,133,120 (as the result pane shows bytes).
grouped() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
# calc_bytes ARGS...: the first line of `memlock-planner calc`, the limit.
calc_bytes() { "$MP" calc "$@" | head -n 1; }
# see_limit BYTES NAME: the result pane shows exactly BYTES.
see_limit() { see "$(grouped "$1") bytes" "$2"; }
# screen_limit: the byte value the result pane shows now, digits only.
screen_limit() { screen | grep -o '[0-9][0-9,]* bytes' | head -n 1 | tr -d ', bytes'; }

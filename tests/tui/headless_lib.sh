# The planner headless (tui/headless.h): curses into /dev/null, keys from a
# script, screens dumped as text. Source after tests/lib.sh.
# Runs in $HL_DIR (a scratch folder) with short relative file names, so the
# screens do not depend on where the tree is, and RLIMIT_MEMLOCK fixed at
# 64 KiB (the limit pane shows it).
HL_DIR="$TMPDIR_TEST/work"
mkdir -p "$HL_DIR"
HL_MP=$(cd "$(dirname "$MP")" && pwd)/$(basename "$MP")

# headless COLSxROWS "SCRIPT" ARGS...: runs `memlock-planner tui ARGS` with
# the key script; sets OUT (what it dumped), ERR and RC.
headless() {
    hl_size=$1 hl_script=$2
    shift 2
    HL_N=$((${HL_N:-0} + 1))
    printf '%s\n' "$hl_script" >"$TMPDIR_TEST/keys.$HL_N"
    (cd "$HL_DIR" && ulimit -l 64 && \
        MEMLOCK_PLANNER_SCRIPT="$TMPDIR_TEST/keys.$HL_N" LINES=${hl_size#*x} \
        COLUMNS=${hl_size%x*} TERM=xterm-256color NO_COLOR=1 LC_ALL=C.UTF-8 LANGUAGE= \
        timeout 60 "$HL_MP" tui "$@" >"$TMPDIR_TEST/out.$HL_N" 2>"$TMPDIR_TEST/err.$HL_N")
    RC=$?
    OUT=$(cat "$TMPDIR_TEST/out.$HL_N")
    ERR=$(cat "$TMPDIR_TEST/err.$HL_N")
}
# screen_has TEXT NAME / screen_lacks TEXT NAME: on what the last run dumped.
screen_has() {
    case $OUT in
    *"$1"*) ok "$2" ;;
    *) fail "$2"; diag "screen:" "$OUT" "wanted: $1" ;;
    esac
}
screen_lacks() {
    case $OUT in
    *"$1"*) fail "$2"; diag "screen:" "$OUT" "unwanted: $1" ;;
    *) ok "$2" ;;
    esac
}
# The last screen the run dumped (between the last two "--" lines).
last_screen() { printf '%s\n' "$OUT" | awk '/^--$/ { s = buf; buf = ""; next } { buf = buf $0 "\n" } END { printf "%s", s }'; }
# The byte value the result pane of the last screen shows, digits only.
hl_limit() { last_screen | grep -o '[0-9][0-9,]* bytes' | head -n 1 | tr -d ', bytes'; }

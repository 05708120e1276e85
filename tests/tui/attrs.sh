#!/bin/sh
# Attributes on a real terminal (tmux, capture-pane -e): each role's colour
# or emphasis reaches the cells, for text drawn as plain ASCII, as UTF-8
# (tree lines, the ellipsis) and through waddstr for text with a combining
# mark (tui/draw.c, draw_put). The golden screens compare text only.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"
E=$(printf '\033')
# row N: line N (from 1) of the screen with its escape sequences.
row() { screen_sgr | sed -n "${1}p"; }
has_sgr() { # ROW SEQUENCE-AND-TEXT NAME
    r=$(row "$1")
    case $r in
    *"$2"*) ok "$3" ;;
    *) fail "$3"; diag "row $1: $(printf '%s' "$r" | cat -v)" "wanted: $(printf '%s' "$2" | cat -v)" ;;
    esac
}

TUI_COLOR=1 tui_start 100 30 --host demo:ac922 "$GUESTS/pseries-ac922-socket0.xml"
has_sgr 1 "${E}[30m${E}[46m memlock-planner  host demo:ac922" "title bar: black on cyan (ASCII text)"
has_sgr 3 "${E}[1mLimit  576.52 GiB   libvirt 11.3" "the limit: bold"
has_sgr 4 "${E}[30m${E}[46m  └─00:00.0 bridge pcieport" "selected host row: black on cyan (UTF-8 tree lines)"
has_sgr 8 "${E}[1m${E}[36mTerms (size, and why)" "terms heading: bold cyan"
has_sgr 9 "${E}[30m${E}[47mHash page table" "selected term in an unfocused pane: black on white"
has_sgr 10 "${E}[2m  The guest's hash page table: max memory 64 GiB / 1…" "a term's why: dim, cut with an ellipsis (UTF-8)"

# A hard_limit below the need: the limit in red.
keys H
wait_for "hard_limit" || true
type_text 1G
keys Enter
wait_for "under the" || true
has_sgr 3 "${E}[1m${E}[31mLimit  1 GiB" "below the need: the limit bold red"

# A name of wide characters (two columns each), drawn as cells, cut where it
# fits; the same name with a combining mark instead of "é" goes through
# waddstr, which joins the mark to the "e" before it.
name_row() { screen | grep -n '^│Name ' | head -n 1 | cut -d: -f1; }
TUI_COLOR=1 tui_start 80 24 --host demo:ac922 "$TUI_DATA/wide-name.xml"
keys Tab
wait_for "Name" || true
has_sgr "$(name_row)" "Name           测试-gpu-é-ｗｉｄ… " "wide characters in a name: drawn, cut where they fit"
sed "s/gpu-é/gpu-e$(printf '\314\201')/" "$TUI_DATA/wide-name.xml" >"$TMPDIR_TEST/combining-name.xml"
TUI_COLOR=1 tui_start 80 24 --host demo:ac922 "$TMPDIR_TEST/combining-name.xml"
keys Tab
wait_for "Name" || true
has_sgr "$(name_row)" "Name           测试-gpu-e$(printf '\314\201')-ｗｉｄ… " "a combining mark in a name: joined to its letter"

# Monochrome (NO_COLOR): emphasis without colour.
tui_start 100 30 --host demo:ac922 "$GUESTS/pseries-ac922-socket0.xml"
has_sgr 1 "${E}[7m memlock-planner  host demo:ac922" "monochrome title: reverse"
has_sgr 3 "${E}[1mLimit  576.52 GiB" "monochrome limit: bold"
plan_done

#!/bin/sh
# Translations: every catalog complete and valid; the CLI and the TUI speak
# pt_BR and de; machine formats do not change with the locale; the TUI's
# panes hold at 80x24 in every language.
. "$srcdir/tests/lib.sh"
abs_srcdir=$(cd "$srcdir" && pwd)
guest="$abs_srcdir/data/guests/pseries-ac922-socket0.xml"
langs=$(sed 's/#.*//' "$srcdir/po/LINGUAS" | tr -s ' \n' '  ')
for want in pt_BR de; do
    case " $langs " in
    *" $want "*) ok "po/LINGUAS lists $want" ;;
    *) fail "po/LINGUAS lists $want"; diag "LINGUAS: $langs" ;;
    esac
done

loc="$TMPDIR_TEST/locale"
for l in $langs; do
    mkdir -p "$loc/$l/LC_MESSAGES"
    stats=$(LC_ALL=C msgfmt --check --statistics -o "$loc/$l/LC_MESSAGES/memlock-planner.mo" \
        "$srcdir/po/$l.po" 2>&1)
    is "$?" 0 "msgfmt --check $l.po"
    case "$stats" in
    *fuzzy* | *untranslated*) fail "$l.po is complete"; diag "$stats" ;;
    *" translated message"*) ok "$l.po is complete: $stats" ;;
    *) fail "$l.po statistics"; diag "$stats" ;;
    esac
done

# Every message in the sources has a translation (the catalogs are not stale).
sed 's/#.*//; /^$/d' "$srcdir/po/POTFILES.in" >"$TMPDIR_TEST/potfiles"
if xgettext --directory="$srcdir" --files-from="$TMPDIR_TEST/potfiles" --keyword=_ --keyword=N_ \
    --keyword=P_:1,2 --keyword=NP_:1,2 --from-code=UTF-8 --omit-header -o "$TMPDIR_TEST/sources.pot" 2>"$TMPDIR_TEST/xg.err"; then
    ok "xgettext reads the sources ($(grep -c '^msgid ' "$TMPDIR_TEST/sources.pot") messages)"
else
    fail "xgettext reads the sources"; sed 's/^/# /' "$TMPDIR_TEST/xg.err"
fi
for l in $langs; do
    if msgcmp "$srcdir/po/$l.po" "$TMPDIR_TEST/sources.pot" >"$TMPDIR_TEST/cmp" 2>&1; then
        ok "$l.po translates every message of the sources"
    else
        fail "$l.po translates every message of the sources"
        head -n 20 "$TMPDIR_TEST/cmp" | sed 's/^/# /'
    fi
done

locale_of() { case $1 in pt_BR) echo pt_BR.UTF-8 ;; de) echo de_DE.UTF-8 ;; *) echo "$1.UTF-8" ;; esac; }
has_locale() { locale -a 2>/dev/null | grep -qix "$(echo "$1" | sed 's/UTF-8/utf8/')"; }
# translation LANG MSGID: what the catalog says for MSGID (escapes as in C).
translation() {
    LC_ALL=$(locale_of "$1") LANGUAGE=$1 TEXTDOMAINDIR="$loc" gettext -e -d memlock-planner "$2"
}
in_lang() {
    l=$1
    shift
    env MEMLOCK_PLANNER_LOCALEDIR="$loc" LC_ALL="$(locale_of "$l")" LANGUAGE="$l" "$MP" "$@"
}

"$MP" calc --host demo:ac922 --format json "$guest" >"$TMPDIR_TEST/c.json"
for l in pt_BR de; do
    case " $langs " in *" $l "*) ;; *) continue ;; esac
    if ! has_locale "$(locale_of "$l")"; then
        skip "$l: locale $(locale_of "$l") is not installed (scripts/install-deps.sh makes it)"
        continue
    fi
    terms=$(translation "$l" 'Terms:\n')
    [ "$terms" != "Terms:" ] && ok "$l: 'Terms:' is translated ($terms)" || fail "$l: 'Terms:' is translated"
    out=$(in_lang "$l" calc --host demo:ac922 "$guest")
    like "$out" "$terms" "$l: calc speaks $l"
    is "$(printf '%s\n' "$out" | head -n 1)" "$(head -n 1 "$TMPDIR_TEST/c.json" >/dev/null; "$MP" calc --host demo:ac922 "$guest" | head -n 1)" \
        "$l: the first line (bytes) is the same number"
    in_lang "$l" calc --host demo:ac922 --format json "$guest" >"$TMPDIR_TEST/c-$l.json"
    if cmp -s "$TMPDIR_TEST/c.json" "$TMPDIR_TEST/c-$l.json"; then ok "$l: JSON is the same as in C"; else
        fail "$l: JSON is the same as in C"; diff "$TMPDIR_TEST/c.json" "$TMPDIR_TEST/c-$l.json" | head | sed 's/^/# /'; fi
    in_lang "$l" probe --host demo:ac922 --format xml >"$TMPDIR_TEST/h-$l.xml"
    "$MP" probe --host demo:ac922 --format xml >"$TMPDIR_TEST/h.xml"
    cmp -s "$TMPDIR_TEST/h.xml" "$TMPDIR_TEST/h-$l.xml" && ok "$l: snapshot XML is the same as in C" ||
        fail "$l: snapshot XML is the same as in C"
    like "$(in_lang "$l" --help)" "$(translation "$l" 'Commands:\n')" "$l: --help is translated"
    in_lang "$l" calc --host demo:ac922 /nonexistent.xml >/dev/null 2>"$TMPDIR_TEST/err"
    is "$?" 2 "$l: a missing file still exits 2"
    is "$(wc -l <"$TMPDIR_TEST/err" | tr -d ' ')" 1 "$l: one error line"

    # The TUI at 80x24: translated title, boxes closed at the right edge.
    if ! command -v tmux >/dev/null 2>&1; then
        skip "$l: tmux is not installed"
        continue
    fi
    sock="mp-i18n-$$-$l"
    title=$(translation "$l" 'Memory-locking limit')
    tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
        "env TERM=xterm-256color NO_COLOR=1 MEMLOCK_PLANNER_LOCALEDIR='$loc' LC_ALL=$(locale_of "$l") LANGUAGE=$l '$MP' tui --host demo:ac922 '$guest'; sleep 600"
    n=100
    while [ $n -gt 0 ] && ! tmux -L "$sock" capture-pane -p | grep -qF -- "$(printf '%s' "$title" | cut -c1-12)"; do
        sleep 0.1
        n=$((n - 1))
    done
    scr=$(tmux -L "$sock" capture-pane -p)
    like "$scr" "$(printf '%s' "$title" | cut -c1-12)" "$l: TUI shows the limit pane's title in $l"
    top=$(printf '%s\n' "$scr" | sed -n 2p)
    case "$top" in
    "┌"*"┐┌"*"┐") ok "$l: TUI top borders close at the right edge" ;;
    *) fail "$l: TUI top borders close at the right edge"; printf '%s\n' "$scr" | sed 's/^/# /' ;;
    esac
    broken=$(printf '%s\n' "$scr" | sed -n '3,20p' | grep -c -v -e '^[│┌└].*[│┐┘]$' || true)
    is "$broken" 0 "$l: TUI pane rows end in a border at 80 columns"
    digits=$(grep -o '"limit_bytes": [0-9]*' "$TMPDIR_TEST/c.json" | grep -o '[0-9]*$')
    printf '%s\n' "$scr" | tr -d ',. \302\240' | grep -q "$digits" && ok "$l: TUI shows the same limit bytes" ||
        { fail "$l: TUI shows the same limit bytes"; printf '%s\n' "$scr" | sed 's/^/# /'; }
    tmux -L "$sock" kill-server >/dev/null 2>&1
done
plan_done

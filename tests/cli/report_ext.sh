#!/bin/sh
# report -o picks the format from the file's extension, as the planner's x
# does; an extension that names no format is refused with the list, and
# --format must not disagree with it.
. "$srcdir/tests/lib.sh"
g="$srcdir/data/guests/pseries-ac922-socket0.xml"
d="$TMPDIR_TEST"
rep() { run_mp report --host demo:ac922 "$@" "$g"; }

rep -o "$d/plan.md"
is "$RC" 0 "-o plan.md: exit 0"
"$MP" report --host demo:ac922 --format md "$g" > "$d/md.expected"
cmp -s "$d/plan.md" "$d/md.expected" && ok "plan.md is the Markdown report" || fail "plan.md is the Markdown report"
rep -o "$d/plan.json"
is "$(jq -r '.guests | length' "$d/plan.json")" 1 "plan.json is JSON"
rep -o "$d/plan.HTML"
like "$(head -n 1 "$d/plan.HTML")" "<!DOCTYPE html>" "plan.HTML is HTML (any case)"
rep -o "$d/plan.htm"
like "$(head -n 1 "$d/plan.htm")" "<!DOCTYPE html>" "plan.htm is HTML"
rep -o "$d/plan.txt"
"$MP" report --host demo:ac922 "$g" > "$d/stdout.txt"
cmp -s "$d/plan.txt" "$d/stdout.txt" && ok "plan.txt is the text report" || fail "plan.txt is the text report"
rep -o "$d/plan"
cmp -s "$d/plan" "$d/stdout.txt" && ok "no extension: text" || fail "no extension: text"

rep -o "$d/plan.pdf"
is "$RC" 2 "-o plan.pdf: exit 2"
is "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" 1 "-o plan.pdf: one line"
like "$ERR" "not a report extension (.txt, .md, .json, .html)" "-o plan.pdf: the extensions listed"
[ -e "$d/plan.pdf" ] && fail "-o plan.pdf: no file written" || ok "-o plan.pdf: no file written"
rep --format json -o "$d/plan.out"
is "$(jq -r '.guests | length' "$d/plan.out")" 1 "--format json -o plan.out: JSON, as asked"
rep --format json -o "$d/other.html"
is "$RC" 2 "--format json -o other.html: refused"
like "$ERR" "the extension says another format than --format json" "the disagreement said"
rep --format html -o "$d/agree.html"
is "$RC" 0 "--format html -o agree.html: fine"

# The planner's x: the same rule (headless planner).
printf 'x Ctrl-U\n:type %s/x.pdf\nEnter :dump Esc\n' "$d" > "$d/x.keys"
out=$(cd "$d" && MEMLOCK_PLANNER_SCRIPT="$d/x.keys" LINES=24 COLUMNS=100 TERM=xterm-256color \
    NO_COLOR=1 timeout 60 "$MP" tui --host demo:ac922 "$g" 2>&1)
like "$out" "x.pdf: not a report extension (.txt, .md, .json, .html)" "planner x: x.pdf refused with the list"
[ -e "$d/x.pdf" ] && fail "planner x: no x.pdf written" || ok "planner x: no x.pdf written"
# Over an existing file the planner asks first: n keeps it, y replaces it.
echo old > "$d/exists.md"
printf 'x Ctrl-U\n:type %s/exists.md\nEnter :dump n :dump\n' "$d" > "$d/n.keys"
out=$(cd "$d" && MEMLOCK_PLANNER_SCRIPT="$d/n.keys" LINES=24 COLUMNS=100 TERM=xterm-256color \
    NO_COLOR=1 timeout 60 "$MP" tui --host demo:ac922 "$g" 2>&1)
like "$out" "exists.md exists. Replace it? (y/n)" "planner x over a file: it asks"
like "$out" "Not written." "planner x, n: not written"
is "$(cat "$d/exists.md")" old "planner x, n: the file is as it was"
printf 'x Ctrl-U\n:type %s/exists.md\nEnter y :dump\n' "$d" > "$d/y.keys"
out=$(cd "$d" && MEMLOCK_PLANNER_SCRIPT="$d/y.keys" LINES=24 COLUMNS=100 TERM=xterm-256color \
    NO_COLOR=1 timeout 60 "$MP" tui --host demo:ac922 "$g" 2>&1)
like "$(cat "$d/exists.md")" "| Term |" "planner x, y: replaced with the Markdown report"
plan_done

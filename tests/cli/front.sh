#!/bin/sh
# The common front of every subcommand (src/cli_front.c): bad input is one
# line on stderr, nothing on stdout and exit status 2, whichever command and
# option; --help and --host list work for every command that has them.
. "$srcdir/tests/lib.sh"
guest="$srcdir/data/guests/pseries-ac922-socket0.xml"

# one_line NAME ARGS...: the planner refuses ARGS with one stderr line, exit 2.
one_line() {
    name=$1
    shift
    run_mp "$@" </dev/null
    lines=$(printf '%s\n' "$ERR" | grep -c .)
    if [ "$RC" -eq 2 ] && [ "$lines" -eq 1 ] && [ -z "$OUT" ]; then
        ok "$name: one line, exit 2"
    else
        fail "$name: one line, exit 2"
        diag "exit $RC, $lines stderr lines, stdout: $(printf '%s' "$OUT" | head -c 200)" "$ERR"
    fi
}

cmds=$("$MP" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }')
case " $(echo $cmds) " in
*" calc "*" tui "*) ok "--help lists the commands: $(echo $cmds)" ;;
*) fail "--help lists the commands"; diag "$cmds" ;;
esac

for c in $cmds; do
    run_mp "$c" --help
    if [ "$RC" -eq 0 ] && [ -z "$ERR" ]; then
        case "$OUT" in
        "Usage: "*"  -h, --help "*) ok "$c --help: usage on stdout, exit 0" ;;
        *) fail "$c --help: usage on stdout, exit 0"; diag "$OUT" ;;
        esac
    else
        fail "$c --help: exit 0, nothing on stderr"; diag "exit $RC" "$ERR"
    fi
    help=$OUT
    one_line "$c --no-such-option" "$c" --no-such-option "$guest"
    one_line "$c -Z" "$c" -Z "$guest"
    one_line "$c --help=x" "$c" --help=x
    like "$ERR" "memlock-planner $c --help" "$c: the line says where help is"
    # Every option of the command's --help that takes an argument, given none.
    for opt in $(printf '%s\n' "$help" | grep -oE -- '--[a-z-]+ [A-Z]+' | cut -d' ' -f1 | sort -u); do
        one_line "$c $opt without its argument" "$c" "$guest" "$opt"
    done
    # Every flag, given a value.
    for opt in $(printf '%s\n' "$help" | grep -E -- '^ +(-., )?--[a-z-]+ +[a-z]' | grep -oE -- '--[a-z-]+' | grep -v -- '--help'); do
        one_line "$c $opt=x (a flag)" "$c" "$opt=x" "$guest"
    done
    case "$help" in
    *"--host SOURCE"*)
        run_mp "$c" --host list
        is "$RC $(printf '%s\n' "$OUT" | grep -c '^demo:')" "0 $("$MP" probe --host list | grep -c '^demo:')" \
            "$c --host list: the demo hosts, exit 0"
        one_line "$c --host demo:nonexistent" "$c" --host demo:nonexistent "$guest"
        ;;
    esac
    case "$help" in
    *"--format FORMAT"*) one_line "$c --format nonsense" "$c" --format nonsense "$guest" ;;
    esac
    case "$help" in
    *"--libvirt VERSION"*) one_line "$c --libvirt 0.1" "$c" --host demo:ac922 --libvirt 0.1 "$guest" ;;
    esac
    # Wrong number of file arguments: none, or three.
    case "$help" in
    *"Usage: "*"GUEST.xml"*)
        one_line "$c with a missing file" "$c" --host demo:ac922 "$TMPDIR_TEST/missing.xml" ;;
    esac
    if [ "$c" = report ]; then
        # report names every guest it cannot read (a line each) and goes on with the others.
        run_mp "$c" --host demo:ac922 "$TMPDIR_TEST/a.xml" b.xml c.xml </dev/null
        is "$RC $(printf '%s\n' "$ERR" | grep -c .) $(printf %s "$OUT" | wc -c)" "2 3 0" \
            "$c with three missing files: a line each, exit 2, nothing written"
    else
        one_line "$c with three files" "$c" --host demo:ac922 "$TMPDIR_TEST/a.xml" b.xml c.xml
    fi
done

# calc, report, apply, compare, map, capacity need their file.
for c in calc report apply compare map capacity; do
    one_line "$c without a file" "$c" --host demo:ac922 -o "$TMPDIR_TEST/x"
done
one_line "apply without -o" apply --host demo:ac922 "$guest"
one_line "record -o ''" record --host demo:ac922 -o ''
one_line "tour --step 0" tour --step 0
one_line "tour --step x" tour --step x

# The planner is the default: options without a command, or a guest file.
one_line "an unknown command" calcc
one_line "an unknown option without a command" --no-such-option
run_mp --host list
is "$RC" 0 "--host list without a command: the planner's front lists the demo hosts"
one_line "a missing guest file opens the planner (a new guest for it)" "$TMPDIR_TEST/nosuch.xml"
like "$ERR" "needs a terminal" "  without a terminal the planner says it needs one"
one_line "an unreadable guest file is refused" "$TMPDIR_TEST"
like "$ERR" "$TMPDIR_TEST" "  naming it"
one_line "a guest file opens the planner (no terminal here)" "$guest" --host demo:ac922
like "$ERR" "needs a terminal" "  the planner says it needs a terminal"
one_line "a guest file with an option the planner lacks" "$guest" --format json

plan_done

#!/bin/sh
# Every user-named input goes through one reader (core/input_file.c): a FIFO
# with no writer is refused at once (no hang), folders and devices are
# refused, sizes are bounded, "-" is standard input, and every reader says so
# in the same words.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
odd="$srcdir/tests/report/data/odd.xml"
mkfifo "$t/fifo"
"$MP" record --host demo:ac922 -o "$t/host.snap" || fail "record a snapshot"

# run_hang CMD...: run_mp under a hang guard (exit 124 when it hangs).
run_hang() {
    timeout 60 "$MP" "$@" >"$t/out" 2>"$t/err" </dev/null
    RC=$?
    ERR=$(cat "$t/err")
}
refused() { # WHAT NEEDLE NAME
    is "$RC" 2 "$3: exit 2 (no hang)"
    is "$(printf '%s\n' "$ERR" | grep -c .)" 1 "$3: one message"
    like "$ERR" "$2" "$3: says why"
    like "$ERR" "expected $1" "$3: says what was expected"
}

# The guest XML readers: calc, compare, map, capacity, report, apply.
for cmd in "calc --host none" "compare" "map --host demo:ac922" "capacity --host demo:ac922" \
           "report --host none" "apply --host none -o $t/applied.xml"; do
    name=${cmd%% *}
    run_hang $cmd "$t/fifo"
    refused "a domain XML file" "no writer" "$name: FIFO with no writer"
    run_hang $cmd "$t"
    refused "a domain XML file" "is a directory" "$name: a folder"
    run_hang $cmd /dev/zero
    refused "a domain XML file" "is a device" "$name: a device"
done
# The log reader (explain), where it is built.
if "$MP" explain --help > /dev/null 2>&1; then
    run_hang explain "$t/fifo"
    refused "a log" "no writer" "explain: FIFO with no writer"
    run_hang explain "$t"
    refused "a log" "is a directory" "explain: a folder"
    run_hang explain /dev/zero
    refused "a log" "is a device" "explain: a device"
fi
# The host snapshot reader (--host FILE).
run_hang probe --host "$t/fifo"
refused "a host snapshot" "no writer" "--host: FIFO with no writer"
run_hang calc --host "$t" "$g"
refused "a host snapshot" "is a directory" "--host: a folder"
run_hang calc --host /dev/zero "$g"
refused "a host snapshot" "is a device" "--host: a device"

# Sizes: refused from the file's size, before reading.
truncate -s 17M "$t/big.xml"
run_hang calc --host none "$t/big.xml"
refused "a domain XML file" "larger than 16 MiB" "guest XML over the bound"
truncate -s 65M "$t/big.snap"
run_hang probe --host "$t/big.snap"
refused "a host snapshot" "larger than 64 MiB" "snapshot over the bound"

# A FIFO with a writer, "-" and /dev/stdin are read.
want=$("$MP" calc --host none "$g")
# through_fifo FILE CMD...: CMD reads FILE through the FIFO. A FIFO whose writer
# has not opened it yet reads as "no writer" and is refused at once (by design);
# on a loaded machine the writer may be late, so a refusal is tried again, and
# a writer left waiting is ended rather than waited for.
through_fifo() {
    src=$1; shift
    timeout 60 cat "$src" > "$t/fifo" &
    writer=$!
    n=0
    while :; do
        timeout 60 "$MP" "$@" "$t/fifo" > "$t/fifo.out" 2>&1 && break
        n=$((n + 1)); [ $n -lt 100 ] || break
        sleep 0.1
    done
    kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null
    cat "$t/fifo.out"
}
is "$(through_fifo "$g" calc --host none)" "$want" "FIFO with a writer: read"
is "$(timeout 60 "$MP" calc --host none - < "$g")" "$want" "-: standard input"
is "$(cat "$g" | timeout 60 "$MP" calc --host none /dev/stdin)" "$want" "/dev/stdin, a pipe: read"
through_fifo "$t/host.snap" probe --host > "$t/out"
like "$(cat "$t/out")" "IBM AC922" "snapshot through a FIFO with a writer: read"
# Standard input that is a folder.
timeout 60 "$MP" calc --host none - < "$t" > /dev/null 2> "$t/err"
is "$?" 2 "-: a folder on standard input refused"
like "$(cat "$t/err")" "<stdin>: is a directory" "-: named <stdin>"
plan_done

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
cat "$g" > "$t/fifo" &
is "$(timeout 60 "$MP" calc --host none "$t/fifo")" "$want" "FIFO with a writer: read"
wait
is "$(timeout 60 "$MP" calc --host none - < "$g")" "$want" "-: standard input"
is "$(cat "$g" | timeout 60 "$MP" calc --host none /dev/stdin)" "$want" "/dev/stdin, a pipe: read"
cat "$t/host.snap" > "$t/fifo" &
timeout 60 "$MP" probe --host "$t/fifo" > "$t/out" 2>&1
is "$?" 0 "snapshot through a FIFO with a writer: read"
wait
# Standard input that is a folder.
timeout 60 "$MP" calc --host none - < "$t" > /dev/null 2> "$t/err"
is "$?" 2 "-: a folder on standard input refused"
like "$(cat "$t/err")" "<stdin>: is a directory" "-: named <stdin>"
plan_done

#!/bin/sh
# Bad input: exit 2 with one line on stderr naming the file and the problem.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"

expect_input_error() { # NAME EXPECTED-TEXT ARGS...
    name=$1; want=$2; shift 2
    run_mp "$@"
    lines=$(printf '%s\n' "$ERR" | grep -c .)
    if [ "$RC" -eq 2 ] && [ "$lines" -eq 1 ] && [ -z "$OUT" ]; then
        like "$ERR" "$want" "$name: exit 2, one line: $want"
    else
        fail "$name: exit 2 with one line (got exit $RC, $lines lines)"
        diag "$ERR" "$OUT"
    fi
}

printf '<domain type="kvm"><name>x</name><memory>1' > "$t/truncated.xml"
expect_input_error "truncated XML" "truncated.xml" calc --host none "$t/truncated.xml"
printf '<domain type="kvm"><memory unit="GX">1</memory></domain>' > "$t/unit.xml"
expect_input_error "unknown unit" "unit.xml" calc --host none "$t/unit.xml"
printf '<domain type="kvm"><memory>-5</memory></domain>' > "$t/neg.xml"
expect_input_error "negative size" "neg.xml" calc --host none "$t/neg.xml"
printf '<domain type="kvm"><memory unit="EiB">9</memory></domain>' > "$t/huge.xml"
expect_input_error "huge size" "huge.xml" calc --host none "$t/huge.xml"
printf '<domain type="kvm"><memory unit="b">9223372036854775000</memory><os><type arch="ppc64">hvm</type></os></domain>' > "$t/align.xml"
expect_input_error "overflow after alignment" "overflowed after alignment" calc --host none "$t/align.xml"
printf '<domain type="kvm"><name>x</name></domain>' > "$t/nomem.xml"
expect_input_error "no memory" "nomem.xml" calc --host none "$t/nomem.xml"
: > "$t/empty.xml"
expect_input_error "empty file" "empty.xml" calc --host none "$t/empty.xml"
expect_input_error "missing file" "no-such.xml" calc --host none "$t/no-such.xml"
expect_input_error "a directory" "$t" calc --host none "$t"
expect_input_error "unknown --libvirt" "--libvirt 4.0" calc --host none --libvirt 4.0 "$t/empty.xml"
expect_input_error "unknown --format" "--format yaml" calc --host none --format yaml "$t/empty.xml"
expect_input_error "two files" "exactly one" calc --host none a.xml b.xml
expect_input_error "unknown command" "unknown command" frobnicate
plan_done

#!/bin/sh
# Runs each fuzz target briefly over a copy of its seed corpus (TAP).
# FUZZ_RUNS sets the number of executions per target (default 20000).
. "$srcdir/tests/lib.sh"
for target in size guest_xml host_snapshot dt_prop pci_uevent libvirt_version guest_xml_write qemu_log host_conf; do
    bin="$top_builddir/tests/fuzz/${target}_fuzz"
    corpus="$TMPDIR_TEST/$target"
    mkdir -p "$corpus"
    # The writer starts from the loader's seeds.
    seeds=$target
    [ "$target" = guest_xml_write ] && seeds=guest_xml
    cp "$srcdir/tests/fuzz/corpus/$seeds/"* "$corpus/"
    if "$bin" -runs="${FUZZ_RUNS:-20000}" -max_len=65536 -artifact_prefix="$TMPDIR_TEST/" "$corpus" >"$TMPDIR_TEST/$target.log" 2>&1; then
        ok "$target: $(grep -o 'Done [0-9]* runs' "$TMPDIR_TEST/$target.log")"
    else
        fail "$target fuzzer found a crash"
        tail -n 40 "$TMPDIR_TEST/$target.log" | sed 's/^/# /'
    fi
done
plan_done

#!/bin/sh
# apply: the guest XML back with the computed hard_limit and not one other
# byte changed; the input untouched unless -o names it. (--headroom 0:
# libvirt's own figure, so that calc reads the same value back.)
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
data="$srcdir/tests/report/data"
calc="$srcdir/tests/data/calc"

cp "$data/odd.xml" "$t/odd.xml"
run_mp apply --host none --headroom 0 "$t/odd.xml" -o "$t/new.xml"
is "$RC" 0 "odd.xml: exit 0"
is "$OUT" "$t/new.xml: hard_limit 5242880 KiB (5 GiB)" "odd.xml: says what it wrote"
if cmp -s "$data/odd.xml" "$t/odd.xml"; then ok "odd.xml: input untouched"; else fail "odd.xml: input untouched"; fi
# The whole difference: three added lines after <memory>, nothing else.
diff "$t/odd.xml" "$t/new.xml" > "$t/diff"
is "$(cat "$t/diff")" "8a9,11
>   <memtune>
>     <hard_limit unit='KiB'>5242880</hard_limit>
>   </memtune>" "odd.xml: only hard_limit added, indented like its neighbours"
if cmp -s "$t/new.xml" "$data/odd-applied.xml"; then ok "odd.xml: byte for byte as expected"; else
    fail "odd.xml: byte for byte as expected"; fi
if xmllint --noout "$t/new.xml" 2>/dev/null; then ok "odd.xml: result well-formed"; else fail "odd.xml: result well-formed"; fi
# The planner reads its own output: the limit is now the hard_limit, same value.
is "$("$MP" calc --host none --format json "$t/new.xml" | jq -r '.rule + " " + (.limit_kib|tostring)')" \
    "hard_limit 5242880" "odd.xml: calc reads back the hard_limit"
# Applying again changes nothing.
run_mp apply --host none --headroom 0 "$t/new.xml" -o "$t/again.xml"
if cmp -s "$t/new.xml" "$t/again.xml"; then ok "apply twice: same bytes"; else fail "apply twice: same bytes"; fi

# An existing hard_limit (too low, other unit, other quotes) is replaced in place.
sed "s|  <vcpu|  <memtune>\n    <!-- set by hand -->\n    <hard_limit unit=\"G\">2</hard_limit>\n    <soft_limit unit='KiB'>1024</soft_limit>\n  </memtune>\n  <vcpu|" \
    "$data/odd.xml" > "$t/tuned.xml"
run_mp apply --host none --headroom 0 "$t/tuned.xml" -o "$t/tuned-new.xml"
is "$RC" 0 "existing hard_limit: exit 0"
is "$(diff "$t/tuned.xml" "$t/tuned-new.xml")" "11c11
<     <hard_limit unit=\"G\">2</hard_limit>
---
>     <hard_limit unit='KiB'>5242880</hard_limit>" "existing hard_limit: that line alone changes"

# -o names the input: allowed, and the file is replaced whole.
cp "$data/odd.xml" "$t/inplace.xml"
run_mp apply --host none --headroom 0 "$t/inplace.xml" -o "$t/inplace.xml"
is "$RC" 0 "-o the input: exit 0"
if cmp -s "$t/inplace.xml" "$data/odd-applied.xml"; then ok "-o the input: replaced with the edit"; else
    fail "-o the input: replaced with the edit"; fi

# -o - writes to standard output.
"$MP" apply --host none --headroom 0 "$data/odd.xml" -o - > "$t/stdout.xml"
if cmp -s "$t/stdout.xml" "$data/odd-applied.xml"; then ok "-o -: the edit on stdout"; else fail "-o -: the edit on stdout"; fi

# A worked NVLink2 guest on the demo AC922.
cp "$calc/worked-pseries-64g-nv2-1phb.xml" "$t/nv2.xml"
run_mp apply --host demo:ac922 --headroom 0 "$t/nv2.xml" -o "$t/nv2-new.xml"
want=$("$MP" calc --host demo:ac922 --format json "$t/nv2.xml" | jq -r .limit_kib)
like "$(cat "$t/nv2-new.xml")" "<hard_limit unit='KiB'>$want</hard_limit>" "nv2: calc's limit written"

# Refusals: exit 2, one message, nothing written.
run_mp apply --host none "$calc/pseries-kvm.xml" -o "$t/small.xml"
is "$RC" 2 "20 MiB for a 1 GiB guest: refused"
is "$(printf '%s\n' "$ERR" | grep -c .)" 1 "  one message"
like "$ERR" "cap the guest's memory" "  says why"
if [ -e "$t/small.xml" ]; then fail "  nothing written"; else ok "  nothing written"; fi
# <locked/>: a hard_limit keeps it bounded (max memory + the default 1 GiB headroom).
run_mp apply --host none "$calc/pc-locked.xml" -o "$t/locked.xml"
is "$RC" 0 "<locked/>: a hard_limit is written"
like "$OUT" "the guest keeps <locked/>; libvirt now sets the memory-locking limit to this hard_limit" \
    "  says what that does"
like "$(cat "$t/locked.xml")" "<hard_limit unit='KiB'>2097152</hard_limit>" "  1 GiB of memory + 1 GiB headroom"
run_mp apply --host none "$data/odd.xml"
is "$RC" 2 "no -o: exit 2"
like "$ERR" "needs -o" "  says -o is needed"
run_mp apply --host none "$srcdir/tests/hostile/billion-laughs.xml" -o "$t/bl.xml"
is "$RC" 2 "billion laughs: exit 2"
if [ -e "$t/bl.xml" ]; then fail "  nothing written"; else ok "  nothing written"; fi
run_mp apply --host none "$srcdir/tests/hostile/xxe-file.xml" -o "$t/xxe.xml"
is "$RC" 2 "external entity: exit 2"
case "$ERR$OUT" in *root:*) fail "  nothing of /etc/passwd" ;; *) ok "  nothing of /etc/passwd" ;; esac
plan_done

#!/bin/sh
# --connect over many domains: `report --connect URI --all --format json` on
# libvirt's test driver holding LIBVIRT_BENCH_DOMAINS (default 1,000) domains
# from bench/gen-guests.sh, against one virsh session that dumps each of them
# (`dumpxml NAME` x N on standard input): the peer does only the libvirt
# part. Both open the same node file, so both pay for the test driver parsing
# it. The two run alternately BENCH_REPEAT times (default 5); best wall and
# CPU times and their ratio are printed.
. "$(dirname "$0")/lib.sh"
n=${LIBVIRT_BENCH_DOMAINS:-1000}
repeat=${BENCH_REPEAT:-5}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/memlock-planner-bench}/libvirt-$n
dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
command -v virsh >/dev/null || { echo "libvirt-bench: virsh missing (apt-get install libvirt-clients)"; exit 77; }
if [ ! -f "$dir/node.xml" ]; then
    sh "$(dirname "$0")/gen-guests.sh" "$dir" "$n"
    {
        echo "<node>"
        i=0
        while [ "$i" -lt "$n" ]; do echo "  <domain file='guest-$i.xml'/>"; i=$((i + 1)); done
        echo "</node>"
    } >"$dir/node.xml"
fi
uri="test://$dir/node.xml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
i=0
while [ "$i" -lt "$n" ]; do echo "dumpxml bench-$i"; i=$((i + 1)); done >"$tmp/cmds"
printf '#!/bin/sh\nexec virsh -q -c "%s" <"%s"\n' "$uri" "$tmp/cmds" >"$tmp/virsh-all"
chmod +x "$tmp/virsh-all"
mp="$MP report --host demo:ac922 --format json -o /dev/null --connect $uri --all"
if ! $mp >"$tmp/err" 2>&1; then
    if grep -q "built without libvirt" "$tmp/err"; then echo "libvirt-bench: built without libvirt"; exit 77; fi
    echo "libvirt-bench: report --connect --all fails:"; cat "$tmp/err"; exit 1
fi
got=$($MP report --host demo:ac922 --format json --connect "$uri" --all | jq '.guests | length')
[ "$got" = "$n" ] || { echo "libvirt-bench: the report has $got guests, not $n"; exit 1; }
[ "$("$tmp/virsh-all" | grep -c '^</domain>')" = "$n" ] || { echo "libvirt-bench: virsh did not dump $n domains"; exit 1; }
# shellcheck disable=SC2046
set -- $(best_pair "$repeat" "$tmp/virsh-all" "$mp")
rw=$(ratio "$3" "$1") rc=$(ratio "$4" "$2")
printf 'libvirt: %d domains, best of %d: memlock-planner report --connect --all %.3fs (CPU %.3fs), one virsh session dumping them %.3fs (CPU %.3fs)\n' \
    "$n" "$repeat" "$3" "$4" "$1" "$2"
printf 'libvirt: ratio %s CPU, %s wall\n' "$rc" "$rw"

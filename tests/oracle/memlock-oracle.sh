#!/bin/sh
# The oracle (outside make check): libvirt's own memory-locking functions,
# taken from a libvirt source package, against `calc` on generated guests.
#
#   tests/oracle/memlock-oracle.sh LIBVIRT-SOURCE-DIR [COUNT [SEED]]
#
# LIBVIRT-SOURCE-DIR is an unpacked release (apt-get source libvirt, see
# doc/formula.md); its version is read from its meson.build. The functions
# (qemuDomainGetMemLockLimitBytes and its helpers, qemuDomainAlignMemorySizes,
# qemuDomainMemoryDefPostParse, virDomainDefPostParseMemory and the small
# domain_conf helpers they call) are cut out of the source into a temporary
# directory, compiled with tests/oracle/shim.h and tests/oracle/harness.c,
# and run on COUNT random guests (default 2000); every guest goes through
# `memlock-planner calc --host none --libvirt VERSION`. Prints the guests that
# differ and a summary line; exit status 1 when any differs.
set -eu
src=${1:?usage: memlock-oracle.sh LIBVIRT-SOURCE-DIR [COUNT [SEED]]}
count=${2:-2000}
seed=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
MP=${MP:-$here/../../build/memlock-planner}
version=$(sed -n "s/^ *version: '\([0-9.]*\)'.*/\1/p" "$src/meson.build" | head -n 1)
[ -n "$version" ] || { echo "no version in $src/meson.build" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/memlock-oracle.XXXXXX")
trap 'rm -rf "$work"' EXIT

# extract FILE NAME...: each function NAME( with the line before it (its type)
# up to its closing brace at column 0, in the order given.
extract() {
    file=$1; shift
    [ -f "$file" ] || return 0
    for fn in "$@"; do
        awk -v fn="$fn" '
            index($0, fn "(") == 1 { on = 1; print prev }
            on { print }
            on && /^}/ { exit }
            { prev = $0 }' "$file"
        echo
    done
}
{
    for f in "$src/src/conf/domain_conf.c" "$src/src/conf/storage_source_conf.c" \
             "$src/src/util/virstoragefile.c"; do
        extract "$f" virDomainDefGetMemoryInitial virDomainDefSetMemoryTotal \
            virDomainDefGetMemoryTotal virHostdevIsMdevDevice virHostdevIsPCIDevice \
            virStorageSourceChainHasNVMe virDomainDefHasNVMeDisk virDomainDefHasPCIHostdev \
            virDomainDefHasVFIOHostdev virDomainDefHasMdevHostdev virDomainDefHasVDPANet
    done
    extract "$src/src/conf/domain_postparse.c" virDomainDefPostParseMemory
    grep -q '^virDomainDefPostParseMemory(' "$src/src/conf/domain_postparse.c" 2>/dev/null ||
        extract "$src/src/conf/domain_conf.c" virDomainDefPostParseMemory
    for f in "$src/src/qemu/qemu_domain.c" "$src/src/qemu/qemu_postparse.c"; do
        extract "$f" ppc64VFIODeviceIsNV2Bridge qemuDomainNeedsVFIO \
            qemuDomainGetNumVFIODevices qemuDomainGetNumVFIOHostdevs qemuDomainGetNumNVMeDisks \
            qemuDomainGetNumVDPANetDevices qemuDomainGetNumVDPADevices \
            getPPC64MemLockLimitBytes qemuDomainGetMemLockLimitBytes \
            qemuDomainGetMemorySizeAlignment qemuDomainGetMemoryModuleSizeAlignment \
            qemuDomainAlignMemorySizes qemuDomainMemoryDefPostParse
    done
} > "$work/bodies.c"
# Prototypes first: the functions come from several files in no useful order.
awk '/^[a-zA-Z].*\(/ && !/;/ && prev !~ /^$/ { p = prev " " $0; on = 1; if ($0 ~ /\)$/) { print p ";"; on = 0 }; prev = $0; next }
     on { p = p " " $0; if ($0 ~ /\)$/) { print p ";"; on = 0 } }
     { prev = $0 }' "$work/bodies.c" > "$work/libvirt-extract.c"
cat "$work/bodies.c" >> "$work/libvirt-extract.c"
# Helpers a release keeps in files the list does not read are the shim's.
flags=""
grep -q 'bool forceVFIO' "$work/libvirt-extract.c" && flags="-DORACLE_FORCEVFIO"
extra=""
case $version in
1[0-9].*|9.[89]*|9.1[0-9]*) extra=vdpa-disks ;;
esac
# shellcheck disable=SC2086
cc -std=gnu11 -w -O1 $flags -I"$here" -I"$work" -o "$work/harness" "$here/harness.c"
mkdir "$work/guests"
"$work/harness" "$work/guests" "$count" "$seed" $extra > "$work/expected"
same=0 differ=0 refused_both=0
while IFS='|' read -r file want; do
    got=$("$MP" calc --host none --libvirt "$version" "$file" 2>/dev/null | head -n 1) || got=refused
    [ -n "$got" ] || got=refused
    if [ "$got" = "$want" ]; then
        same=$((same + 1))
        [ "$want" = refused ] && refused_both=$((refused_both + 1))
    else
        differ=$((differ + 1))
        echo "differs: $(basename "$file"): libvirt $version $want, calc $got"
        [ "${ORACLE_KEEP:-}" ] && cp "$file" "$ORACLE_KEEP/"
    fi
done < "$work/expected"
echo "distinct limits: $(cut -d"|" -f2 "$work/expected" | sort -u | wc -l)"
echo "libvirt $version: $count guests (seed $seed): $same agree ($refused_both refused by both), $differ differ"
[ "$differ" -eq 0 ]

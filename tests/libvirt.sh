# Shared by the --connect tests: libvirt's test driver (no daemon) on the
# project's own domains. Source after tests/lib.sh.
unset LIBVIRT_DEFAULT_URI VIRSH_DEFAULT_CONNECT_URI
LV_DATA=$(cd "$srcdir/tests/data/libvirt" && pwd)
# test:///ABSOLUTE/PATH: the node file names the domain files beside it.
LV_URI="test://$LV_DATA/node.xml"
LV_DOMAINS="pseries-nvlink2 q35-vfio-viommu q35-locked q35-hardlimit pc-small-hardlimit"
lv_built() { grep -q '^#define HAVE_LIBVIRT 1' "$top_builddir/config.h"; }
# expect_one_line NAME WANT: exit 2, one line on stderr containing WANT, and
# nothing on stdout unless ALLOW_OUT=1.
expect_one_line() {
    lines=$(printf '%s\n' "$ERR" | grep -c .)
    if [ "$RC" -eq 2 ] && [ "$lines" -eq 1 ] && { [ -z "$OUT" ] || [ "${ALLOW_OUT:-0}" = 1 ]; }; then
        like "$ERR" "$2" "$1: exit 2, one line: $2"
    else
        fail "$1: exit 2 with one line (got exit $RC, $lines lines)"
        diag "$ERR" "$OUT"
    fi
}

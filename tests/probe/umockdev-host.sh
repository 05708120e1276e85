#!/bin/sh
# Fake PCI hosts for umockdev from a device table (*.hosttab) and a
# device-tree table (*.dt).
#   umockdev-host.sh record HOSTTAB         umockdev record file on stdout
#   umockdev-host.sh populate HOSTTAB [DT]  inside umockdev-run: writes the
#       device-tree nodes and properties, IOMMU group and driver directories
#       into $UMOCKDEV_DIR (umockdev records only devices)
set -eu

record() {
    awk '
    # 64 bytes of config space as lspci reads them: little-endian ids, class
    # at 0x09-0x0b, header type 1 for bridges, subsystem ids at 0x2c.
    function le16(h) { return substr(h, 3, 2) substr(h, 1, 2) }
    function config(v, d, sv, sd, cls, rev,    c, i) {
        c = le16(v) le16(d) "0000" "1000" rev substr(cls, 5, 2) substr(cls, 3, 2) substr(cls, 1, 2)
        c = c "00" "00" (substr(cls, 1, 4) == "0604" ? "01" : "00") "00"
        for (i = 16; i < 44; i++) c = c "00"
        c = c le16(sv) le16(sd)
        for (i = 48; i < 64; i++) c = c "00"
        return c
    }
    /^#/ || NF == 0 { next }
    {
        path = $1; n = split(path, comp, "/"); addr = comp[n]
        up = ""; for (i = 0; i < n + 1; i++) up = up "../"   # from /sys/devices/<path> to /sys
        print "P: /devices/" path
        print "E: SUBSYSTEM=pci"
        # The uevent keys of a real kernel (pci_uevent: %04X, upper case).
        if ($8 != "-") print "E: DRIVER=" $8
        cls = toupper($6); while (length(cls) > 4 && substr(cls, 1, 1) == "0") cls = substr(cls, 2)
        print "E: PCI_CLASS=" cls
        print "E: PCI_ID=" toupper($2 ":" $3)
        print "E: PCI_SUBSYS_ID=" toupper($4 ":" $5)
        print "E: PCI_SLOT_NAME=" addr
        print "E: MODALIAS=pci:v0000" toupper($2) "d0000" toupper($3) "sv0000" toupper($4) "sd0000" toupper($5) \
            "bc" toupper(substr($6, 1, 2)) "sc" toupper(substr($6, 3, 2)) "i" toupper(substr($6, 5, 2))
        print "A: vendor=0x" $2
        print "A: device=0x" $3
        print "A: subsystem_vendor=0x" $4
        print "A: subsystem_device=0x" $5
        print "A: class=0x" $6
        print "A: revision=0x" $7
        print "A: numa_node=" $10
        print "H: config=" config($2, $3, $4, $5, $6, $7)
        if ($8 != "-") print "L: driver=" up "bus/pci/drivers/" $8
        if ($9 != "-") print "L: iommu_group=" up "kernel/iommu_groups/" $9
        if ($11 != "-") print "L: of_node=" up "firmware/devicetree/base" $11
        print ""
    }' "$1"
}

# Hex words to octal escapes for printf: "00000600" -> \000\000\006\000
cells_to_octal() {
    awk '{
        out = ""
        for (w = 1; w <= NF; w++)
            for (b = 0; b < 4; b++) {
                v = 0
                for (k = 1; k <= 2; k++)
                    v = v * 16 + index("0123456789abcdef", tolower(substr($w, b * 2 + k, 1))) - 1
                out = out sprintf("\\%03o", v)
            }
        print out
    }'
}

populate() {
    : "${UMOCKDEV_DIR:?populate runs inside umockdev-run}"
    sys=$UMOCKDEV_DIR/sys
    base=$sys/firmware/devicetree/base
    mkdir -p "$base"
    grep -v '^#' "$1" | while read -r path v d sv sd cls rev drv grp numa of; do
        [ -n "$path" ] || continue
        addr=${path##*/}
        [ "$of" = - ] || mkdir -p "$base$of"
        if [ "$drv" != - ]; then
            mkdir -p "$sys/bus/pci/drivers/$drv"
            ln -sf "../../../../devices/$path" "$sys/bus/pci/drivers/$drv/$addr"
        fi
        if [ "$grp" != - ]; then
            mkdir -p "$sys/kernel/iommu_groups/$grp/devices"
            ln -sf "../../../../devices/$path" "$sys/kernel/iommu_groups/$grp/devices/$addr"
        fi
    done
    [ $# -ge 2 ] || return 0
    grep -v '^#' "$2" | while read -r node prop kind value; do
        [ -n "$node" ] || continue
        dir=$base${node%/}
        mkdir -p "$dir"
        case $kind in
        cells) printf "$(echo "$value" | cells_to_octal)" > "$dir/$prop" ;;
        str) printf '%s\000' "$value" > "$dir/$prop" ;;
        *) echo "umockdev-host.sh: unknown kind $kind" >&2; exit 1 ;;
        esac
    done
}

cmd=$1; shift
case $cmd in
record) record "$@" ;;
populate) populate "$@" ;;
*) echo "usage: umockdev-host.sh record|populate HOSTTAB [DT]" >&2; exit 2 ;;
esac

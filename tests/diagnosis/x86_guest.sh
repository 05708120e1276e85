# Sourced by the fleet tests: guest NAME MEMORY_GIB [EXTRA XML inside
# <domain>] [HOSTDEV ADDRESSES DDDD:BB:SS.F...] writes "$t/NAME.xml", a q35
# kvm guest with those PCI hostdevs.
guest() {
    name=$1 mem=$2 extra=$3
    shift 3
    {
        echo "<domain type='kvm'><name>$name</name><memory unit='GiB'>$mem</memory>$extra"
        echo "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices>"
        for a in "$@"; do
            d=${a%%:*} rest=${a#*:}; b=${rest%%:*} rest=${rest#*:}; s=${rest%%.*} f=${rest#*.}
            echo "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x$d' bus='0x$b' slot='0x$s' function='0x$f'/></source></hostdev>"
        done
        echo "</devices></domain>"
    } > "$t/$name.xml"
}

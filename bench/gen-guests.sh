#!/bin/sh
# gen-guests.sh DIR N: writes N libvirt domain XMLs of varied shape into DIR
# (pseries with GPUs and NVLink2 bridges of the AC922 demo host, pseries with
# a NIC, q35 with VFIO and a vIOMMU, plain guests, and every 9th to 17th of
# them: NVMe disks, vDPA interfaces, a hard_limit, <locked/>, NUMA cells,
# maxMemory), for the batch benchmark.
set -eu
dir=$1
n=$2
mkdir -p "$dir"
i=0
while [ "$i" -lt "$n" ]; do
    mem=$(( (i % 64 + 1) * 1024 ))
    case $((i % 4)) in
    0) arch=ppc64le machine=pseries
       devs="0004:04:00.0 0006:00:00.0 0006:00:00.1 0006:00:00.2" ;;
    1) arch=ppc64le machine=pseries devs="0003:01:00.0 0003:01:00.1" ;;
    2) arch=x86_64 machine=q35 devs="0000:01:00.0 0000:01:00.1" ;;
    3) arch=x86_64 machine=pc devs="" ;;
    esac
    # Extras by i % 9, across the four shapes above.
    tune="" backing="" numa="" maxmem="" extra=""
    case $((i % 9)) in
    1) tune="  <memtune>\n    <hard_limit unit='GiB'>$(( mem / 1024 + 2 ))</hard_limit>\n  </memtune>\n" ;;
    2) backing="  <memoryBacking>\n    <locked/>\n  </memoryBacking>\n" ;;
    3) extra="    <disk type='nvme' device='disk'>\n      <driver name='qemu' type='raw'/>\n      <source type='pci' managed='yes' namespace='1'>\n        <address domain='0x0000' bus='0x02' slot='0x00' function='0x0'/>\n      </source>\n      <target dev='vdb' bus='virtio'/>\n    </disk>\n" ;;
    4) extra="    <interface type='vdpa'>\n      <source dev='/dev/vhost-vdpa-0'/>\n    </interface>\n" ;;
    5) half=$(( mem / 2 ))
       numa="  <cpu>\n    <numa>\n      <cell id='0' cpus='0-3' memory='$half' unit='MiB'/>\n      <cell id='1' cpus='4-7' memory='$(( mem - half ))' unit='MiB'/>\n    </numa>\n  </cpu>\n" ;;
    # Memory hotplug needs a NUMA node (qemuDomainDefValidateMemoryHotplug).
    6) maxmem="  <maxMemory slots='16' unit='MiB'>$(( mem * 2 ))</maxMemory>\n"
       numa="  <cpu>\n    <numa>\n      <cell id='0' cpus='0-7' memory='$mem' unit='MiB'/>\n    </numa>\n  </cpu>\n" ;;
    esac
    {
        printf "<domain type='kvm'>\n  <name>bench-%d</name>\n" "$i"
        printf "  <uuid>00000000-0000-4000-8000-%012d</uuid>\n" "$i"
        printf "$maxmem"
        printf "  <memory unit='MiB'>%d</memory>\n  <currentMemory unit='MiB'>%d</currentMemory>\n" "$mem" "$mem"
        printf "$tune$backing"
        printf "  <vcpu placement='static'>8</vcpu>\n"
        printf "  <os>\n    <type arch='%s' machine='%s'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n" "$arch" "$machine"
        printf "$numa"
        printf "  <features><acpi/></features>\n  <clock offset='utc'/>\n  <on_poweroff>destroy</on_poweroff>\n"
        printf "  <devices>\n    <emulator>/usr/bin/qemu-system-%s</emulator>\n" "${arch%le}"
        printf "    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
        printf "      <source file='/var/lib/libvirt/images/bench-%d.qcow2'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n" "$i"
        printf "$extra"
        printf "    <interface type='network'>\n      <source network='default'/>\n      <model type='virtio'/>\n    </interface>\n"
        for d in $devs; do
            dom=${d%%:*} rest=${d#*:} bus=${rest%%:*} rest=${rest#*:} slot=${rest%%.*} fn=${rest#*.}
            printf "    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <driver name='vfio'/>\n"
            printf "      <source>\n        <address domain='0x%s' bus='0x%s' slot='0x%s' function='0x%s'/>\n      </source>\n    </hostdev>\n" "$dom" "$bus" "$slot" "$fn"
        done
        [ "$machine" = q35 ] && printf "    <iommu model='intel'/>\n"
        printf "    <console type='pty'/>\n  </devices>\n</domain>\n"
    } >"$dir/guest-$i.xml"
    i=$((i + 1))
done

/* The oracle's generator: random guests of every shape the memory-locking
 * limit depends on, each written as a domain XML file and run through
 * libvirt's own functions (extracted from a source package into
 * libvirt-extract.c by memlock-oracle.sh) in libvirt's order: post-parse
 * (module alignment on ppc64, virDomainDefPostParseMemory), the hotplug
 * validation, the start-time alignment (qemuDomainAlignMemorySizes), then
 * qemuDomainGetMemLockLimitBytes. Prints "FILE|BYTES" ("unlimited",
 * "refused"). Usage: harness DIR COUNT SEED [vdpa-disks] */
#include "shim.h"
#include "libvirt-extract.c"

static unsigned long long pick(unsigned long long n) { return (unsigned long long)random() % n; }

/* A size in KiB, often unaligned, written with a random unit when exact. */
static unsigned long long size_kib(bool ppc)
{
    static const unsigned long long base[] = { 262144, 1048576, 4194304, 16777216 };
    unsigned long long v = base[pick(4)] * (1 + pick(4));
    switch (pick(4)) {
    case 0: v += 1024 * (1 + pick(300)); break;   /* MiB over */
    case 1: v += 1 + pick(1023); break;           /* KiB over */
    default: break;
    }
    (void)ppc;
    return v;
}

static void put_size(FILE *f, const char *el, const char *attrs, unsigned long long kib)
{
    if (kib % 1048576 == 0 && pick(2))
        fprintf(f, "<%s%s unit='GiB'>%llu</%s>\n", el, attrs, kib / 1048576, el);
    else if (kib % 1024 == 0 && pick(2))
        fprintf(f, "<%s%s unit='MiB'>%llu</%s>\n", el, attrs, kib / 1024, el);
    else if (pick(3) == 0)
        fprintf(f, "<%s%s unit='b'>%llu</%s>\n", el, attrs, kib * 1024 - pick(1000), el);
    else
        fprintf(f, "<%s%s unit='KiB'>%llu</%s>\n", el, attrs, kib, el);
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    const char *dir = argv[1];
    int count = atoi(argv[2]);
    srandom((unsigned)atoi(argv[3]));
    bool vdpa_disks = argc > 4 && !strcmp(argv[4], "vdpa-disks");
    for (int n = 0; n < count; n++) {
        bool ppc = pick(2);
        virDomainDef def = { 0 };
        virDomainNuma numa = { 0 };
        def.numa = &numa;
        def.os.arch = ppc ? (pick(2) ? VIR_ARCH_PPC64 : VIR_ARCH_PPC64LE) : VIR_ARCH_X86_64;
        def.virtType = pick(6) ? VIR_DOMAIN_VIRT_KVM : VIR_DOMAIN_VIRT_QEMU;
        def.mem.hard_limit = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
        char path[4096];
        snprintf(path, sizeof(path), "%s/g%05d.xml", dir, n);
        FILE *f = fopen(path, "w");
        if (!f)
            return 1;
        fprintf(f, "<domain type='%s'>\n<name>g%05d</name>\n<vcpu>4</vcpu>\n",
                def.virtType == VIR_DOMAIN_VIRT_KVM ? "kvm" : "qemu", n);
        fprintf(f, "<os><type arch='%s' machine='%s'>hvm</type></os>\n",
                def.os.arch == VIR_ARCH_X86_64 ? "x86_64" : def.os.arch == VIR_ARCH_PPC64 ? "ppc64" : "ppc64le",
                ppc ? "pseries" : "q35");
        /* NUMA cells (always when x86 has memory devices: libvirt wants one). */
        size_t nmems = pick(4) == 0 ? 1 + pick(2) : 0;
        numa.n = (pick(3) == 0 || (nmems && !ppc)) ? 1 + pick(3) : 0;
        unsigned long long cells = 0;
        virDomainMemoryDef mems[2], *memp[2];
        unsigned long long mods = 0;
        for (size_t i = 0; i < nmems; i++) {
            mems[i].model = VIR_DOMAIN_MEMORY_MODEL_DIMM;
            mems[i].size = 1024 * (128 + pick(2048)) + (pick(2) ? pick(1024) : 0);
            mods += mems[i].size;
            memp[i] = &mems[i];
        }
        def.nmems = nmems;
        def.mems = memp;
        if (numa.n) {
            fputs("<cpu><numa>\n", f);
            for (size_t i = 0; i < numa.n; i++) {
                numa.mem[i] = size_kib(ppc);
                cells += numa.mem[i];
                fprintf(f, "<cell id='%zu' cpus='%zu' memory='%llu' unit='KiB'/>\n", i, i, numa.mem[i]);
            }
            fputs("</numa></cpu>\n", f);
            def.mem.total_memory = cells + mods;   /* as written; ABI update takes the cells */
        } else {
            def.mem.total_memory = size_kib(ppc) + mods;
        }
        put_size(f, "memory", "", def.mem.total_memory);
        if (nmems || pick(3) == 0) {
            unsigned long long m = def.mem.total_memory + (pick(5) ? 1024 * pick(8192) : 0);
            if (pick(8) == 0 && m > 2048)
                m -= 1024 * (1 + pick(64));    /* now and then below the total */
            def.mem.max_memory = m;
            def.mem.memory_slots = (unsigned)(nmems + pick(4));
            if (!def.mem.memory_slots)
                def.mem.memory_slots = 1;
            char attrs[64];
            snprintf(attrs, sizeof(attrs), " slots='%u'", def.mem.memory_slots);
            put_size(f, "maxMemory", attrs, def.mem.max_memory);
            /* The XML says bytes for 'b' but the harness keeps KiB: re-read below. */
        }
        if (pick(10) == 0) {
            def.mem.hard_limit = 1048576 * (1 + pick(64));
            fprintf(f, "<memtune><hard_limit unit='KiB'>%llu</hard_limit></memtune>\n", def.mem.hard_limit);
        }
        if (pick(10) == 0) {
            def.mem.locked = true;
            fputs("<memoryBacking><locked/></memoryBacking>\n", f);
        }
        fputs("<devices>\n", f);
        /* PHBs listed (pseries), hostdevs placed on them with a guest address. */
        virDomainControllerDef ctrl[4], *ctrlp[4];
        size_t nphb = ppc ? 1 + pick(3) : 0;
        for (size_t i = 0; i < nphb; i++) {
            ctrl[i].is_phb = true;
            ctrlp[i] = &ctrl[i];
            fprintf(f, "<controller type='pci' index='%zu' model='pci-root'><model "
                       "name='spapr-pci-host-bridge'/><target index='%zu'/></controller>\n", i, i);
        }
        def.ncontrollers = nphb;
        def.controllers = ctrlp;
        virDomainHostdevDef hd[5], *hdp[5];
        size_t nh = pick(3) ? pick(4) : 0, nm = pick(5) == 0;
        for (size_t i = 0; i < nh + nm; i++) {
            memset(&hd[i], 0, sizeof(hd[i]));
            hd[i].mode = VIR_DOMAIN_HOSTDEV_MODE_SUBSYS;
            hdp[i] = &hd[i];
            if (i < nh) {
                hd[i].source.subsys.type = VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI;
                hd[i].source.subsys.u.pci.backend = VIR_DOMAIN_HOSTDEV_PCI_BACKEND_VFIO;
                hd[i].source.subsys.u.pci.addr = (virPCIDeviceAddress){ 1, (unsigned)(i + 1), 0, 0 };
                fprintf(f, "<hostdev mode='subsystem' type='pci' managed='yes'>%s<source><address "
                           "domain='0x0001' bus='0x%02zx' slot='0x00' function='0x0'/></source>",
                        pick(2) ? "<driver name='vfio'/>" : "", i + 1);
                if (ppc)
                    fprintf(f, "<address type='pci' domain='0x0000' bus='0x%02llx' slot='0x%02zx' "
                               "function='0x0'/>", pick(nphb), i + 1);
                fputs("</hostdev>\n", f);
            } else {
                hd[i].source.subsys.type = VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV;
                fputs("<hostdev mode='subsystem' type='mdev' model='vfio-pci'><source><address "
                      "uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>\n", f);
            }
        }
        def.nhostdevs = nh + nm;
        def.hostdevs = hdp;
        virStorageSource src[8];
        virDomainDiskDef dk[4], *dkp[4];
        size_t nd = pick(3) ? pick(4) : 0;
        for (size_t i = 0; i < nd; i++) {
            int kind = (int)pick(vdpa_disks ? 4 : 3);   /* file, nvme, file on nvme, vhostvdpa */
            dkp[i] = &dk[i];
            dk[i].src = &src[2 * i];
            src[2 * i] = (virStorageSource){ VIR_STORAGE_TYPE_FILE, NULL };
            char dev[8];
            snprintf(dev, sizeof(dev), "vd%c", (char)('a' + i));
            if (kind == 1) {
                src[2 * i].type = VIR_STORAGE_TYPE_NVME;
                fprintf(f, "<disk type='nvme' device='disk'><driver name='qemu' type='raw'/><source "
                           "type='pci' managed='yes' namespace='1'><address domain='0x0003' "
                           "bus='0x%02zx' slot='0x00' function='0x0'/></source><target dev='%s' "
                           "bus='virtio'/></disk>\n", i + 1, dev);
            } else if (kind == 2) {
                src[2 * i + 1] = (virStorageSource){ VIR_STORAGE_TYPE_NVME, NULL };
                src[2 * i].backingStore = &src[2 * i + 1];
                fprintf(f, "<disk type='file' device='disk'><source file='/i/%zu.qcow2'/><backingStore "
                           "type='nvme'><format type='raw'/><source type='pci' namespace='1'><address "
                           "domain='0x0003' bus='0x%02zx' slot='0x00' function='0x0'/></source>"
                           "</backingStore><target dev='%s' bus='virtio'/></disk>\n", i, i + 1, dev);
            } else if (kind == 3) {
                src[2 * i].type = VIR_STORAGE_TYPE_VHOST_VDPA;
                fprintf(f, "<disk type='vhostvdpa' device='disk'><driver name='qemu' type='raw' "
                           "cache='none' io='threads'/><source dev='/dev/vhost-vdpa-%zu'/><target "
                           "dev='%s' bus='virtio'/></disk>\n", i, dev);
            } else {
                fprintf(f, "<disk type='file' device='disk'><source file='/i/%zu.img'/><target "
                           "dev='%s' bus='virtio'/></disk>\n", i, dev);
            }
        }
        def.ndisks = nd;
        def.disks = dkp;
        virDomainNetDef nets[3], *netp[3];
        size_t nn = pick(4) == 0 ? 1 + pick(2) : 0;
        for (size_t i = 0; i < nn; i++) {
            nets[i].type = VIR_DOMAIN_NET_TYPE_VDPA;
            netp[i] = &nets[i];
            fprintf(f, "<interface type='vdpa'><source dev='/dev/vhost-vdpa-%zu'/></interface>\n", 10 + i);
        }
        def.nnets = nn;
        def.nets = netp;
        virDomainIOMMUDef iommu = { 0 };
        if (!ppc && pick(3) == 0) {
            def.iommu = &iommu;
            fputs("<iommu model='intel'/>\n", f);
        }
        for (size_t i = 0; i < nmems; i++) {
            fputs("<memory model='dimm'><target>", f);
            put_size(f, "size", "", mems[i].size);
            fprintf(f, "%s</target></memory>\n", numa.n ? "<node>0</node>" : "");
        }
        fputs("</devices>\n</domain>\n", f);
        fclose(f);

        /* libvirt's order. Post-parse: device callbacks, then the memory checks. */
        const char *verdict = NULL;
        for (size_t i = 0; i < nmems; i++)
            if (qemuDomainMemoryDefPostParse(def.mems[i], def.os.arch, VIR_DOMAIN_DEF_PARSE_ABI_UPDATE) < 0)
                verdict = "refused";
        if (!verdict && virDomainDefPostParseMemory(&def, VIR_DOMAIN_DEF_PARSE_ABI_UPDATE) < 0)
            verdict = "refused";
        /* qemuDomainDefValidateMemoryHotplug (its device checks are met by construction). */
        if (!verdict && def.mem.max_memory && !ppc && !numa.n)
            verdict = "refused";   /* "At least one numa node has to be configured" */
        if (!verdict && def.mem.max_memory) {
            unsigned long long space = def.mem.max_memory - virDomainDefGetMemoryInitial(&def), sum = 0;
            for (size_t i = 0; i < nmems; i++)
                sum += def.mems[i]->size;
            if (nmems > def.mem.memory_slots || sum > space)
                verdict = "refused";
        }
        if (!verdict && qemuDomainAlignMemorySizes(&def) < 0)
            verdict = "refused";
        if (verdict) {
            printf("%s|%s\n", path, verdict);
            continue;
        }
#ifdef ORACLE_FORCEVFIO
        unsigned long long bytes = qemuDomainGetMemLockLimitBytes(&def, false);
#else
        unsigned long long bytes = qemuDomainGetMemLockLimitBytes(&def);
#endif
        if (bytes == (unsigned long long)VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
            printf("%s|unlimited\n", path);
        else
            printf("%s|%llu\n", path, bytes);
    }
    return 0;
}

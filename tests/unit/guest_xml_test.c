/* The libvirt domain XML loader: every unit and field it reads, libvirt's
 * rounding and limits, and refusal of malformed and hostile input. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest_xml.h"
#include "memlock_align.h"
#include "size.h"
#include "test_util.h"
#include "xalloc.h"

#define HEAD "<domain type='kvm'><name>t</name>"
#define PPC "<os><type arch='ppc64le' machine='pseries'>hvm</type></os>"
#define GIB1 "<memory unit='GiB'>1</memory>"

/* libvirt requires <os><type> (virDomainDefParseCaps): the cases below that
 * are about something else get one before </domain> when they have none. */
static char *with_os(const char *xml, size_t *len)
{
    /* Byte for byte first: the input may hold a NUL or lack its terminator. */
    char *copy = xmalloc(*len + 1);
    memcpy(copy, xml, *len);
    copy[*len] = '\0';
    const char *end = strstr(copy, "</domain>");
    if (memchr(copy, '\0', *len) || strstr(copy, "<os>") || !end)
        return copy;
    char *r = xasprintf("%.*s<os><type>hvm</type></os>%s", (int)(end - copy), copy, end);
    free(copy);
    *len = strlen(r);
    return r;
}

static struct guest *load(const char *xml)
{
    struct mp_error err = { 0 };
    size_t len = strlen(xml);
    char *full = with_os(xml, &len);
    struct guest *g = guest_xml_load_memory(full, len, "t.xml", &err);
    free(full);
    if (!g)
        fail_msg("unexpected error: %s", err.text);
    return g;
}

/* Asserts the XML is refused as bad input with a message containing `needle`. */
static void refused(const char *xml, size_t len, const char *needle)
{
    struct mp_error err = { 0 };
    char *full = with_os(xml, &len);
    struct guest *g = guest_xml_load_memory(full, len, "t.xml", &err);
    free(full);
    if (g)
        fail_msg("accepted: %s", xml);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    if (!strstr(err.text, needle))
        fail_msg("message '%s' lacks '%s'", err.text, needle);
    assert_null(strchr(err.text, '\n'));
}
#define REFUSED(xml, needle) refused((xml), strlen(xml), (needle))

static uint64_t memory_of(const char *value, const char *unit)
{
    char xml[256];
    snprintf(xml, sizeof(xml), HEAD "<memory unit='%s'>%s</memory></domain>", unit, value);
    struct guest *g = load(xml);
    uint64_t kib = g->memory_kib;
    guest_free(g);
    return kib;
}

static void test_basic_fields(void **state)
{
    (void)state;
    struct guest *g = load("<domain type='kvm'>\n  <name>vm1</name>\n"
                           "  <memory>1048576</memory>\n  " PPC "\n</domain>\n");
    assert_string_equal(g->name, "vm1");
    assert_int_equal(g->virt, GUEST_VIRT_KVM);
    assert_string_equal(g->virt_name, "kvm");
    assert_string_equal(g->arch, "ppc64le");
    assert_string_equal(g->machine, "pseries");
    assert_int_equal(g->memory_kib, 1048576); /* default unit KiB */
    assert_int_equal(g->nhostdevs + g->ncontrollers + g->nmemdevs + g->nnuma, 0);
    assert_false(g->has_hard_limit || g->locked || g->has_iommu);
    guest_free(g);

    g = load("<domain type='qemu'><memory>1024</memory></domain>");
    assert_int_equal(g->virt, GUEST_VIRT_QEMU);
    assert_null(g->arch);
    assert_null(g->name);
    guest_free(g);
    g = load("<domain type='xen'><memory>1024</memory></domain>");
    assert_int_equal(g->virt, GUEST_VIRT_OTHER); /* the calculation refuses it */
    guest_free(g);
}

static void test_every_unit(void **state)
{
    (void)state;
    static const struct { const char *unit, *value; uint64_t kib; } cases[] = {
        { "b", "1073741824", 1048576 },      { "bytes", "1073741824", 1048576 },
        { "KB", "1048576", 1024000 },        { "k", "1048576", 1048576 },
        { "KiB", "1048576", 1048576 },       { "MB", "1000", 976563 },
        { "M", "1024", 1048576 },            { "MiB", "1024", 1048576 },
        { "GB", "1", 976563 },               { "G", "1", 1048576 },
        { "GiB", "1", 1048576 },             { "TB", "1", 976562500 },
        { "T", "1", KIB_PER_TIB },           { "TiB", "1", KIB_PER_TIB },
        { "PB", "1", UINT64_C(976562500000) }, { "P", "1", UINT64_C(1099511627776) },
        { "PiB", "2", UINT64_C(2199023255552) }, { "EB", "1", UINT64_C(976562500000000) },
        { "E", "1", UINT64_C(1125899906842624) }, { "EiB", "7", UINT64_C(7881299347898368) },
        { "gib", "1", 1048576 },             { "mIb", "3", 3072 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t got = memory_of(cases[i].value, cases[i].unit);
        if (got != cases[i].kib)
            fail_msg("%s %s: got %llu KiB, want %llu", cases[i].value, cases[i].unit,
                     (unsigned long long)got, (unsigned long long)cases[i].kib);
    }
}

static void test_rounding_up_to_kib(void **state)
{
    (void)state;
    assert_int_equal(memory_of("1", "b"), 1);
    assert_int_equal(memory_of("1024", "b"), 1);
    assert_int_equal(memory_of("1025", "b"), 2);
    assert_int_equal(memory_of("1", "KB"), 1);      /* 1000 bytes */
    assert_int_equal(memory_of("3", "KB"), 3);      /* 3000 bytes = 2.93 KiB */
    assert_int_equal(memory_of(" 2048 ", "KiB"), 2048);
    /* The largest size libvirt takes: LLONG_MAX bytes. */
    assert_int_equal(memory_of("9223372036854775807", "b"), UINT64_C(9007199254740992));
}

static void test_size_errors(void **state)
{
    (void)state;
    REFUSED(HEAD "<memory>-5</memory></domain>", "t.xml:1: <memory>: '-5': a size cannot be negative");
    REFUSED(HEAD "<memory>1.5</memory></domain>", "not a whole number");
    REFUSED(HEAD "<memory>0x10</memory></domain>", "not a whole number");
    REFUSED(HEAD "<memory>12abc</memory></domain>", "not a whole number");
    REFUSED(HEAD "<memory></memory></domain>", "a size is missing");
    REFUSED(HEAD "<memory unit='GX'>1</memory></domain>", "unit 'GX'");
    REFUSED(HEAD "<memory unit='ZiB'>1</memory></domain>", "unit 'ZiB'");
    REFUSED(HEAD "<memory unit='EiB'>8</memory></domain>", "too large");
    REFUSED(HEAD "<memory>99999999999999999999999</memory></domain>", "too large");
    REFUSED(HEAD "<memory unit='b'>9223372036854775808</memory></domain>", "too large");
    REFUSED(HEAD "<memory>0</memory></domain>", "<memory> is 0");
    REFUSED(HEAD "</domain>", "no memory size");
    /* Long junk is quoted shortened. */
    char xml[400];
    snprintf(xml, sizeof(xml), HEAD "<memory>%0200d</memory></domain>", 7);
    memset(strstr(xml, "<memory>") + 8, 'z', 200);
    REFUSED(xml, "zzz...': not a whole number");
}

static void test_current_and_max_memory(void **state)
{
    (void)state;
    struct guest *g = load(HEAD "<memory unit='GiB'>4</memory>"
                           "<currentMemory unit='MiB'>2048</currentMemory>"
                           "<maxMemory slots='16' unit='GiB'>64</maxMemory>" PPC "</domain>");
    assert_int_equal(g->memory_kib, 4 * KIB_PER_GIB);
    assert_int_equal(g->current_memory_kib, 2 * KIB_PER_GIB);
    assert_int_equal(g->max_memory_kib, 64 * KIB_PER_GIB);
    assert_int_equal(g->max_memory_slots, 16);
    guest_free(g);
    REFUSED(HEAD GIB1 "<maxMemory unit='GiB'>8</maxMemory></domain>", "needs a slots attribute");
    REFUSED(HEAD GIB1 "<maxMemory slots='-1' unit='GiB'>8</maxMemory></domain>",
            "<maxMemory slots='-1'>");
    REFUSED(HEAD GIB1 "<currentMemory>lots</currentMemory></domain>", "<currentMemory>: 'lots'");
}

static void test_numa_totals(void **state)
{
    (void)state;
    struct guest *g = load(HEAD "<cpu><numa>"
                           "<cell id='0' cpus='0-1' memory='1000' unit='MiB'/>"
                           "<cell id='1' cpus='2-3' memory='1048576'/>"
                           "<cell id='2' cpus='4' memory='2' unit='GiB'/>"
                           "</numa></cpu>" PPC "</domain>");
    assert_int_equal(g->nnuma, 3);
    assert_int_equal(g->numa_cells_kib[0], 1000 * KIB_PER_MIB);
    assert_int_equal(g->numa_cells_kib[1], KIB_PER_GIB);
    assert_int_equal(g->numa_cells_kib[2], 2 * KIB_PER_GIB);
    struct aligned_memory am;
    struct mp_error err = { 0 };
    assert_int_equal(memlock_align(g, NULL, &am, NULL, &err), 0);
    assert_int_equal(am.total_kib, 4 * KIB_PER_GIB); /* 1000 MiB cell aligned to 1 GiB */
    guest_free(g);
    REFUSED(HEAD "<cpu><numa><cell id='0' cpus='0'/></numa></cpu></domain>",
            "needs a memory attribute");
    REFUSED(HEAD "<cpu><numa><cell id='0' cpus='0' memory='x1'/></numa></cpu></domain>",
            "<cell memory>: 'x1': not a whole number");
    REFUSED(HEAD "<cpu><numa><cell memory='1' unit='Q'/></numa></cpu></domain>", "unit 'Q'");
}

static void test_memory_devices(void **state)
{
    (void)state;
    struct guest *g = load(
        HEAD "<memory unit='GiB'>7</memory><maxMemory slots='4' unit='GiB'>16</maxMemory>"
        "<os><type arch='x86_64' machine='q35'>hvm</type></os>"
        "<cpu><numa><cell id='0' cpus='0' memory='3073' unit='MiB'/></numa></cpu><devices>"
        "<memory model='dimm'><target><size unit='MiB'>1023</size><node>0</node></target></memory>"
        "<memory model='nvdimm'><source><path>/x</path></source>"
        "<target><size unit='GiB'>1</size></target></memory>"
        "<memory model='virtio-mem'><target><size unit='GiB'>2</size>"
        "<block unit='MiB'>2</block><requested unit='GiB'>1</requested></target></memory>"
        "</devices></domain>");
    assert_int_equal(g->nmemdevs, 3);
    assert_string_equal(g->memdevs[0].model, "dimm");
    assert_int_equal(g->memdevs[0].size_kib, 1023 * KIB_PER_MIB);
    assert_string_equal(g->memdevs[1].model, "nvdimm");
    assert_string_equal(g->memdevs[2].model, "virtio-mem");
    assert_int_equal(g->memdevs[2].size_kib, 2 * KIB_PER_GIB);
    struct aligned_memory am;
    struct mp_error err = { 0 };
    assert_int_equal(memlock_align(g, NULL, &am, NULL, &err), 0);
    /* The cell: 3073 MiB (7 GiB with the modules); the dimm is aligned to 1024 MiB on x86. */
    assert_int_equal(am.modules_kib, 4096 * KIB_PER_MIB);
    assert_int_equal(am.total_kib, (3073 + 4096) * KIB_PER_MIB);
    guest_free(g);
    REFUSED(HEAD GIB1 "<devices><memory><target><size>1</size></target></memory></devices></domain>",
            "needs a model");
    REFUSED(HEAD GIB1 "<devices><memory model='dimm'><target/></memory></devices></domain>",
            "needs <target><size>");
    REFUSED(HEAD GIB1 "<devices><memory model='dimm'><target><size>-1</size></target>"
            "</memory></devices></domain>", "<size>: '-1'");
}

static void test_hostdev_pci(void **state)
{
    (void)state;
    struct guest *g = load(
        HEAD GIB1 PPC "<devices>"
        "<hostdev mode='subsystem' type='pci' managed='yes'><driver name='vfio'/>"
        "<source><address domain='0x0004' bus='0x04' slot='0x00' function='0x1'/></source>"
        "<address type='pci' domain='0x0000' bus='0x01' slot='0x02' function='0x0'/></hostdev>"
        "<hostdev mode='subsystem' type='pci' managed='no'>"
        "<source><address domain='0' bus='10' slot='31' function='7'/></source></hostdev>"
        "<hostdev type='pci'><source><address bus='0xff' slot='0x1f'/></source>"
        "<address type='spapr-vio' reg='0x3000'/></hostdev>"
        "</devices></domain>");
    assert_int_equal(g->nhostdevs, 3);
    const struct guest_hostdev *h = g->hostdevs;
    assert_int_equal(h[0].kind, GUEST_HOSTDEV_PCI);
    assert_int_equal(h[0].host.domain, 4);
    assert_int_equal(h[0].host.bus, 4);
    assert_int_equal(h[0].host.function, 1);
    assert_true(h[0].has_guest_addr);
    assert_int_equal(h[0].guest_bus, 1);
    assert_false(h[0].from_interface);
    /* Decimal is taken as libvirt takes it; no <driver> means VFIO. */
    assert_int_equal(h[1].host.bus, 10);
    assert_int_equal(h[1].host.slot, 31);
    assert_int_equal(h[1].host.function, 7);
    assert_false(h[1].has_guest_addr);
    assert_int_equal(h[2].host.bus, 0xff);
    assert_int_equal(h[2].host.domain, 0);
    assert_false(h[2].has_guest_addr); /* not a PCI placement */
    guest_free(g);

    g = load(HEAD GIB1 "<devices><hostdev mode='subsystem' type='usb'><source><vendor id='0x1'/>"
             "</source></hostdev></devices></domain>");
    assert_int_equal(g->nhostdevs, 0); /* USB locks nothing */
    guest_free(g);
}

static void test_hostdev_errors(void **state)
{
    (void)state;
#define HD(attrs, inner) HEAD GIB1 "<devices>\n<hostdev " attrs ">" inner "</hostdev></devices></domain>"
#define SRC(a) "<source><address " a "/></source>"
    REFUSED(HD("type='pci'", "<driver name='kvm'/>" SRC("bus='1'")), "t.xml:2: <driver name='kvm'>");
    REFUSED(HD("type='pci'", ""), "needs <source><address");
    REFUSED(HD("type='pci'", "<source/>"), "needs <source><address");
    REFUSED(HD("type='pci'", SRC("bus='0x100'")), "<address bus='0x100'>");
    REFUSED(HD("type='pci'", SRC("slot='0x20'")), "<address slot='0x20'>");
    REFUSED(HD("type='pci'", SRC("function='8'")), "<address function='8'>");
    REFUSED(HD("type='pci'", SRC("domain='-1'")), "<address domain='-1'>");
    REFUSED(HD("type='pci'", SRC("domain='0x100000000'")), "<address domain='0x100000000'>");
    REFUSED(HD("type='pci'", SRC("bus='0x'")), "<address bus='0x'>");
    REFUSED(HD("type='pci'", SRC("bus=' 1'")), "<address bus=' 1'>");
    REFUSED(HD("type='pci' managed='maybe'", SRC("bus='1'")), "managed='maybe'");
    REFUSED(HD("type='pci'", SRC("bus='1'") "<address type='pci' bus='0x1ff'/>"), "bus='0x1ff'");
    REFUSED(HD("", SRC("bus='1'")), "needs a type attribute");
    REFUSED(HD("type='floppy'", ""), "<hostdev type='floppy'>: unknown type");
    REFUSED(HD("mode='capabilities' type='storage'", ""), "mode='capabilities'");
}

static void test_hostdev_mdev_and_interface(void **state)
{
    (void)state;
    struct guest *g = load(
        HEAD GIB1 "<devices>"
        "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>"
        "<source><address uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>"
        "<interface type='hostdev' managed='yes'><mac address='52:54:00:6d:90:02'/>"
        "<driver name='vfio'/><source><address type='pci' domain='0x0000' bus='0x06' "
        "slot='0x10' function='0x2'/></source></interface>"
        "<interface type='network'><source network='default'/></interface>"
        "</devices></domain>");
    assert_int_equal(g->nhostdevs, 2);
    assert_int_equal(g->hostdevs[0].kind, GUEST_HOSTDEV_MDEV);
    assert_string_equal(g->hostdevs[0].mdev_uuid, "c2177883-f1bb-47f0-914d-32a22e3a8804");
    assert_int_equal(g->hostdevs[1].kind, GUEST_HOSTDEV_PCI);
    assert_true(g->hostdevs[1].from_interface);
    assert_int_equal(g->hostdevs[1].host.bus, 6);
    assert_int_equal(g->hostdevs[1].host.slot, 0x10);
    assert_int_equal(g->hostdevs[1].host.function, 2);
    assert_int_equal(g->vdpa_interfaces, 0);
    guest_free(g);
    REFUSED(HD("type='mdev'", "<source><address uuid='not-a-uuid'/></source>"),
            "mdev uuid 'not-a-uuid' is not a UUID");
    REFUSED(HD("type='mdev'", "<source><address uuid='c2177883-f1bb-47f0-914d-32a22e3a88045'/>"
               "</source>"), "is not a UUID");
    REFUSED(HD("type='mdev'", "<source/>"), "needs <source><address uuid");
}

static void test_nvme_vdpa_iommu(void **state)
{
    (void)state;
    struct guest *g = load(
        HEAD GIB1 "<devices>"
        "<disk type='nvme' device='disk'><driver name='qemu' type='raw'/>"
        "<source type='pci' managed='yes' namespace='1'>"
        "<address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source>"
        "<target dev='vde' bus='virtio'/></disk>"
        "<disk type='file' device='disk'><source file='/a.qcow2'/>"
        "<backingStore type='file'><source file='/b'/><backingStore type='nvme'>"
        "<source type='pci' namespace='1'><address bus='2'/></source></backingStore>"
        "</backingStore><target dev='vdb'/></disk>"
        "<disk type='file' device='disk'><source file='/c'/><target dev='vdc'/></disk>"
        "<interface type='vdpa'><source dev='/dev/vhost-vdpa-0'/></interface>"
        "<interface type='vdpa'><source dev='/dev/vhost-vdpa-1'/></interface>"
        "<iommu model='intel'><driver intremap='on'/></iommu>"
        "</devices></domain>");
    assert_int_equal(g->nvme_disks, 2);
    assert_int_equal(g->vdpa_interfaces, 2);
    assert_true(g->has_iommu);
    assert_string_equal(g->iommu_model, "intel");
    guest_free(g);
    REFUSED(HEAD GIB1 "<devices><iommu/></devices></domain>", "<iommu> needs a model");
    REFUSED(HEAD GIB1 "<devices><iommu model='intel'/><iommu model='virtio'/></devices></domain>",
            "only one <iommu>");
}

static void test_controllers(void **state)
{
    (void)state;
    struct guest *g = load(
        HEAD GIB1 PPC "<devices>"
        "<controller type='usb' index='0' model='qemu-xhci'/>"
        "<controller type='pci' index='0' model='pci-root'><model name='spapr-pci-host-bridge'/>"
        "<target index='0'/></controller>"
        "<controller type='pci' index='1' model='pci-root'><model name='spapr-pci-host-bridge'/>"
        "<target index='1'/></controller>"
        "<controller type='pci' index='2' model='pci-bridge'><model name='pci-bridge'/>"
        "<target chassisNr='2'/><address type='pci' domain='0x0000' bus='0x01' slot='0x01' "
        "function='0x0'/></controller>"
        "</devices></domain>");
    assert_int_equal(g->ncontrollers, 3); /* the USB controller is not a PCI one */
    assert_int_equal(g->controllers[0].model, GUEST_PCI_ROOT);
    assert_int_equal(g->controllers[0].index, 0);
    assert_int_equal(g->controllers[1].model, GUEST_PCI_ROOT);
    assert_int_equal(g->controllers[1].index, 1);
    assert_string_equal(g->controllers[1].model_name, "pci-root");
    assert_int_equal(g->controllers[2].model, GUEST_PCI_OTHER);
    assert_string_equal(g->controllers[2].model_name, "pci-bridge");
    assert_true(g->controllers[2].has_bus);
    assert_int_equal(g->controllers[2].bus, 1);
    assert_false(g->controllers[0].has_bus);
    guest_free(g);

    /* No model: index 0 is pci-root except on q35. */
    g = load(HEAD GIB1 PPC "<devices><controller type='pci' index='0'/></devices></domain>");
    assert_int_equal(g->controllers[0].model, GUEST_PCI_ROOT);
    assert_null(g->controllers[0].model_name);
    guest_free(g);
    g = load(HEAD GIB1 "<os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>"
             "<devices><controller type='pci' index='0'/></devices></domain>");
    assert_int_equal(g->controllers[0].model, GUEST_PCI_OTHER);
    guest_free(g);

#define CTRL(x) HEAD GIB1 PPC "<devices>" x "</devices></domain>"
    REFUSED(CTRL("<controller type='pci' index='-3' model='pci-root'/>"), "index='-3'");
    REFUSED(CTRL("<controller type='pci' index='2147483648' model='pci-root'/>"),
            "from 0 to 2147483647");
    REFUSED(CTRL("<controller type='pci' index='0x1' model='pci-root'/>"), "index='0x1'");
    REFUSED(CTRL("<controller type='pci' index='1' model='pci-root'/>"
                 "<controller type='pci' index='1' model='pci-root'/>"), "two PCI controllers have index 1");
    REFUSED(CTRL("<controller type='pci' index='1' model='pci-root'><target index='x'/></controller>"),
            "<target index='x'>");
    REFUSED(CTRL("<controller type='pci' index='2' model='pci-bridge'>"
                 "<address type='pci' bus='256'/></controller>"), "bus='256'");
}

static void test_hard_limit_and_locked(void **state)
{
    (void)state;
    struct guest *g = load(HEAD GIB1 "<memtune><hard_limit unit='G'>2</hard_limit>"
                           "<soft_limit>1</soft_limit></memtune>"
                           "<memoryBacking><locked/></memoryBacking></domain>");
    assert_true(g->has_hard_limit);
    assert_int_equal(g->hard_limit_kib, 2 * KIB_PER_GIB);
    assert_true(g->locked);
    guest_free(g);
    g = load(HEAD GIB1 "<memtune><hard_limit>0</hard_limit></memtune>"
             "<memoryBacking><hugepages/></memoryBacking></domain>");
    assert_true(g->has_hard_limit);
    assert_int_equal(g->hard_limit_kib, 0);
    assert_false(g->locked);
    guest_free(g);
    REFUSED(HEAD GIB1 "<memtune><hard_limit>-1</hard_limit></memtune></domain>", "<hard_limit>: '-1'");
    REFUSED(HEAD GIB1 "<memtune><hard_limit unit='parsec'>1</hard_limit></memtune></domain>",
            "unit 'parsec'");
    REFUSED(HEAD GIB1 "<memtune><hard_limit></hard_limit></memtune></domain>", "a size is missing");
}

/* libvirt's VIR_DOMAIN_MEMORY_PARAM_UNLIMITED: 2^53 - 1 KiB and above is "no limit". */
static void test_hard_limit_unlimited(void **state)
{
    (void)state;
    static const struct { const char *xml; bool set; uint64_t kib; } cases[] = {
        { "<hard_limit>9007199254740990</hard_limit>", true, UINT64_C(9007199254740990) },
        { "<hard_limit>9007199254740991</hard_limit>", false, 0 },
        { "<hard_limit unit='b'>9223372036854775807</hard_limit>", false, 0 },
        { "<hard_limit unit='EiB'>7</hard_limit>", true, UINT64_C(7881299347898368) },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char xml[256];
        snprintf(xml, sizeof(xml), HEAD GIB1 "<memtune>%s</memtune></domain>", cases[i].xml);
        struct guest *g = load(xml);
        assert_int_equal(g->has_hard_limit, cases[i].set);
        assert_int_equal(g->hard_limit_kib, cases[i].kib);
        guest_free(g);
    }
    /* The "unlimited" hard_limit leaves the decision to <locked/> and the rest. */
    struct guest *g = load(HEAD GIB1 "<memtune><hard_limit>9007199254740991</hard_limit></memtune>"
                           "<memoryBacking><locked/></memoryBacking></domain>");
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.kind, MEMLOCK_UNLIMITED);
    memlock_result_free(&r);
    guest_free(g);
    REFUSED(HEAD GIB1 "<memtune><hard_limit unit='b'>9223372036854775808</hard_limit></memtune>"
            "</domain>", "too large");
    REFUSED(HEAD GIB1 "<memtune><hard_limit unit='EiB'>8</hard_limit></memtune></domain>",
            "too large");
}

static void test_malformed(void **state)
{
    (void)state;
    REFUSED("<domain type='kvm'>\n<name>x</name>\n<memory>1</memory>\n</domian>\n",
            "t.xml:4: not well-formed XML: Opening and ending tag mismatch");
    REFUSED("<domain type='kvm'><memory>1", "t.xml:1: not well-formed XML");
    REFUSED("   \n\t", "not well-formed XML");
    REFUSED("{\"domain\": 1}", "Start tag expected");
    REFUSED("<domain type='kvm' type='qemu'><memory>1</memory></domain>", "redefined");
    REFUSED("<network><name>default</name></network>", "t.xml:1: the root element is <network>");
    REFUSED("<domain><memory>1</memory></domain>", "<domain> needs a type attribute");
    refused("<domain type='kvm'><name>\xc3\x28</name><memory>1</memory></domain>", 61, "UTF-8");
    refused("<domain type='kvm'>\0<memory>1</memory></domain>", 45, "not well-formed XML");
    refused("", 0, "t.xml: empty input");
    /* 300 levels deep: libxml2's depth limit stays on. */
    char deep[300 * 7 + 64] = "";
    for (int i = 0; i < 300; i++)
        strcat(deep, "<a>");
    REFUSED(deep, "not well-formed XML");
}

static void test_doctype_refused(void **state)
{
    (void)state;
    REFUSED("<?xml version='1.0'?>\n<!DOCTYPE domain [\n<!ENTITY m '1048576'>\n]>\n"
            "<domain type='kvm'><memory>&m;</memory></domain>",
            "t.xml:3: a DOCTYPE declaring entities is not allowed");
    REFUSED("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            "<domain type='kvm'><name>&x;</name><memory>1</memory></domain>",
            "declaring entities");
    REFUSED("<!DOCTYPE d [<!ENTITY % p SYSTEM 'file:///etc/passwd'> %p;]><domain/>",
            "declaring entities");
    REFUSED("<!DOCTYPE domain SYSTEM 'http://127.0.0.1:9/d.dtd'><domain type='kvm'>"
            "<memory>1</memory></domain>", "external DTD");
    REFUSED("<!DOCTYPE domain PUBLIC '-//x//EN' 'd.dtd'><domain type='kvm'>"
            "<memory>1</memory></domain>", "external DTD");
    /* An entity reference with no DOCTYPE is just undefined. */
    REFUSED("<domain type='kvm'><memory>&m;</memory></domain>", "Entity 'm' not defined");
    /* XInclude is not processed: the memory stays empty. */
    REFUSED("<domain type='kvm' xmlns:xi='http://www.w3.org/2001/XInclude'><memory>"
            "<xi:include href='/etc/passwd' parse='text'/></memory></domain>", "a size is missing");
    /* A bare DOCTYPE declares nothing and is harmless. */
    struct guest *g = load("<!DOCTYPE domain><domain type='kvm'><memory>1</memory></domain>");
    assert_int_equal(g->memory_kib, 1);
    guest_free(g);
}

/* libxml2 says nothing on stderr: the caller prints one line. */
static void test_nothing_on_stderr(void **state)
{
    (void)state;
    char path[] = "/tmp/mp-gx-stderr.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    struct mp_error err = { 0 };
    static const char *bad[] = {
        "<domain type='kvm'><memory>1</memory></domian>",
        "<!DOCTYPE d [<!ENTITY a 'b'>]><domain>&a;</domain>",
        "<domain type='kvm'><name>&undefined;</name></domain>",
        "<?xml version='1.0' encoding='no-such-charset'?><domain/>",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_null(guest_xml_load_memory(bad[i], strlen(bad[i]), "t.xml", &err));
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    assert_int_equal(size, 0);
}

static void test_size_bound(void **state)
{
    (void)state;
    size_t n = GUEST_XML_MAX_BYTES + 1;
    char *big = xmalloc(n);
    memset(big, ' ', n);
    memcpy(big, "<domain type='kvm'>", 19);
    refused(big, n, "larger than 16 MiB");
    free(big);
}

/* Appends `item` `count` times between `head` and `tail`. */
static char *repeat(const char *head, const char *item, size_t count, const char *tail)
{
    size_t len = strlen(head) + strlen(item) * count + strlen(tail) + 1;
    char *s = xmalloc(len), *p = s;
    p = stpcpy(p, head);
    for (size_t i = 0; i < count; i++)
        p = stpcpy(p, item);
    strcpy(p, tail);
    return s;
}

static void test_collection_bounds(void **state)
{
    (void)state;
    char *ok = repeat(HEAD "<cpu><numa>", "<cell memory='1'/>", GUEST_XML_MAX_ITEMS,
                      "</numa></cpu></domain>");
    struct guest *g = load(ok);
    assert_int_equal(g->nnuma, GUEST_XML_MAX_ITEMS);
    guest_free(g);
    free(ok);
    char *xml = repeat(HEAD "<cpu><numa>", "<cell memory='1'/>", GUEST_XML_MAX_ITEMS + 1,
                       "</numa></cpu></domain>");
    REFUSED(xml, "more than 4096 NUMA cells");
    free(xml);
    xml = repeat(HEAD GIB1 "<devices>", "<hostdev type='mdev'><source><address "
                 "uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>",
                 GUEST_XML_MAX_ITEMS + 1, "</devices></domain>");
    REFUSED(xml, "more than 4096 hostdevs");
    free(xml);
    xml = repeat(HEAD GIB1 "<devices>", "<controller type='usb'/>", GUEST_XML_MAX_ITEMS + 1,
                 "</devices></domain>");
    REFUSED(xml, "more than 4096 controllers");
    free(xml);
    xml = repeat(HEAD GIB1 "<devices>", "<memory model='dimm'><target><size>1</size></target>"
                 "</memory>", GUEST_XML_MAX_ITEMS + 1, "</devices></domain>");
    REFUSED(xml, "more than 4096 memory devices");
    free(xml);
}

static void test_os_type_required(void **state)
{
    (void)state;
    /* virDomainDefParseCaps: no <os><type>, or an empty one, is refused. */
    const char *const xmls[] = {
        "<domain type='kvm'><memory>1024</memory></domain>",
        "<domain type='kvm'><os/><memory>1024</memory></domain>",
        "<domain type='kvm'><os><type/></os><memory>1024</memory></domain>",
        "<domain type='kvm'><os><type arch='x86_64'></type></os><memory>1024</memory></domain>",
    };
    for (size_t i = 0; i < sizeof(xmls) / sizeof(xmls[0]); i++) {
        struct mp_error err = { 0 };
        assert_null(guest_xml_load_memory(xmls[i], strlen(xmls[i]), "t.xml", &err));
        assert_non_null(strstr(err.text, "an os <type> must be specified"));
    }
}

static void test_vdpa_disks_and_driver(void **state)
{
    (void)state;
    /* Each vhost-vDPA source counts, also in a backing chain; NVMe disks once each. */
    struct guest *g = load(HEAD GIB1 "<os><type arch='x86_64' machine='q35'>hvm</type></os>"
                           "<devices>"
                           "<disk type='vhostvdpa' device='disk'><source dev='/dev/vhost-vdpa-0'/>"
                           "<target dev='vda' bus='virtio'/></disk>"
                           "<disk type='file' device='disk'><source file='/a.qcow2'/>"
                           "<backingStore type='vhostvdpa'><source dev='/dev/vhost-vdpa-1'/>"
                           "</backingStore><target dev='vdb' bus='virtio'/></disk>"
                           "<disk type='nvme' device='disk'><source type='pci' namespace='1'>"
                           "<address domain='0x0003' bus='0x02' slot='0x00' function='0x0'/>"
                           "</source><target dev='vdc' bus='virtio'/></disk>"
                           "<disk type='nvme' device='disk'><source type='pci' namespace='1'>"
                           "<address domain='0x0003' bus='0x03' slot='0x00' function='0x0'/>"
                           "</source><target dev='vdd' bus='virtio'/></disk>"
                           "<disk type='file' device='disk'><source file='/e.img'/>"
                           "<target dev='nvme0n1' bus='nvme'/></disk>"
                           "<hostdev mode='subsystem' type='pci'><source>"
                           "<address domain='0x0001' bus='0x01' slot='0x00' function='0x0'/>"
                           "</source></hostdev>"
                           "<hostdev mode='subsystem' type='pci'><driver name='vfio'/><source>"
                           "<address domain='0x0001' bus='0x02' slot='0x00' function='0x0'/>"
                           "</source></hostdev>"
                           "</devices></domain>");
    assert_int_equal(g->vdpa_disks, 2);
    assert_int_equal(g->nvme_disks, 2);   /* type='nvme' only: a disk on bus='nvme' is emulated */
    assert_int_equal(g->vdpa_interfaces, 0);
    assert_int_equal(g->nhostdevs, 2);
    assert_false(g->hostdevs[0].has_driver);
    assert_true(g->hostdevs[1].has_driver);
    guest_free(g);
    REFUSED(HEAD GIB1 "<devices><iommu model='foo'/></devices></domain>", "unknown IOMMU model");
    g = load(HEAD GIB1 "<devices><iommu model='amd'/></devices></domain>");
    assert_true(g->has_iommu);
    guest_free(g);
}

static char *write_temp(const char *content)
{
    char *path = xstrdup("/tmp/mp-gx-file.XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    return path;
}

static void test_file_and_stdin(void **state)
{
    (void)state;
    char *path = write_temp("<domain type='kvm'>\n<os><type>hvm</type></os>\n"
                            "<memory unit='MiB'>512</memory>\n"
                            "<memory>1</memory>\n</domain>\n");
    struct mp_error err = { 0 };
    struct guest *g = guest_xml_load_file(path, &err);
    assert_non_null(g);
    assert_int_equal(g->memory_kib, 512 * KIB_PER_MIB); /* the first <memory>, as libvirt */
    guest_free(g);

    /* "-" reads standard input. */
    int saved = dup(STDIN_FILENO);
    int fd = open(path, O_RDONLY);
    dup2(fd, STDIN_FILENO);
    close(fd);
    g = guest_xml_load_file("-", &err);
    dup2(saved, STDIN_FILENO);
    close(saved);
    assert_non_null(g);
    assert_int_equal(g->memory_kib, 512 * KIB_PER_MIB);
    guest_free(g);
    unlink(path);
    free(path);

    path = write_temp("<domain type='kvm'><os><type>hvm</type></os>\n\n<memory>-1</memory></domain>");
    assert_null(guest_xml_load_file(path, &err));
    char want[128];
    snprintf(want, sizeof(want), "%s:3: <memory>: '-1'", path);
    assert_non_null(strstr(err.text, want));
    unlink(path);
    free(path);

    assert_null(guest_xml_load_file("/nonexistent/guest.xml", &err));
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "/nonexistent/guest.xml: cannot open"));
    assert_null(guest_xml_load_file("/tmp", &err));
    assert_non_null(strstr(err.text, "/tmp: is a directory"));
    assert_null(guest_xml_load_file("/dev/zero", &err));
    assert_non_null(strstr(err.text, "/dev/zero: is a device"));
    /* A control character in a file name does not reach the terminal. */
    assert_null(guest_xml_load_file("/nonexistent/a\033[2Jb.xml", &err));
    assert_null(strchr(err.text, '\033'));
}

/* The loader's guest through the real calculation: libvirt's pseries-hostdev value. */
static void test_end_to_end(void **state)
{
    (void)state;
    struct guest *g = load("<domain type='kvm'><name>pseries-hostdev</name>"
                           "<memory unit='KiB'>1048576</memory>" PPC "<devices>"
                           "<hostdev mode='subsystem' type='pci' managed='yes'>"
                           "<driver name='vfio'/><source><address domain='0x0001' bus='0x01' "
                           "slot='0x00' function='0x0'/></source></hostdev></devices></domain>");
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.limit_bytes, UINT64_C(4320133120));
    assert_int_equal(r.nphbs, 2);
    memlock_result_free(&r);
    guest_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_fields),
        cmocka_unit_test(test_every_unit),
        cmocka_unit_test(test_rounding_up_to_kib),
        cmocka_unit_test(test_size_errors),
        cmocka_unit_test(test_current_and_max_memory),
        cmocka_unit_test(test_numa_totals),
        cmocka_unit_test(test_memory_devices),
        cmocka_unit_test(test_hostdev_pci),
        cmocka_unit_test(test_hostdev_errors),
        cmocka_unit_test(test_hostdev_mdev_and_interface),
        cmocka_unit_test(test_nvme_vdpa_iommu),
        cmocka_unit_test(test_controllers),
        cmocka_unit_test(test_hard_limit_and_locked),
        cmocka_unit_test(test_hard_limit_unlimited),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_doctype_refused),
        cmocka_unit_test(test_nothing_on_stderr),
        cmocka_unit_test(test_size_bound),
        cmocka_unit_test(test_collection_bounds),
        cmocka_unit_test(test_file_and_stdin),
        cmocka_unit_test(test_os_type_required),
        cmocka_unit_test(test_vdpa_disks_and_driver),
        cmocka_unit_test(test_end_to_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

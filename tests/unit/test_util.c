#include "config.h"

#include <stdio.h>
#include <string.h>

#include "size.h"
#include "test_util.h"
#include "xalloc.h"

struct guest *test_guest(const char *arch, const char *machine, enum guest_virt virt, uint64_t mem_kib)
{
    struct guest *g = guest_new();
    g->name = xstrdup("test");
    g->arch = xstrdup(arch);
    g->machine = xstrdup(machine);
    g->virt = virt;
    g->virt_name = xstrdup(virt == GUEST_VIRT_KVM ? "kvm" : "qemu");
    g->memory_kib = mem_kib;
    return g;
}

void test_add_pci(struct guest *g, const char *host_addr, int guest_bus)
{
    struct guest_hostdev *hd = guest_add_hostdev(g, GUEST_HOSTDEV_PCI);
    assert_true(pci_addr_parse(host_addr, &hd->host));
    if (guest_bus >= 0) {
        hd->has_guest_addr = true;
        hd->guest_bus = (unsigned)guest_bus;
    }
}

struct host_device *test_host_dev(struct host *h, const char *addr, uint16_t vendor,
                                  uint16_t device, uint32_t class_code, int group, unsigned nv2_files)
{
    struct pci_addr a;
    assert_true(pci_addr_parse(addr, &a));
    struct host_device *d = host_add_device(h, &a);
    d->ids_known = true;
    d->vendor = vendor;
    d->device = device;
    d->class_code = class_code;
    d->iommu_group = group;
    d->nv2_files = nv2_files;
    d->driver = xstrdup("vfio-pci");
    d->driver_known = true;
    return d;
}

static void bridge(struct host *h, const char *addr, const char *gpu, int group)
{
    struct host_device *d = test_host_dev(h, addr, 0x1014, 0x04ea, 0x068001, group, NV2_FILES_ALL);
    d->has_gpu_link = true;
    assert_true(pci_addr_parse(gpu, &d->gpu));
}

struct host *test_ac922(void)
{
    struct host *h = host_new("test:ac922");
    h->arch = xstrdup("ppc64le");
    h->kernel = xstrdup("5.12.0");
    h->memory_known = true;
    h->memory_kib = 512 * KIB_PER_GIB;
    static const char *const gpus[] = { "0004:04:00.0", "0004:05:00.0", "0035:03:00.0", "0035:04:00.0" };
    for (int i = 0; i < 4; i++)
        test_host_dev(h, gpus[i], 0x10de, 0x1db1, 0x030200, i < 2 ? 5 : 10, 0);
    static const char *const fn[] = { "00.0", "00.1", "00.2", "01.0", "01.1", "01.2" };
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < 6; i++) {
            char addr[32];
            snprintf(addr, sizeof(addr), "%s:00:%s", s ? "0007" : "0006", fn[i]);
            bridge(h, addr, gpus[s * 2 + i / 3], s ? 10 : 5);
        }
    test_host_dev(h, "0003:01:00.0", 0x15b3, 0x1019, 0x020700, 3, 0);
    test_host_dev(h, "0003:01:00.1", 0x15b3, 0x1019, 0x020700, 3, 0);
    test_host_dev(h, "0004:03:00.0", 0x1b4b, 0x9235, 0x010601, 4, 0);
    host_finish(h);
    return h;
}

void test_compute(const struct guest *g, const struct host *h, const struct profile *p,
                  struct memlock_result *r)
{
    struct mp_error err = { 0 };
    int rc = memlock_compute(g, h, p, r, &err);
    if (rc != 0)
        fail_msg("memlock_compute failed: %s", err.text);
}

bool test_has_warning(const struct memlock_result *r, const char *needle)
{
    for (size_t i = 0; i < r->warnings.n; i++)
        if (strstr(r->warnings.items[i].c, needle))
            return true;
    return false;
}

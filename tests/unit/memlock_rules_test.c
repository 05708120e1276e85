/* The calculation's rules beyond libvirt's own tests: alignment, NUMA, memory
 * devices, maxMemory, the vIOMMU/vDPA factor, NVMe, mdev, profiles, NVLink2
 * detection, hard_limit/locked precedence, overflow. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "size.h"
#include "test_util.h"
#include "xalloc.h"

static const struct profile *prof(const char *id)
{
    bool beyond;
    return profile_for_version(id, &beyond);
}

static uint64_t limit_kib(const struct guest *g, const struct host *h, const char *profile)
{
    struct memlock_result r;
    test_compute(g, h, profile ? prof(profile) : NULL, &r);
    uint64_t v = r.kind == MEMLOCK_UNLIMITED ? UINT64_MAX : r.limit_kib;
    memlock_result_free(&r);
    return v;
}

static int compute_error(const struct guest *g, struct mp_error *err)
{
    struct memlock_result r;
    int rc = memlock_compute(g, NULL, NULL, &r, err);
    if (rc == 0)
        memlock_result_free(&r);
    return rc;
}

/* The chosen release refuses the definition; the message names `needle`. */
static void refused_by(const struct guest *g, const char *profile, const char *needle)
{
    struct memlock_result r;
    struct mp_error err = { 0 };
    assert_int_equal(memlock_compute(g, NULL, prof(profile), &r, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    if (!strstr(err.text, needle))
        fail_msg("'%s' does not name '%s'", err.text, needle);
}

static void add_memdev(struct guest *g, const char *model, uint64_t kib)
{
    g->memdevs = xreallocarray(g->memdevs, g->nmemdevs + 1, sizeof(*g->memdevs));
    g->memdevs[g->nmemdevs].model = xstrdup(model);
    g->memdevs[g->nmemdevs++].size_kib = kib;
}

static void add_cell(struct guest *g, uint64_t kib)
{
    g->numa_cells_kib = xreallocarray(g->numa_cells_kib, g->nnuma + 1, sizeof(uint64_t));
    g->numa_cells_kib[g->nnuma++] = kib;
}

static void test_ppc64_alignment(void **state)
{
    (void)state;
    /* A 1000 MiB pseries guest is planned as 1024 MiB. */
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 1000 * KIB_PER_MIB);
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.memory_kib, KIB_PER_GIB);
    assert_int_equal(r.limit_bytes, 20971520u);
    assert_true(test_has_warning(&r, "rounded up to 1 GiB"));
    memlock_result_free(&r);
    /* x86 aligns to 1 MiB only. */
    free(g->arch);
    g->arch = xstrdup("x86_64");
    g->memory_kib = 1000 * KIB_PER_MIB + 1;
    test_add_pci(g, "0000:01:00.0", -1);
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.memory_kib, 1001 * KIB_PER_MIB);
    assert_int_equal(r.limit_kib, 1001 * KIB_PER_MIB + KIB_PER_GIB);
    memlock_result_free(&r);
    guest_free(g);
}

static void test_numa_and_memory_devices(void **state)
{
    (void)state;
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 123);
    add_cell(g, 2 * KIB_PER_GIB);
    add_cell(g, KIB_PER_GIB + 1); /* rounded up to the next MiB */
    add_memdev(g, "dimm", KIB_PER_GIB + 1024); /* 2 MiB module alignment on x86 */
    g->max_memory_kib = 8 * KIB_PER_GIB;
    g->max_memory_slots = 4;
    test_add_pci(g, "0000:01:00.0", -1);
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    uint64_t total = 2 * KIB_PER_GIB + KIB_PER_GIB + 1024 + KIB_PER_GIB + 2048;
    assert_int_equal(r.memory_kib, total);
    assert_int_equal(r.max_memory_kib, 8 * KIB_PER_GIB);
    /* The generic rule counts total memory, not maxMemory. */
    assert_int_equal(r.limit_kib, total + KIB_PER_GIB);
    assert_true(test_has_warning(&r, "<memory> (123 KiB) is ignored"));
    memlock_result_free(&r);
    guest_free(g);

    /* pseries: cells and modules aligned to 256 MiB; maxMemory drives the HPT. */
    g = test_guest("ppc64", "pseries", GUEST_VIRT_KVM, 0);
    add_cell(g, 1000 * KIB_PER_MIB);
    add_cell(g, 1000 * KIB_PER_MIB);
    add_memdev(g, "dimm", 300 * KIB_PER_MIB);
    g->max_memory_kib = 4 * KIB_PER_GIB;
    g->max_memory_slots = 4;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.memory_kib, 2 * KIB_PER_GIB + 512 * KIB_PER_MIB);
    assert_int_equal(r.limit_kib, 4 * KIB_PER_GIB / 128 + 4096 + 8192);
    memlock_result_free(&r);
    guest_free(g);

    /* Without NUMA (pseries only), <memory> includes the modules. */
    g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 4 * KIB_PER_GIB);
    add_memdev(g, "dimm", KIB_PER_GIB);
    g->max_memory_kib = 16 * KIB_PER_GIB;
    g->max_memory_slots = 1;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.memory_kib, 4 * KIB_PER_GIB);
    memlock_result_free(&r);
    guest_free(g);
}

static void test_memory_errors(void **state)
{
    (void)state;
    struct mp_error err = { 0 };
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 0);
    assert_int_equal(compute_error(g, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "emory size must be specified"));

    g->memory_kib = KIB_PER_GIB;
    add_memdev(g, "dimm", 2 * KIB_PER_GIB);
    assert_int_equal(compute_error(g, &err), -1);
    assert_non_null(strstr(err.text, "Total size of memory devices exceeds"));
    guest_free(g);

    g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB);
    g->max_memory_kib = KIB_PER_GIB;
    assert_int_equal(compute_error(g, &err), -1);
    assert_non_null(strstr(err.text, "maximum memory size must be equal or greater"));
    guest_free(g);

    /* The largest size libvirt parses, rounded up on ppc64, overflows after alignment. */
    g = test_guest("ppc64", "pseries", GUEST_VIRT_KVM, UINT64_C(9007199254740991));
    assert_int_equal(compute_error(g, &err), -1);
    assert_string_equal(err.text, "memory size overflowed after alignment");
    guest_free(g);

    g = test_guest("x86_64", "q35", GUEST_VIRT_OTHER, KIB_PER_GIB);
    free(g->virt_name);
    g->virt_name = xstrdup("xen");
    assert_int_equal(compute_error(g, &err), -1);
    assert_non_null(strstr(err.text, "domain type 'xen'"));
    guest_free(g);
}

static void test_overflow_never_wraps(void **state)
{
    (void)state;
    struct mp_error err = { 0 };
    /* 1000 VFIO devices with a vIOMMU and a 4 EiB guest: factor x memory overflows. */
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, UINT64_C(1) << 52);
    g->has_iommu = true;
    for (int i = 0; i < 1000; i++) {
        char addr[32];
        snprintf(addr, sizeof(addr), "0000:%02x:%02x.%x", i / 256, (i / 8) % 32, i % 8);
        test_add_pci(g, addr, -1);
    }
    assert_int_equal(compute_error(g, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "does not fit in 64 bits"));
    guest_free(g);

    /* An absurd manual PHB count is refused, not allocated. */
    g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, KIB_PER_GIB);
    g->phb_override = 4000000000u;
    g->force_vfio = true;
    struct memlock_result r;
    assert_int_equal(memlock_compute(g, NULL, NULL, &r, &err), -1);
    assert_non_null(strstr(err.text, "out of range"));
    g->phb_override = 256;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.nphbs, 256);
    assert_int_equal(r.terms[1].kib, 256 * 4096);
    memlock_result_free(&r);
    guest_free(g);

    /* The largest legal guest still computes exactly. */
    g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, UINT64_C(9007199254740991) - 2048);
    test_add_pci(g, "0000:01:00.0", -1);
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.limit_kib, UINT64_C(9007199254738944) + KIB_PER_GIB); /* 2^53 - 2048 */
    memlock_result_free(&r);
    guest_free(g);
}

static void test_generic_factor(void **state)
{
    (void)state;
    uint64_t m = 16 * KIB_PER_GIB, io = KIB_PER_GIB;
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, m);
    g->vdpa_interfaces = 1;
    assert_int_equal(limit_kib(g, NULL, NULL), m + io);        /* vDPA alone counts */
    assert_int_equal(limit_kib(g, NULL, "7.2"), m + io);       /* counted since 7.2 */
    assert_int_equal(limit_kib(g, NULL, "7.1.0"), 0);          /* parsed, not counted */
    assert_int_equal(limit_kib(g, NULL, "6.9"), 0);
    refused_by(g, "6.8", "<interface type='vdpa'>");           /* unknown before 6.9 */
    g->vdpa_interfaces = 2;
    test_add_pci(g, "0000:01:00.0", -1);
    assert_int_equal(limit_kib(g, NULL, NULL), 3 * m + io);    /* 2 vDPA + VFIO once */
    g->has_iommu = true;
    test_add_pci(g, "0000:02:00.0", -1);
    assert_int_equal(limit_kib(g, NULL, NULL), 4 * m + io);    /* 2 vDPA + 2 VFIO with vIOMMU */
    assert_int_equal(limit_kib(g, NULL, "7.0"), m + io);       /* before 7.2: VFIO once, no vDPA */
    assert_int_equal(limit_kib(g, NULL, "8.6"), m + io);       /* before 8.7: everything once */
    assert_int_equal(limit_kib(g, NULL, "8.7"), 4 * m + io);
    guest_free(g);

    /* mdev and NVMe count as VFIO devices. */
    g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, m);
    g->nvme_disks = 1;
    assert_int_equal(limit_kib(g, NULL, NULL), m + io);
    assert_int_equal(limit_kib(g, NULL, "6.0"), m + io);
    refused_by(g, "5.10", "<disk type='nvme'>");               /* NVMe arrives in 6.0 */
    struct guest_hostdev *md = guest_add_hostdev(g, GUEST_HOSTDEV_MDEV);
    md->mdev_uuid = xstrdup("c2177883-f1bb-47f0-914d-32a22e3a8804");
    g->has_iommu = true;
    assert_int_equal(limit_kib(g, NULL, "9.2"), 2 * m + io);   /* NVMe among the VFIO devices */
    assert_int_equal(limit_kib(g, NULL, NULL), 2 * m + io);    /* NVMe 1 + mdev 1 (vIOMMU) */
    g->nvme_disks = 0;
    assert_int_equal(limit_kib(g, NULL, "5.3"), m + io);       /* mdev counted, once */
    guest_free(g);

    /* Hot-plug planning: the first VFIO device forces the rule. */
    g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, m);
    g->force_vfio = true;
    assert_int_equal(limit_kib(g, NULL, NULL), m + io);
    guest_free(g);
}

static void test_ppc64_vfio_kinds(void **state)
{
    (void)state;
    /* On ppc64 mdev/NVMe/vDPA make "VFIO in use" only from the later profiles. */
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    uint64_t base = 64 * KIB_PER_GIB / 128 + 4096 + 8192;
    uint64_t vfio = 64 * KIB_PER_GIB + 64 * KIB_PER_GIB / 512 + 8192;
    g->vdpa_interfaces = 1;
    assert_int_equal(limit_kib(g, NULL, NULL), base + vfio);
    assert_int_equal(limit_kib(g, NULL, "8.7"), base + vfio);
    assert_int_equal(limit_kib(g, NULL, "8.6"), base);        /* vDPA counted on x86 only */
    g->vdpa_interfaces = 0;
    g->vdpa_disks = 2;                                        /* block disks never turn it on */
    assert_int_equal(limit_kib(g, NULL, NULL), base);
    refused_by(g, "9.7", "vhostvdpa");
    g->vdpa_disks = 0;
    struct guest_hostdev *md = guest_add_hostdev(g, GUEST_HOSTDEV_MDEV);
    md->mdev_uuid = xstrdup("c2177883-f1bb-47f0-914d-32a22e3a8804");
    assert_int_equal(limit_kib(g, NULL, "8.7"), base + vfio); /* mdev on pseries */
    assert_int_equal(limit_kib(g, NULL, "8.6"), base);
    guest_remove_hostdev(g, 0);
    g->vdpa_interfaces = 0;
    g->nvme_disks = 1;
    assert_int_equal(limit_kib(g, NULL, "6.0"), base + vfio);
    refused_by(g, "5.3", "<disk type='nvme'>");
    guest_free(g);
}

static void test_nvlink2_files_per_profile(void **state)
{
    (void)state;
    struct host *h = host_new("test");
    /* A bridge whose node lacks memory-region is no NVLink2 bridge in any
     * release: ppc64VFIODeviceIsNV2Bridge checks four files (7.0, 9.0, 11.3). */
    test_host_dev(h, "0006:00:00.0", 0x1014, 0x04ea, 0x068001, 5, NV2_FILES_SEED);
    host_finish(h);
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    test_add_pci(g, "0006:00:00.0", 0);
    for (size_t i = 0; i < nprofiles; i++) {
        assert_int_equal(profiles[i].nv2_files, NV2_FILES_ALL);
        assert_int_equal(limit_kib(g, h, profiles[i].id) * 1024, UINT64_C(69411536896));
    }
    host_free(h);
    guest_free(g);
}

static void test_nvlink2_terms(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    g->max_memory_kib = 128 * KIB_PER_GIB;
    test_add_pci(g, "0004:04:00.0", -1);
    test_add_pci(g, "0006:00:00.0", -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_true(r.nvlink2);
    assert_int_equal(r.nphbs, 2);
    const char *ids[] = { "hpt", "dma32", "tce_index", "nv2_ram", "nv2_dma64", "ddw_overhead" };
    uint64_t kib[] = { 128 * KIB_PER_GIB / 128, 8192, 8192, 128 * KIB_PER_GIB, 2 * UINT64_C(268435456), 8192 };
    assert_int_equal(r.nterms, 6);
    for (int i = 0; i < 6; i++) {
        assert_string_equal(r.terms[i].id, ids[i]);
        assert_int_equal(r.terms[i].kib, kib[i]);
    }
    /* Half the group and half the links: both warned. */
    assert_true(test_has_warning(&r, "IOMMU group 5 is only partly assigned"));
    assert_true(test_has_warning(&r, "GPU 0004:04:00.0 is assigned without its NVLink2 bridge 0006:00:00.1"));
    assert_false(test_has_warning(&r, "Linux 5.13"));
    memlock_result_free(&r);
    free(h->kernel);
    h->kernel = xstrdup("6.1.0-13-powerpc64le");
    test_compute(g, h, NULL, &r);
    assert_true(test_has_warning(&r, "Linux 5.13 removed VFIO NVLink2"));
    memlock_result_free(&r);
    host_free(h);
    guest_free(g);
}

static void test_precedence(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    test_add_pci(g, "0006:00:00.0", -1);
    g->locked = true;
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.kind, MEMLOCK_UNLIMITED);
    assert_int_equal(r.rule, RULE_LOCKED);
    assert_int_equal(r.nterms, 0);
    assert_true(test_has_warning(&r, "<locked/> without <hard_limit>"));
    memlock_result_free(&r);
    g->has_hard_limit = true;
    g->hard_limit_kib = 100 * KIB_PER_GIB;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.kind, MEMLOCK_BYTES);
    assert_int_equal(r.rule, RULE_HARD_LIMIT);
    assert_int_equal(r.limit_kib, 100 * KIB_PER_GIB);
    assert_int_equal(r.nterms, 1);
    assert_string_equal(r.terms[0].id, "hard_limit");
    /* Below what libvirt would compute: 619037327360 bytes = 576.5 GiB. */
    assert_true(test_has_warning(&r, "hard_limit 100 GiB is below the 576.52 GiB"));
    memlock_result_free(&r);
    g->hard_limit_kib = 0;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.kind, MEMLOCK_NONE);
    assert_true(test_has_warning(&r, "hard_limit 0"));
    memlock_result_free(&r);
    host_free(h);
    guest_free(g);
}

static void test_warnings_about_host(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 600 * KIB_PER_GIB);
    test_add_pci(g, "0009:00:00.0", -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_true(test_has_warning(&r, "hostdev 0009:00:00.0 is not on this host"));
    assert_true(test_has_warning(&r, "is above the host's RAM (512 GiB)"));
    memlock_result_free(&r);
    test_compute(g, NULL, NULL, &r);
    assert_true(test_has_warning(&r, "no host facts"));
    memlock_result_free(&r);
    g->virt = GUEST_VIRT_QEMU;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.rule, RULE_GENERIC); /* ppc64 under TCG */
    assert_true(test_has_warning(&r, "TCG guest"));
    memlock_result_free(&r);
    host_free(h);
    guest_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ppc64_alignment),
        cmocka_unit_test(test_numa_and_memory_devices),
        cmocka_unit_test(test_memory_errors),
        cmocka_unit_test(test_overflow_never_wraps),
        cmocka_unit_test(test_generic_factor),
        cmocka_unit_test(test_ppc64_vfio_kinds),
        cmocka_unit_test(test_nvlink2_files_per_profile),
        cmocka_unit_test(test_nvlink2_terms),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_warnings_about_host),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

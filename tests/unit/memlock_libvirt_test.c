/* libvirt's own memlock cases (tests/qemumemlocktest.c, 9.0.0) and worked
 * values computed by hand from getPPC64MemLockLimitBytes, byte for byte. */
#include "config.h"

#include <string.h>

#include "size.h"
#include "test_util.h"

enum flags { HARD = 1, LOCKED = 2, HOSTDEV = 4, TCG = 8 };

struct libvirt_case {
    const char *name;
    bool ppc;
    unsigned flags;
    enum memlock_kind kind;
    uint64_t bytes;
};

static const struct libvirt_case cases[] = {
    { "pc-kvm", false, 0, MEMLOCK_NONE, 0 },
    { "pc-tcg", false, TCG, MEMLOCK_NONE, 0 },
    { "pc-hardlimit", false, HARD, MEMLOCK_BYTES, 2147483648u },
    { "pc-locked", false, LOCKED, MEMLOCK_UNLIMITED, 0 },
    { "pc-hostdev", false, HOSTDEV, MEMLOCK_BYTES, 2147483648u },
    { "pc-hardlimit+locked", false, HARD | LOCKED, MEMLOCK_BYTES, 2147483648u },
    { "pc-hardlimit+hostdev", false, HARD | HOSTDEV, MEMLOCK_BYTES, 2147483648u },
    { "pc-hardlimit+locked+hostdev", false, HARD | LOCKED | HOSTDEV, MEMLOCK_BYTES, 2147483648u },
    { "pc-locked+hostdev", false, LOCKED | HOSTDEV, MEMLOCK_UNLIMITED, 0 },
    { "pseries-kvm", true, 0, MEMLOCK_BYTES, 20971520u },
    { "pseries-tcg", true, TCG, MEMLOCK_NONE, 0 },
    { "pseries-hardlimit", true, HARD, MEMLOCK_BYTES, 2147483648u },
    { "pseries-locked", true, LOCKED, MEMLOCK_UNLIMITED, 0 },
    { "pseries-hostdev", true, HOSTDEV, MEMLOCK_BYTES, 4320133120u },
    { "pseries-hardlimit+locked", true, HARD | LOCKED, MEMLOCK_BYTES, 2147483648u },
    { "pseries-hardlimit+hostdev", true, HARD | HOSTDEV, MEMLOCK_BYTES, 2147483648u },
    { "pseries-hardlimit+locked+hostdev", true, HARD | LOCKED | HOSTDEV, MEMLOCK_BYTES, 2147483648u },
    { "pseries-locked+hostdev", true, LOCKED | HOSTDEV, MEMLOCK_UNLIMITED, 0 },
};

/* libvirt's test host: the hostdev exists and has an IOMMU group. */
static struct host *libvirt_test_host(void)
{
    struct host *h = host_new("test:libvirt");
    test_host_dev(h, "0001:01:00.0", 0x8086, 0x105e, 0x020000, 0, 0);
    host_finish(h);
    return h;
}

static void run_case(const struct libvirt_case *c, const struct host *h)
{
    struct guest *g = test_guest(c->ppc ? "ppc64" : "x86_64", c->ppc ? "pseries" : "pc",
                                 (c->flags & TCG) ? GUEST_VIRT_QEMU : GUEST_VIRT_KVM, KIB_PER_GIB);
    if (c->flags & HARD) {
        g->has_hard_limit = true;
        g->hard_limit_kib = 2097152;
    }
    g->locked = c->flags & LOCKED;
    if (c->flags & HOSTDEV)
        test_add_pci(g, "0001:01:00.0", -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    if (r.kind != c->kind || r.limit_bytes != c->bytes)
        fail_msg("%s: got kind %d, %llu bytes; want kind %d, %llu bytes", c->name, r.kind,
                 (unsigned long long)r.limit_bytes, c->kind, (unsigned long long)c->bytes);
    /* The terms add up to the limit. */
    uint64_t sum = 0;
    for (size_t i = 0; i < r.nterms; i++)
        sum += r.terms[i].kib;
    assert_int_equal(sum, r.limit_kib);
    memlock_result_free(&r);
    guest_free(g);
}

static void test_libvirt_cases(void **state)
{
    (void)state;
    struct host *h = libvirt_test_host();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        run_case(&cases[i], h);
    host_free(h);
}

static void test_libvirt_cases_without_host(void **state)
{
    (void)state;
    /* --host none: the hostdev is taken as alone in its group, same PHB count. */
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        run_case(&cases[i], NULL);
}

static void test_pseries_hostdev_terms(void **state)
{
    (void)state;
    struct host *h = libvirt_test_host();
    struct guest *g = test_guest("ppc64", "pseries", GUEST_VIRT_KVM, KIB_PER_GIB);
    test_add_pci(g, "0001:01:00.0", -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 2);
    assert_int_equal(r.phbs[0].origin, PHB_DEFAULT_IMPLICIT);
    assert_int_equal(r.phbs[1].origin, PHB_ADDED_ISOLATION);
    assert_int_equal(r.phbs[1].isolation_group, 1); /* host group 0 + 1 */
    assert_int_equal(r.nterms, 4);
    assert_string_equal(r.terms[0].id, "hpt");
    assert_int_equal(r.terms[0].kib, 8192);
    assert_string_equal(r.terms[1].id, "dma32");
    assert_int_equal(r.terms[1].kib, 8192);
    assert_string_equal(r.terms[2].id, "tce_index");
    assert_int_equal(r.terms[2].kib, 8192);
    assert_string_equal(r.terms[3].id, "pre_ddw");
    assert_int_equal(r.terms[3].kib, 4194304);
    assert_int_equal(r.limit_kib, 4218880);
    memlock_result_free(&r);
    guest_free(g);
    host_free(h);
}

/* Worked values. "1 PHB" guests place the device on the default PHB. */
static void test_worked_values(void **state)
{
    (void)state;
    struct memlock_result r;
    struct host *h = test_ac922();

    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 256 * KIB_PER_MIB);
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.limit_bytes, 14680064u);
    memlock_result_free(&r);
    guest_free(g);

    g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    test_add_pci(g, "0003:01:00.0", 0);
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 1);
    assert_int_equal(r.limit_bytes, UINT64_C(69411536896));
    assert_false(r.nvlink2);
    memlock_result_free(&r);
    guest_free(g);

    g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    test_add_pci(g, "0006:00:00.0", 0);
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 1);
    assert_true(r.nvlink2);
    assert_int_equal(r.limit_bytes, UINT64_C(344155226112));
    memlock_result_free(&r);
    guest_free(g);

    g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    test_add_pci(g, "0006:00:00.0", -1); /* libvirt adds a PHB for group 5 */
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 2);
    assert_int_equal(r.limit_bytes, UINT64_C(619037327360));
    memlock_result_free(&r);
    guest_free(g);

    struct guest *x = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 16 * KIB_PER_GIB);
    test_add_pci(x, "0000:01:00.0", -1);
    test_add_pci(x, "0000:02:00.0", -1);
    test_compute(x, NULL, NULL, &r);
    assert_int_equal(r.limit_bytes, UINT64_C(18253611008));
    memlock_result_free(&r);
    x->has_iommu = true;
    test_compute(x, NULL, NULL, &r);
    assert_int_equal(r.limit_bytes, UINT64_C(35433480192));
    assert_int_equal(r.factor, 2);
    memlock_result_free(&r);
    guest_free(x);
    host_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_libvirt_cases),
        cmocka_unit_test(test_libvirt_cases_without_host),
        cmocka_unit_test(test_pseries_hostdev_terms),
        cmocka_unit_test(test_worked_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

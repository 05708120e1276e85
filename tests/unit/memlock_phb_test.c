/* PHBs of pseries guests as libvirt will have them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "size.h"
#include "test_util.h"
#include "xalloc.h"

static const char *const socket0[] = { "0004:04:00.0", "0004:05:00.0", "0006:00:00.0", "0006:00:00.1",
                                       "0006:00:00.2", "0006:00:01.0", "0006:00:01.1", "0006:00:01.2" };
static const char *const socket1[] = { "0035:03:00.0", "0035:04:00.0", "0007:00:00.0", "0007:00:00.1",
                                       "0007:00:00.2", "0007:00:01.0", "0007:00:01.1", "0007:00:01.2" };

static struct guest *pseries(void)
{
    return test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
}

static void add_root(struct guest *g, unsigned index)
{
    g->controllers = xreallocarray(g->controllers, g->ncontrollers + 1, sizeof(*g->controllers));
    struct guest_pci_controller *c = &g->controllers[g->ncontrollers++];
    memset(c, 0, sizeof(*c));
    c->model = GUEST_PCI_ROOT;
    c->index = index;
    c->model_name = xstrdup("pci-root");
}

static void add_bridge(struct guest *g, unsigned index, unsigned bus)
{
    g->controllers = xreallocarray(g->controllers, g->ncontrollers + 1, sizeof(*g->controllers));
    struct guest_pci_controller *c = &g->controllers[g->ncontrollers++];
    memset(c, 0, sizeof(*c));
    c->model = GUEST_PCI_OTHER;
    c->index = index;
    c->model_name = xstrdup("pci-bridge");
    c->has_bus = true;
    c->bus = bus;
}

static void test_ac922_sockets(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct guest *g = pseries();
    for (int i = 0; i < 8; i++)
        test_add_pci(g, socket0[i], -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 2); /* one compound group: one extra PHB */
    assert_int_equal(r.phbs[1].isolation_group, 6);
    assert_int_equal(r.phbs[1].nhostdevs, 8);
    assert_non_null(strstr(r.phbs[1].why.c, "IOMMU group 5"));
    assert_false(test_has_warning(&r, "partly assigned"));
    assert_false(test_has_warning(&r, "without its"));
    /* 64 GiB + 256 GiB x 2 PHBs + 8 MiB, plus 512 MiB + 8 MiB + 8 MiB. */
    assert_int_equal(r.limit_bytes, UINT64_C(619037327360));
    memlock_result_free(&r);
    for (int i = 0; i < 8; i++)
        test_add_pci(g, socket1[i], -1);
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 3);
    assert_int_equal(r.phbs[2].index, 2);
    assert_int_equal(r.phbs[2].isolation_group, 11);
    memlock_result_free(&r);
    host_free(h);
    guest_free(g);
}

static void test_unknown_devices_each_alone(void **state)
{
    (void)state;
    struct guest *g = pseries();
    test_add_pci(g, "0001:01:00.0", -1);
    test_add_pci(g, "0001:02:00.0", -1);
    test_add_pci(g, "0001:03:00.0", -1);
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.nphbs, 4);
    assert_int_equal(r.phbs[3].origin, PHB_ADDED_ISOLATION);
    assert_non_null(strstr(r.phbs[3].why.c, "taken as alone"));
    memlock_result_free(&r);
    guest_free(g);
}

static void test_listed_phbs(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    /* An extra empty PHB listed in the XML adopts the first group placed. */
    struct guest *g = pseries();
    add_root(g, 0);
    add_root(g, 1);
    test_add_pci(g, "0004:04:00.0", -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 2);
    assert_int_equal(r.phbs[0].origin, PHB_LISTED);
    assert_int_equal(r.phbs[1].origin, PHB_LISTED);
    assert_int_equal(r.phbs[1].nhostdevs, 1);
    memlock_result_free(&r);
    /* A device of another group needs a new one. */
    test_add_pci(g, "0003:01:00.0", -1);
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 3);
    assert_int_equal(r.phbs[2].index, 2);
    memlock_result_free(&r);
    guest_free(g);

    /* virsh dumpxml style: every PHB and address listed; nothing added. */
    g = pseries();
    add_root(g, 0);
    add_root(g, 1);
    add_bridge(g, 2, 1);
    test_add_pci(g, "0004:04:00.0", 2);  /* behind a bridge on PHB 1 */
    test_add_pci(g, "0003:01:00.0", 0);  /* explicitly on the default PHB */
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 2);
    assert_int_equal(r.phbs[1].nhostdevs, 1);
    assert_int_equal(r.phbs[0].nhostdevs, 1);
    memlock_result_free(&r);
    /* An address on a bus nobody defines: warned, not counted. */
    test_add_pci(g, "0004:05:00.0", 7);
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 2);
    assert_true(test_has_warning(&r, "guest bus 7"));
    memlock_result_free(&r);
    guest_free(g);
    host_free(h);
}

static void test_implicit_default_with_other_listed(void **state)
{
    (void)state;
    /* Only PHB 1 listed: the default one is still there. */
    struct guest *g = pseries();
    add_root(g, 1);
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.nphbs, 2);
    assert_int_equal(r.phbs[0].origin, PHB_DEFAULT_IMPLICIT);
    assert_int_equal(r.phbs[0].index, 0);
    assert_int_equal(r.limit_kib, 64 * KIB_PER_GIB / 128 + 2 * 4096 + 8192);
    memlock_result_free(&r);
    guest_free(g);
}

static void test_mdev_and_manual(void **state)
{
    (void)state;
    struct guest *g = pseries();
    struct guest_hostdev *md = guest_add_hostdev(g, GUEST_HOSTDEV_MDEV);
    md->mdev_uuid = xstrdup("c2177883-f1bb-47f0-914d-32a22e3a8804");
    struct memlock_result r;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.nphbs, 1); /* mdev is not isolated */
    assert_true(r.uses_vfio);
    memlock_result_free(&r);
    g->phb_override = 5;
    test_compute(g, NULL, NULL, &r);
    assert_int_equal(r.nphbs, 5);
    assert_int_equal(r.phbs[4].origin, PHB_MANUAL);
    assert_int_equal(r.terms[1].kib, 5 * 4096);
    memlock_result_free(&r);
    guest_free(g);
}

static void test_slot_capacity(void **state)
{
    (void)state;
    /* 40 functions of one IOMMU group do not fit on one PHB's 31 slots. */
    struct host *h = host_new("test");
    struct guest *g = pseries();
    for (int i = 0; i < 40; i++) {
        char addr[32];
        snprintf(addr, sizeof(addr), "0001:%02x:00.0", i + 1);
        test_host_dev(h, addr, 0x15b3, 0x1018, 0x020000, 7, 0);
        test_add_pci(g, addr, -1);
    }
    host_finish(h);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    assert_int_equal(r.nphbs, 3);
    assert_int_equal(r.phbs[1].nhostdevs, 31);
    assert_int_equal(r.phbs[2].nhostdevs, 9);
    memlock_result_free(&r);
    guest_free(g);
    host_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ac922_sockets),
        cmocka_unit_test(test_unknown_devices_each_alone),
        cmocka_unit_test(test_listed_phbs),
        cmocka_unit_test(test_implicit_default_with_other_listed),
        cmocka_unit_test(test_mdev_and_manual),
        cmocka_unit_test(test_slot_capacity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

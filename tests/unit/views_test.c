/* The views beyond the limit: tour, address map, profile comparison, capacity. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "address_map.h"
#include "capacity.h"
#include "profile_compare.h"
#include "size.h"
#include "test_util.h"
#include "tour.h"

static const struct memlock_term *term(const struct memlock_result *r, const char *id)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (!strcmp(r->terms[i].id, id))
            return &r->terms[i];
    return NULL;
}

static void tour_result(const struct host *h, size_t step, struct memlock_result *r)
{
    struct guest *g = tour_guest(step);
    test_compute(g, h, NULL, r);
    guest_free(g);
}

static void test_tour_steps(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct memlock_result r;

    tour_result(h, 0, &r);
    /* 64 GiB / 128 + 4 MiB + 8 MiB */
    assert_int_equal(r.limit_kib, 524288 + 4096 + 8192);
    memlock_result_free(&r);

    tour_result(h, 1, &r);
    assert_true(r.uses_vfio);
    assert_false(r.nvlink2);
    assert_non_null(term(&r, "dma64"));
    assert_int_equal(term(&r, "dma64")->kib, 64 * KIB_PER_GIB / 512 * r.nphbs);
    size_t phbs_nic = r.nphbs;
    memlock_result_free(&r);

    /* Socket 0's whole group 5: no partly assigned group, one more PHB, NVLink2. */
    tour_result(h, 2, &r);
    assert_int_equal(r.nphbs, phbs_nic + 1);
    assert_false(test_has_warning(&r, "partly assigned"));
    assert_true(r.nvlink2);
    assert_int_equal(term(&r, "nv2_dma64")->kib, UINT64_C(268435456) * r.nphbs);
    size_t phbs_socket0 = r.nphbs;
    memlock_result_free(&r);

    tour_result(h, 3, &r);
    assert_int_equal(r.nphbs, phbs_socket0 + 1);
    assert_false(test_has_warning(&r, "partly assigned"));
    memlock_result_free(&r);

    tour_result(h, 4, &r);
    assert_int_equal(term(&r, "hpt")->kib, 256 * KIB_PER_GIB / 128);
    assert_int_equal(term(&r, "nv2_ram")->kib, 256 * KIB_PER_GIB);
    uint64_t need = r.limit_kib;
    memlock_result_free(&r);

    tour_result(h, 5, &r);
    assert_int_equal(r.kind, MEMLOCK_UNLIMITED);
    memlock_result_free(&r);

    /* The recommended hard_limit: libvirt's limit plus 1 GiB of headroom. */
    tour_result(h, 6, &r);
    assert_int_equal(r.rule, RULE_HARD_LIMIT);
    assert_int_equal(r.limit_kib, tour_recommended_kib(need));
    assert_int_equal(r.limit_kib, need + KIB_PER_GIB);
    memlock_result_free(&r);

    /* Your turn: the same guest. */
    tour_result(h, 7, &r);
    assert_int_equal(r.limit_kib, tour_recommended_kib(need));
    memlock_result_free(&r);

    assert_int_equal(tour_nsteps(), 8);
    assert_null(tour_step(8));
    host_free(h);
}

static void test_tour_diff(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct memlock_result a, b;
    tour_result(h, 1, &a);
    tour_result(h, 2, &b);
    size_t n;
    struct tour_delta *d = tour_diff(&a, &b, &n);
    bool nv2_added = false, ram_removed = false;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(d[i].id, "nv2_dma64") && d[i].before_kib == 0 && d[i].after_kib > 0)
            nv2_added = true;
        if (!strcmp(d[i].id, "dma64") && d[i].after_kib == 0)
            ram_removed = true;
    }
    assert_true(nv2_added);
    assert_true(ram_removed);
    free(d);
    memlock_result_free(&a);
    memlock_result_free(&b);
    /* Under <locked/> the terms do not apply, and say so. */
    tour_result(h, 4, &a);
    tour_result(h, 5, &b);
    d = tour_diff(&a, &b, &n);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(d[i].after_kib, 0);
        assert_non_null(d[i].gone);
        assert_non_null(strstr(d[i].gone, "locked"));
    }
    free(d);
    memlock_result_free(&a);
    memlock_result_free(&b);
    host_free(h);
}

static void test_address_map_nvlink2(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct guest *g = tour_guest(3);
    struct address_map m;
    struct mp_error err = { 0 };
    assert_int_equal(address_map_build(g, h, NULL, &m, &err), 0);
    bool ram = false, nv2 = false;
    size_t dma64 = 0;
    for (size_t i = 0; i < m.n; i++) {
        const struct addr_region *a = &m.regions[i];
        if (!strcmp(a->id, "ram")) {
            ram = true;
            assert_int_equal(a->end_kib, 64 * KIB_PER_GIB);
        } else if (!strcmp(a->id, "nv2_ram")) {
            nv2 = true;
            assert_int_equal(a->start_kib, 64 * KIB_PER_TIB);
            assert_int_equal(a->end_kib, 128 * KIB_PER_TIB);
        } else if (!strcmp(a->id, "dma64")) {
            dma64++;
            assert_int_equal(a->end_kib, 128 * KIB_PER_TIB);
            assert_int_equal(a->tce_kib, 256 * KIB_PER_GIB);  /* why NVLink2 costs 256 GiB */
        }
    }
    assert_true(ram);
    assert_true(nv2);
    assert_true(dma64 >= 2);
    address_map_free(&m);

    /* hard_limit does not hide the formula's picture */
    g->has_hard_limit = true;
    g->hard_limit_kib = KIB_PER_GIB;
    assert_int_equal(address_map_build(g, h, NULL, &m, &err), 0);
    bool still_nv2 = false;
    for (size_t i = 0; i < m.n; i++)
        still_nv2 |= !strcmp(m.regions[i].id, "nv2_ram");
    assert_true(still_nv2);
    address_map_free(&m);
    guest_free(g);

    struct guest *x86 = test_guest("x86_64", "q35", GUEST_VIRT_KVM, KIB_PER_GIB);
    assert_int_equal(address_map_build(x86, h, NULL, &m, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    guest_free(x86);
    host_free(h);
}

static void test_address_map_scale(void **state)
{
    (void)state;
    assert_int_equal(address_map_column(0, 41), 0);
    assert_int_equal(address_map_column(KIB_PER_GIB, 41), 0);
    assert_int_equal(address_map_column(128 * KIB_PER_TIB, 41), 40);
    /* 256 GiB = 2^28 KiB: 8 of 17 octaves */
    assert_int_equal(address_map_column(256 * KIB_PER_GIB, 41), 8 * 40 / 17);
    /* 32 TiB = 2^35 KiB: 15 of 17 */
    assert_int_equal(address_map_column(32 * KIB_PER_TIB, 41), 15 * 40 / 17);
    assert_int_equal(address_map_column(UINT64_MAX, 41), 40);
    assert_int_equal(address_map_column(5, 0), 0);
}

static void test_compare_nvme(void **state)
{
    (void)state;
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB);
    g->nvme_disks = 1;
    struct profile_compare c;
    struct mp_error err = { 0 };
    assert_int_equal(profile_compare_run(g, NULL, &c, &err), 0);
    assert_int_equal(c.nprofiles, nprofiles);
    assert_true(c.limit_differs);
    /* the seed era ignores NVMe disks; 9.0 counts them: 4 GiB + 1 GiB */
    assert_string_equal(c.results[0].profile->id, profiles[0].id);
    assert_int_equal(c.results[0].kind, MEMLOCK_NONE);
    assert_int_equal(c.results[nprofiles - 1].limit_kib, 5 * KIB_PER_GIB);
    bool ram_differs = false;
    for (size_t i = 0; i < c.nrows; i++)
        if (!strcmp(c.rows[i].id, "ram"))
            ram_differs = c.rows[i].differs && !c.rows[i].present[0];
    assert_true(ram_differs);
    profile_compare_free(&c);

    g->nvme_disks = 0;
    assert_int_equal(profile_compare_run(g, NULL, &c, &err), 0);
    assert_false(c.limit_differs);
    profile_compare_free(&c);
    guest_free(g);
}

static void test_capacity_groups(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    /* one GPU and its bridges: socket 0's group */
    struct guest *g = test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, 64 * KIB_PER_GIB);
    test_add_pci(g, "0004:04:00.0", -1);
    test_add_pci(g, "0006:00:00.0", -1);
    test_add_pci(g, "0006:00:00.1", -1);
    test_add_pci(g, "0006:00:00.2", -1);
    struct memlock_result r;
    test_compute(g, h, NULL, &r);
    struct capacity c;
    capacity_compute(g, h, &r, &c);
    assert_true(c.known);
    /* RAM: 512 / 64 = 8 guests; groups like 5: the host has two (5 and 10) */
    assert_int_equal(c.fits, 2);
    assert_non_null(strstr(c.resources[c.limiting].id, "10de:1db1 x2"));
    assert_true(c.worst_case_known);
    assert_int_equal(c.fits_at_limit, h->memory_kib / r.limit_kib);
    capacity_free(&c);
    memlock_result_free(&r);

    test_add_pci(g, "0035:03:00.0", -1);  /* a GPU from each socket: both groups */
    test_compute(g, h, NULL, &r);
    capacity_compute(g, h, &r, &c);
    assert_int_equal(c.fits, 1);
    assert_non_null(strstr(c.resources[c.limiting].id, "10de:1db1 x2"));
    capacity_free(&c);
    memlock_result_free(&r);
    guest_free(g);

    g = tour_guest(1);  /* the tour's NIC: the host has one such group */
    test_compute(g, h, NULL, &r);
    capacity_compute(g, h, &r, &c);
    assert_int_equal(c.fits, 1);
    assert_string_equal(c.resources[c.limiting].id, "groups:15b3:1019 x2");
    capacity_free(&c);
    memlock_result_free(&r);
    guest_free(g);

    g = tour_guest(0);  /* nothing assigned: RAM decides */
    test_compute(g, h, NULL, &r);
    capacity_compute(g, h, &r, &c);
    assert_int_equal(c.fits, 8);
    assert_string_equal(c.resources[c.limiting].id, "ram");
    assert_false(c.worst_case_known);
    capacity_free(&c);
    memlock_result_free(&r);

    test_compute(g, NULL, NULL, &r);
    capacity_compute(g, NULL, &r, &c);  /* no host facts: unknown, not zero */
    assert_false(c.known);
    assert_true(c.notes.n > 0);
    capacity_free(&c);
    memlock_result_free(&r);
    guest_free(g);
    host_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tour_steps),
        cmocka_unit_test(test_tour_diff),
        cmocka_unit_test(test_address_map_nvlink2),
        cmocka_unit_test(test_address_map_scale),
        cmocka_unit_test(test_compare_nvme),
        cmocka_unit_test(test_capacity_groups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

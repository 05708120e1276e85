/* The planner's model on the AC922 demo host: assignment with IOMMU groups,
 * edits recomputed through core/, refused edits, undo, the host rows. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "guestview.h"
#include "hostview.h"
#include "plan.h"
#include "probe.h"
#include "size.h"
#include "test_util.h"

static void setup_plan(struct plan *p, uint64_t mem_kib)
{
    struct mp_error err = { 0 };
    struct host *h = probe_load("demo:ac922", &err);
    if (!h)
        fail_msg("demo:ac922: %s", err.text);
    plan_init(p, h, test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, mem_kib), NULL, NULL);
    assert_true(p->have_result);
}

static size_t dev_index(const struct plan *p, const char *addr)
{
    struct pci_addr a;
    assert_true(pci_addr_parse(addr, &a));
    const struct host_device *d = host_find(p->host, &a);
    assert_non_null(d);
    return (size_t)(d - p->host->devices);
}

/* The limit core computes for the plan's guest, independently. */
static uint64_t direct_limit(const struct plan *p)
{
    struct memlock_result r;
    test_compute(p->guest, p->host, p->profile, &r);
    uint64_t b = r.limit_bytes;
    memlock_result_free(&r);
    return b;
}

static void test_group_assign(void **state)
{
    (void)state;
    struct plan p;
    struct mp_error err = { 0 };
    setup_plan(&p, 64 * KIB_PER_GIB);
    size_t gpu = dev_index(&p, "0004:04:00.0");
    uint64_t before = p.result.limit_bytes;
    /* Group 5: two GPUs and six bridges; 7 others to take along. */
    assert_int_equal(plan_group_others(&p, gpu), 7);
    assert_int_equal(plan_toggle_device(&p, gpu, true, &err), 0);
    assert_int_equal(p.guest->nhostdevs, 8);
    assert_true(plan_device_assigned(&p, dev_index(&p, "0006:00:01.2")));
    assert_true(p.result.nvlink2);
    /* 64 GiB, NVLink2, 2 PHBs: the worked value of tests/data/calc/cases.txt. */
    assert_int_equal(p.result.limit_bytes, UINT64_C(619037327360));
    assert_int_equal(p.result.limit_bytes, direct_limit(&p));
    assert_true(p.have_delta);
    assert_int_equal(p.prev_bytes, before);
    assert_true(p.dirty);
    /* Unassigning one member leaves a partly assigned group, and a warning. */
    assert_int_equal(plan_group_others(&p, dev_index(&p, "0006:00:00.0")), 7);
    assert_int_equal(plan_toggle_device(&p, dev_index(&p, "0006:00:00.0"), false, &err), 0);
    assert_int_equal(p.guest->nhostdevs, 7);
    assert_true(test_has_warning(&p.result, "only partly assigned"));
    /* Undo twice: back to no devices and the first limit, clean again. */
    char what[160];
    assert_true(plan_undo(&p, what, sizeof(what)));
    assert_string_equal(what, "unassign 0006:00:00.0");
    assert_int_equal(p.guest->nhostdevs, 8);
    assert_true(plan_undo(&p, what, sizeof(what)));
    assert_int_equal(p.guest->nhostdevs, 0);
    assert_int_equal(p.result.limit_bytes, before);
    assert_false(p.dirty);
    assert_false(plan_undo(&p, what, sizeof(what)));
    plan_free(&p);
}

static void test_gpu_alone(void **state)
{
    (void)state;
    struct plan p;
    struct mp_error err = { 0 };
    setup_plan(&p, 64 * KIB_PER_GIB);
    assert_int_equal(plan_toggle_device(&p, dev_index(&p, "0004:04:00.0"), false, &err), 0);
    assert_int_equal(p.guest->nhostdevs, 1);
    assert_false(p.result.nvlink2);
    assert_true(test_has_warning(&p.result, "without its NVLink2 bridge"));
    assert_int_equal(p.result.limit_bytes, direct_limit(&p));
    plan_free(&p);
}

static void test_edits(void **state)
{
    (void)state;
    struct plan p;
    struct mp_error err = { 0 };
    setup_plan(&p, KIB_PER_GIB);
    /* pseries-kvm from libvirt's tests. */
    assert_int_equal(p.result.limit_bytes, UINT64_C(20971520));
    assert_int_equal(plan_set_memory(&p, 64 * KIB_PER_GIB, &err), 0);
    assert_int_equal(p.result.memory_kib, 64 * KIB_PER_GIB);
    assert_int_equal(p.result.limit_bytes, direct_limit(&p));
    /* Max memory below memory: core refuses, nothing changes, no undo step. */
    size_t nundo = p.nundo;
    assert_int_equal(plan_set_max_memory(&p, 8 * KIB_PER_GIB, &err), -1);
    assert_non_null(strstr(err.text, "maximum memory"));
    assert_int_equal(p.guest->max_memory_kib, 0);
    assert_int_equal(p.nundo, nundo);
    assert_int_equal(plan_set_memory(&p, 0, &err), -1);
    assert_int_equal(plan_set_phbs(&p, MEMLOCK_MAX_PHBS + 1, &err), -1);
    /* locked: unlimited; hard_limit wins over it. */
    assert_int_equal(plan_toggle_locked(&p, &err), 0);
    assert_int_equal(p.result.kind, MEMLOCK_UNLIMITED);
    assert_int_equal(plan_set_hard_limit(&p, true, 2 * KIB_PER_GIB, &err), 0);
    assert_int_equal(p.result.kind, MEMLOCK_BYTES);
    assert_int_equal(p.result.limit_bytes, UINT64_C(2147483648));
    assert_int_equal(plan_set_hard_limit(&p, false, 0, &err), 0);
    assert_int_equal(p.result.kind, MEMLOCK_UNLIMITED);
    assert_int_equal(plan_toggle_locked(&p, &err), 0);
    /* A manual PHB count of 3 and then automatic again. */
    assert_int_equal(plan_set_phbs(&p, 3, &err), 0);
    assert_int_equal(p.result.nphbs, 3);
    assert_int_equal(plan_set_phbs(&p, 0, &err), 0);
    assert_int_equal(p.result.nphbs, 1);
    /* Profiles cycle and come back. */
    const struct profile *first = p.profile;
    size_t guard = 0;
    do {
        assert_int_equal(plan_next_profile(&p, &err), 0);
    } while (p.profile != first && ++guard < 32);
    assert_ptr_equal(p.profile, first);
    /* TCG: no ppc64 formula. */
    assert_int_equal(plan_toggle_virt(&p, &err), 0);
    assert_int_equal(p.result.rule, RULE_GENERIC);
    plan_free(&p);
}

/* L passes over the steps whose release cannot parse the guest (an NVMe disk
 * before 6.0) instead of stopping at them, and each step's limit is its own. */
static void test_profiles_skip_refusing(void **state)
{
    (void)state;
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB);
    g->nvme_disks = 2;
    test_add_pci(g, "0000:01:00.0", -1);
    struct plan p;
    struct mp_error err = { 0 };
    plan_init(&p, NULL, g, profile_default(), NULL);
    assert_true(p.have_result);
    assert_int_equal(p.result.limit_bytes, UINT64_C(13958643712));    /* 9.3 on: 3 x 4 GiB + 1 */
    assert_int_equal(plan_next_profile(&p, &err), 0);
    assert_string_equal(p.profile->id, "6.0");                       /* 5.3 passed over */
    assert_int_equal(p.result.limit_bytes, UINT64_C(5368709120));     /* once: 4 GiB + 1 */
    size_t guard = 0;
    while (strcmp(p.profile->id, "9.3") && ++guard < 32)
        assert_int_equal(plan_next_profile(&p, &err), 0);
    assert_int_equal(p.result.limit_bytes, UINT64_C(13958643712));
    plan_free(&p);
}

/* A long session: the undo history stops at PLAN_UNDO_MAX edits (memory
 * stays bounded), the newest are undone in order, and undoing all that is
 * kept leaves the guest marked modified (it is not the file's any more). */
static void test_undo_bounded(void **state)
{
    (void)state;
    struct plan p;
    struct mp_error err = { 0 };
    setup_plan(&p, KIB_PER_GIB);
    for (uint64_t i = 1; i <= PLAN_UNDO_MAX + 50; i++)
        assert_int_equal(plan_set_memory(&p, (i + 1) * KIB_PER_GIB, &err), 0);
    assert_int_equal(p.nundo, PLAN_UNDO_MAX);
    assert_true(p.undo_dropped);
    char what[160];
    assert_true(plan_undo(&p, what, sizeof(what)));
    assert_int_equal(p.guest->memory_kib, (PLAN_UNDO_MAX + 50) * KIB_PER_GIB);
    while (plan_undo(&p, what, sizeof(what)))
        ;
    /* The oldest kept step: memory before edit 51, which set 52 GiB. */
    assert_int_equal(p.guest->memory_kib, 51 * KIB_PER_GIB);
    assert_true(p.dirty);
    /* Redo walks all the way back, bounded the same way. */
    assert_int_equal(p.nredo, PLAN_UNDO_MAX);
    size_t steps = 0;
    while (plan_redo(&p, what, sizeof(what)))
        steps++;
    assert_int_equal(steps, PLAN_UNDO_MAX);
    assert_int_equal(p.guest->memory_kib, (PLAN_UNDO_MAX + 51) * KIB_PER_GIB);
    assert_int_equal(p.nundo, PLAN_UNDO_MAX);
    /* Undo then a new edit: what was undone cannot come back. */
    assert_true(plan_undo(&p, what, sizeof(what)));
    assert_true(plan_redo(&p, what, sizeof(what)));
    assert_string_equal(what, "memory 1.03 TiB");
    assert_true(plan_undo(&p, what, sizeof(what)));
    assert_int_equal(plan_set_memory(&p, 7 * KIB_PER_GIB, &err), 0);
    assert_false(plan_redo(&p, what, sizeof(what)));
    assert_int_equal(p.guest->memory_kib, 7 * KIB_PER_GIB);
    plan_free(&p);
}

static void test_hostview(void **state)
{
    (void)state;
    struct plan p;
    setup_plan(&p, KIB_PER_GIB);
    struct hostview v;
    hostview_build(p.host, &v);
    /* One PHB row per domain, every device once, PHB rows first. */
    size_t ndom, phb_rows = 0, dev_rows = 0;
    free(host_domains(p.host, &ndom));
    for (size_t i = 0; i < v.n; i++)
        *(v.rows[i].kind == HROW_PHB ? &phb_rows : &dev_rows) += 1;
    assert_int_equal(phb_rows, ndom);
    assert_int_equal(dev_rows, p.host->ndevices);
    assert_int_equal(v.rows[0].kind, HROW_PHB);
    unsigned nv2 = p.profile->nv2_files;
    char buf[256];
    hostview_phb_text(p.host, 0x0006, nv2, buf, sizeof(buf));
    assert_string_equal(buf, "PHB 0006  NVLink2 (NPU), 6 devices");
    size_t gpu = dev_index(&p, "0004:04:00.0");
    hostview_device_text(&p.host->devices[gpu], nv2, buf, sizeof(buf));
    assert_string_equal(buf, "04:00.0 GPU vfio-pci g5 n0");
    size_t br = dev_index(&p, "0006:00:01.2");
    hostview_device_text(&p.host->devices[br], nv2, buf, sizeof(buf));
    assert_string_equal(buf, "00:01.2 NV2 vfio-pci g5");
    hostview_device_detail(p.host, &p.host->devices[br], nv2, buf, sizeof(buf));
    assert_non_null(strstr(buf, "0006:00:01.2 NVLink2 bridge of GPU 0004:05:00.0; IOMMU group 5;"));
    hostview_device_detail(p.host, &p.host->devices[gpu], nv2, buf, sizeof(buf));
    assert_non_null(strstr(buf, "Tesla V100"));
    assert_non_null(strstr(buf, "0004:04:00.0 GPU with 3 NVLink2 bridges; IOMMU group 5; "
                                "driver vfio-pci; NUMA node 0;"));
    /* The GPU sits behind a switch down-port and the switch: depth 3 (capped). */
    assert_true(v.rows[hostview_row_of(&v, gpu)].depth >= 2);
    /* Search: by address, wrapping, by kind, and no match. */
    long row = hostview_search(&v, p.host, nv2, "0004:04:00.0", 0, 1);
    assert_int_equal(row, hostview_row_of(&v, gpu));
    assert_int_equal(hostview_search(&v, p.host, nv2, "0004:04:00.0", (size_t)row, 1), row);
    row = hostview_search(&v, p.host, nv2, "nv2", 0, 1);
    assert_int_equal(v.rows[row].kind, HROW_DEVICE);
    assert_int_equal(p.host->devices[v.rows[row].dev].addr.domain, 0x0006);
    assert_int_equal(hostview_search(&v, p.host, nv2, "no-such-thing", 0, 1), -1);
    assert_true(hostview_has_passthrough(p.host));
    hostview_free(&v);
    plan_free(&p);
}

static void test_guestview(void **state)
{
    (void)state;
    struct plan p;
    struct mp_error err = { 0 };
    setup_plan(&p, 1000 * KIB_PER_MIB);
    struct grow rows[32];
    size_t n = guestview_rows(&p, rows, 32);
    assert_int_equal(n, GF_DEVHEADER + 1);
    char label[64], value[256];
    guestview_text(&p, &rows[GF_MEMORY], label, sizeof(label), value, sizeof(value));
    assert_string_equal(label, "Memory [m]");
    /* pseries memory is planned after libvirt's 256 MiB alignment. */
    assert_string_equal(value, "1 GiB (written 1000 MiB)");
    assert_int_equal(plan_toggle_device(&p, dev_index(&p, "0003:01:00.0"), true, &err), 0);
    n = guestview_rows(&p, rows, 32);
    assert_int_equal(n, GF_DEVHEADER + 3);
    guestview_text(&p, &rows[GF_DEVHEADER + 1], label, sizeof(label), value, sizeof(value));
    assert_string_equal(value, "0003:01:00.0 net g3");
    guestview_text(&p, &rows[GF_PHBS], label, sizeof(label), value, sizeof(value));
    assert_string_equal(value, "auto: 2 (1 added)");
    assert_int_equal(plan_remove_hostdev(&p, 0, &err), 0);
    assert_int_equal(p.guest->nhostdevs, 1);
    plan_free(&p);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_group_assign),
        cmocka_unit_test(test_gpu_alone),
        cmocka_unit_test(test_edits),
        cmocka_unit_test(test_undo_bounded),
        cmocka_unit_test(test_profiles_skip_refusing),
        cmocka_unit_test(test_hostview),
        cmocka_unit_test(test_guestview),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

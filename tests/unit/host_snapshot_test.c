/* Host snapshots: what is written is read back field for field; malformed
 * files are refused with a message that says why. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_snapshot.h"
#include "probe.h"
#include "test_util.h"
#include "xalloc.h"

static char *write_mem(const struct host *h, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    struct mp_error err = { 0 };
    assert_int_equal(host_snapshot_write(f, h, &err), 0);
    fclose(f);
    return buf;
}

static void assert_str_or_null(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_device(const struct host_device *a, const struct host_device *b)
{
    assert_true(pci_addr_eq(&a->addr, &b->addr));
    assert_int_equal(a->has_parent, b->has_parent);
    if (a->has_parent)
        assert_true(pci_addr_eq(&a->parent, &b->parent));
    assert_int_equal(a->ids_known, b->ids_known);
    assert_int_equal(a->vendor, b->vendor);
    assert_int_equal(a->device, b->device);
    assert_int_equal(a->subsystem_vendor, b->subsystem_vendor);
    assert_int_equal(a->subsystem_device, b->subsystem_device);
    assert_int_equal(a->class_code, b->class_code);
    assert_int_equal(a->revision, b->revision);
    assert_int_equal(a->driver_known, b->driver_known);
    assert_str_or_null(a->driver, b->driver);
    assert_int_equal(a->iommu_group, b->iommu_group);
    assert_int_equal(a->numa_node, b->numa_node);
    assert_str_or_null(a->vendor_name, b->vendor_name);
    assert_str_or_null(a->device_name, b->device_name);
    assert_int_equal(a->name_source, b->name_source);
    assert_str_or_null(a->of_node, b->of_node);
    assert_int_equal(a->nv2_files, b->nv2_files);
    assert_int_equal(a->has_gpu_link, b->has_gpu_link);
    if (a->has_gpu_link)
        assert_true(pci_addr_eq(&a->gpu, &b->gpu));
    assert_int_equal(a->gpu_ram_base, b->gpu_ram_base);
    assert_int_equal(a->gpu_ram_size, b->gpu_ram_size);
    assert_int_equal(a->gpu_ram_numa_node, b->gpu_ram_numa_node);
}

static struct host *round_trip(const struct host *h)
{
    size_t len;
    char *buf = write_mem(h, &len);
    struct mp_error err = { 0 };
    struct host *back = host_snapshot_load_memory(buf, len, "mem.xml", &err);
    if (!back)
        fail_msg("reload failed: %s\n%s", err.text, buf);
    free(buf);
    return back;
}

static void check_round_trip(const char *source)
{
    struct mp_error err = { 0 };
    struct host *h = probe_load(source, &err);
    assert_non_null(h);
    struct host *back = round_trip(h);
    assert_string_equal(back->source, "mem.xml");
    assert_str_or_null(h->description, back->description);
    assert_str_or_null(h->hostname, back->hostname);
    assert_str_or_null(h->arch, back->arch);
    assert_str_or_null(h->kernel, back->kernel);
    assert_str_or_null(h->model, back->model);
    assert_int_equal(h->memory_known, back->memory_known);
    assert_int_equal(h->memory_kib, back->memory_kib);
    assert_int_equal(h->memlock_kind, back->memlock_kind);
    assert_int_equal(h->memlock_bytes, back->memlock_bytes);
    assert_int_equal(h->has_kvm, back->has_kvm);
    assert_int_equal(h->ndevices, back->ndevices);
    for (size_t i = 0; i < h->ndevices; i++)
        assert_same_device(&h->devices[i], &back->devices[i]);
    host_free(h);
    host_free(back);
}

static void test_demo_round_trips(void **state)
{
    (void)state;
    check_round_trip("demo:ac922");
    check_round_trip("demo:ac922-6gpu");
    check_round_trip("demo:x86-gpu");
}

/* Unknowns, unlimited, odd text: each survives, text made safe. */
static void test_unknowns_and_text(void **state)
{
    (void)state;
    struct host *h = host_new("live");
    h->memlock_kind = HOST_LIMIT_UNLIMITED;
    h->has_kvm = 0;
    h->hostname = xstrdup("a<b>&\"c\" d");
    h->model = xstrdup("bell\a and \xff bad");
    struct pci_addr a = { 0x35, 4, 0, 0 }, b = { 0, 0, 0, 0 };
    struct host_device *d = host_add_device(h, &a);
    d->driver_known = false;            /* unreadable driver link */
    d->nv2_files = NV2_FILE_IBM_GPU | NV2_FILE_MEMORY_REGION;
    d->gpu_ram_base = UINT64_C(0xfffffffffffff000);
    d->gpu_ram_size = UINT64_C(0x1000);
    d = host_add_device(h, &b);
    d->driver_known = true;             /* known: none bound */
    d->vendor_name = xstrdup("Private Vendor");
    d->name_source = HOST_NAMES_PCI_IDS;
    msg_list_add(&h->warnings, "%s", "0000:00:00.0: cannot read vendor: Permission denied");
    host_finish(h);
    struct host *back = round_trip(h);
    assert_int_equal(back->memlock_kind, HOST_LIMIT_UNLIMITED);
    assert_int_equal(back->has_kvm, 0);
    assert_false(back->memory_known);
    assert_null(back->arch);
    assert_string_equal(back->hostname, "a<b>&\"c\" d");
    assert_string_equal(back->model, "bell? and ? bad");
    assert_int_equal(back->ndevices, 2);
    assert_true(back->devices[0].driver_known);
    assert_null(back->devices[0].driver);
    assert_false(back->devices[0].ids_known);
    assert_false(back->devices[1].driver_known);
    assert_int_equal(back->devices[1].nv2_files, NV2_FILE_IBM_GPU | NV2_FILE_MEMORY_REGION);
    assert_int_equal(back->devices[1].gpu_ram_base, UINT64_C(0xfffffffffffff000));
    assert_int_equal(back->devices[1].iommu_group, HOST_UNKNOWN);
    assert_int_equal(back->devices[1].gpu_ram_numa_node, HOST_UNKNOWN);
    assert_int_equal(back->warnings.n, 1);
    assert_string_equal(back->warnings.items[0].c,
                        "0000:00:00.0: cannot read vendor: Permission denied");
    host_free(h);
    host_free(back);
}

struct bad_case {
    const char *xml;
    const char *why;
};

#define HDR "<memlock-planner-host version=\"1\"><devices>"
#define END "</devices></memlock-planner-host>"

static const struct bad_case bad[] = {
    { "", "empty" },
    { "<memlock-planner-host version=\"1\"><devices>", "not well-formed" },
    { "<!DOCTYPE m SYSTEM \"http://example.com/x.dtd\">" HDR END, "DOCTYPE is not allowed" },
    { "<!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" HDR END, "DOCTYPE is not allowed" },
    { "<memlock-planner-host>" "<devices/></memlock-planner-host>", "version '' is not supported" },
    { "<memlock-planner-host version=\"01x\"><devices/></memlock-planner-host>", "not supported" },
    { "<memlock-planner-host version=\"1\"><devices/><devices/></memlock-planner-host>", "appears twice" },
    { "<memlock-planner-host version=\"1\"><arch>a</arch><arch>b</arch><devices/></memlock-planner-host>",
      "appears twice" },
    { "<memlock-planner-host version=\"1\"><arch><b/></arch><devices/></memlock-planner-host>", "text only" },
    { "<memlock-planner-host version=\"1\"><gpus/><devices/></memlock-planner-host>", "unknown element <gpus>" },
    { "<memlock-planner-host version=\"1\"><memory>5</memory><devices/></memlock-planner-host>",
      "unit=\"KiB\"" },
    { "<memlock-planner-host version=\"1\"><memory unit=\"KiB\">-5</memory><devices/></memlock-planner-host>",
      "not a whole number" },
    { "<memlock-planner-host version=\"1\"><kvm>maybe</kvm><devices/></memlock-planner-host>", "yes or no" },
    { HDR "<device/>" END, "needs an address" },
    { HDR "<device address=\"10000:00:00.0\"/>" END, "not a PCI address" },
    { HDR "<device address=\"0000:00:20.0\"/>" END, "not a PCI address" },
    { HDR "<device address=\"0000:00:00.0\" parent=\"0000:00:00.0\"/>" END, "its own parent" },
    { HDR "<device address=\"0000:00:00.0\" vendor=\"10de\" device=\"1db1\" subsystem_vendor=\"0\" "
          "subsystem_device=\"0000\" class=\"030200\" revision=\"a1\"/>" END, "subsystem_vendor='0'" },
    { HDR "<device address=\"0000:00:00.0\" driver=\"vfio-pci\" driver_known=\"no\"/>" END,
      "only when the driver is known" },
    { HDR "<device address=\"0000:00:00.0\" driver_known=\"yes\"/>" END, "driver_known may only" },
    { HDR "<device address=\"0000:00:00.0\" numa_node=\"2147483648\"/>" END, "whole number" },
    { HDR "<device address=\"0000:00:00.0\" numa_node=\"+1\"/>" END, "whole number" },
    { HDR "<device address=\"0000:00:00.0\" gpu_ram_base=\"0x10\"/>" END, "go together" },
    { HDR "<device address=\"0000:00:00.0\" gpu_ram_base=\"0x10\" gpu_ram_size=\"0\"/>" END, "go together" },
    { HDR "<device address=\"0000:00:00.0\" gpu_ram_base=\"0x10\" gpu_ram_size=\"0x11111111111111111\"/>" END,
      "hexadecimal" },
    { HDR "<device address=\"0000:00:00.0\" gpu_ram_numa_node=\"3\"/>" END, "needs gpu_ram_base" },
    { HDR "<device address=\"0000:00:00.0\" gpu=\"nope\"/>" END, "gpu='nope'" },
    { HDR "<device address=\"0000:00:00.0\" name_source=\"hwdb\"/>" END, "only with a vendor_name" },
    { HDR "<device address=\"0000:00:00.0\" vendor_name=\"X\" name_source=\"dns\"/>" END,
      "must be hwdb or pci.ids" },
    { HDR "<device address=\"0000:00:00.0\"/><widget/>" END, "only <device>" },
    { "<memlock-planner-host version=\"1\"><devices/><warnings><note/></warnings></memlock-planner-host>",
      "only <warning>" },
};

static void test_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct mp_error err = { 0 };
        struct host *h = host_snapshot_load_memory(bad[i].xml, strlen(bad[i].xml), "bad.xml", &err);
        if (h)
            fail_msg("case %zu loaded: %s", i, bad[i].xml);
        assert_int_equal(err.kind, MP_ERR_INPUT);
        if (!strstr(err.text, bad[i].why))
            fail_msg("case %zu: '%s' does not say '%s'", i, err.text, bad[i].why);
        assert_non_null(strstr(err.text, "bad.xml"));
        assert_null(strchr(err.text, '\n'));
    }
}

/* Billion laughs never gets expanded: refused at its DOCTYPE. */
static void test_entity_bomb(void **state)
{
    (void)state;
    const char *x = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\">"
                    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    "<memlock-planner-host version=\"1\"><hostname>&c;</hostname><devices/>"
                    "</memlock-planner-host>";
    struct mp_error err = { 0 };
    assert_null(host_snapshot_load_memory(x, strlen(x), "bomb.xml", &err));
    assert_non_null(strstr(err.text, "DOCTYPE is not allowed"));
}

/* Bounded: a snapshot over the limit is refused before parsing. */
static void test_size_bound(void **state)
{
    (void)state;
    struct mp_error err = { 0 };
    assert_null(host_snapshot_load_memory("x", (size_t)HOST_SNAPSHOT_MAX_BYTES + 1, "big.xml", &err));
    assert_non_null(strstr(err.text, "larger than"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_round_trips),
        cmocka_unit_test(test_unknowns_and_text),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_entity_bomb),
        cmocka_unit_test(test_size_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

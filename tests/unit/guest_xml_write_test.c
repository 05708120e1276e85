/* Writing the planner's guest into its XML (core/guest_xml_write.c): each
 * field spliced in where it differs, exact bytes out, nothing else moved;
 * new guests from the skeleton. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "guest_xml.h"
#include "guest_xml_write.h"
#include "test_util.h"
#include "xalloc.h"
#include "xml_splice.h"

static struct guest *load(const char *xml)
{
    struct mp_error err = { 0 };
    struct guest *g = guest_xml_load_memory(xml, strlen(xml), "t.xml", &err);
    if (!g)
        fail_msg("cannot load: %s", err.text);
    return g;
}

/* `g` written into `in` gives exactly `want`. */
static void write_is(const char *in, const struct guest *g, const char *want)
{
    struct mp_error err = { 0 };
    size_t len = 0;
    char *got = guest_xml_update(in, strlen(in), "t.xml", g, &len, &err);
    if (!got)
        fail_msg("refused: %s", err.text);
    assert_int_equal(len, strlen(got));
    assert_string_equal(got, want);
    free(got);
}

/* `s` with its one `from` replaced by `to`; a new string. */
static char *with(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    assert_non_null(at);
    return xasprintf("%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
}

static const char *const base =
    "<!-- kept -->\n"
    "<domain type=\"kvm\" xmlns:q=\"http://libvirt.org/schemas/domain/qemu/1.0\">\n"
    "    <name>g1</name>\n"
    "    <memory unit=\"GiB\">64</memory>\n"
    "    <currentMemory unit=\"GiB\">64</currentMemory>\n"
    "    <vcpu placement=\"static\">4</vcpu>\n"
    "    <os>\n"
    "        <type arch=\"ppc64le\" machine=\"pseries\">hvm</type>\n"
    "    </os>\n"
    "    <devices>\n"
    "        <emulator>/usr/bin/qemu-system-ppc64</emulator>\n"
    "        <hostdev mode='subsystem' type='pci' managed='yes'>\n"
    "            <source><address domain='0x0004' bus='0x04' slot='0x00' function='0x0'/></source>\n"
    "        </hostdev>\n"
    "        <unknown-thing a='1'/>\n"
    "    </devices>\n"
    "    <q:commandline/>\n"
    "</domain>\n";

static void test_unchanged(void **state)
{
    (void)state;
    struct guest *g = load(base);
    write_is(base, g, base);
    guest_free(g);
}

static void test_memory_and_max(void **state)
{
    (void)state;
    struct guest *g = load(base);
    g->memory_kib = 128ull << 20;
    g->current_memory_kib = 128ull << 20;
    g->max_memory_kib = 256ull << 20;
    g->max_memory_slots = 16;
    /* Only the memory lines change; every other byte is base's. */
    char *want = with(base, "    <memory unit=\"GiB\">64</memory>\n"
                            "    <currentMemory unit=\"GiB\">64</currentMemory>\n",
                      "    <maxMemory slots='16' unit='KiB'>268435456</maxMemory>\n"
                      "    <memory unit='KiB'>134217728</memory>\n"
                      "    <currentMemory unit='KiB'>134217728</currentMemory>\n");
    write_is(base, g, want);
    free(want);
    /* And back: maxMemory goes with its line. */
    char *xml = NULL;
    size_t len;
    struct mp_error err = { 0 };
    xml = guest_xml_update(base, strlen(base), "t.xml", g, &len, &err);
    assert_non_null(xml);
    struct guest *h = load(base);
    char *back = guest_xml_update(xml, len, "t.xml", h, &len, &err);
    assert_non_null(back);
    assert_null(strstr(back, "maxMemory"));
    assert_non_null(strstr(back, "    <name>g1</name>\n    <memory unit='KiB'>67108864</memory>\n"));
    free(back);
    free(xml);
    guest_free(h);
    guest_free(g);
}

static void test_tuning(void **state)
{
    (void)state;
    struct guest *g = load(base);
    g->has_hard_limit = true;
    g->hard_limit_kib = 1048576;
    g->locked = true;
    struct mp_error err = { 0 };
    size_t len;
    char *xml = guest_xml_update(base, strlen(base), "t.xml", g, &len, &err);
    assert_non_null(xml);
    assert_non_null(strstr(xml, "    <currentMemory unit=\"GiB\">64</currentMemory>\n"
                                "    <memtune>\n"
                                "        <hard_limit unit='KiB'>1048576</hard_limit>\n"
                                "    </memtune>\n"
                                "    <memoryBacking>\n"
                                "        <locked/>\n"
                                "    </memoryBacking>\n"
                                "    <vcpu"));
    /* Undone: the file is the original again. */
    struct guest *h = load(base);
    char *back = guest_xml_update(xml, len, "t.xml", h, &len, &err);
    assert_non_null(back);
    assert_non_null(strstr(back, "<memtune>\n    </memtune>\n    <vcpu"));
    assert_null(strstr(back, "memoryBacking"));
    assert_null(strstr(back, "hard_limit"));
    free(back);
    free(xml);
    guest_free(h);
    guest_free(g);
}

static void test_locked_in_existing_backing(void **state)
{
    (void)state;
    const char *in = "<domain type='kvm'><name>a</name><memory>1048576</memory>"
                     "<memoryBacking><hugepages/></memoryBacking>"
                     "<os><type arch='x86_64' machine='q35'>hvm</type></os></domain>";
    struct guest *g = load(in);
    g->locked = true;
    write_is(in, g,
             "<domain type='kvm'><name>a</name><memory>1048576</memory>"
             "<memoryBacking><hugepages/><locked/></memoryBacking>"
             "<os><type arch='x86_64' machine='q35'>hvm</type></os></domain>");
    guest_free(g);
}

static void test_hostdevs(void **state)
{
    (void)state;
    struct guest *g = load(base);
    /* Remove the one there, add two: host addresses, no guest address. */
    guest_remove_hostdev(g, 0);
    test_add_pci(g, "0006:00:00.1", -1);
    test_add_pci(g, "0035:03:00.0", -1);
    struct mp_error err = { 0 };
    size_t len;
    char *xml = guest_xml_update(base, strlen(base), "t.xml", g, &len, &err);
    if (!xml)
        fail_msg("%s", err.text);
    assert_null(strstr(xml, "bus='0x04'"));
    assert_non_null(strstr(xml,
        "        <unknown-thing a='1'/>\n"
        "        <hostdev mode='subsystem' type='pci' managed='yes'>\n"
        "            <source>\n"
        "                <address domain='0x0006' bus='0x00' slot='0x00' function='0x1'/>\n"
        "            </source>\n"
        "        </hostdev>\n"
        "        <hostdev mode='subsystem' type='pci' managed='yes'>\n"
        "            <source>\n"
        "                <address domain='0x0035' bus='0x03' slot='0x00' function='0x0'/>\n"
        "            </source>\n"
        "        </hostdev>\n"
        "    </devices>\n"));
    struct guest *back = load(xml);
    assert_int_equal(back->nhostdevs, 2);
    assert_false(back->hostdevs[0].has_guest_addr);
    free(xml);
    guest_free(back);
    guest_free(g);
}

static void test_numa_cells(void **state)
{
    (void)state;
    const char *in = "<domain type='kvm'>\n  <name>n</name>\n  <memory unit='GiB'>8</memory>\n"
                     "  <cpu>\n    <numa>\n"
                     "      <cell id='0' cpus='0' memory='4' unit='GiB'/>\n"
                     "      <cell id=\"1\" cpus=\"1\" memory=\"4194304\"/>\n"
                     "    </numa>\n  </cpu>\n"
                     "  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n</domain>\n";
    struct guest *g = load(in);
    g->memory_kib = 16ull << 20;
    g->numa_cells_kib[0] = g->numa_cells_kib[1] = 8ull << 20;
    write_is(in, g,
             "<domain type='kvm'>\n  <name>n</name>\n  <memory unit='KiB'>16777216</memory>\n"
             "  <cpu>\n    <numa>\n"
             "      <cell id='0' cpus='0' memory='8388608' unit='KiB'/>\n"
             "      <cell id=\"1\" cpus=\"1\" memory=\"8388608\" unit=\"KiB\"/>\n"
             "    </numa>\n  </cpu>\n"
             "  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n</domain>\n");
    /* A cell count the file does not have is refused with the reason. */
    g->nnuma = 1;
    struct mp_error err = { 0 };
    size_t len;
    assert_null(guest_xml_update(in, strlen(in), "t.xml", g, &len, &err));
    assert_non_null(strstr(err.text, "NUMA cells"));
    guest_free(g);
}

static void test_new_guest(void **state)
{
    (void)state;
    struct guest *g = guest_new_for_arch("ppc64le");
    free(g->name);
    g->name = xstrdup("a<b & 'c'");
    g->locked = true;
    test_add_pci(g, "0004:04:00.0", -1);
    struct mp_error err = { 0 };
    size_t len;
    char *xml = guest_xml_create(g, &len, &err);
    if (!xml)
        fail_msg("%s", err.text);
    assert_non_null(strstr(xml, "<domain type='kvm'>\n  <name>a&lt;b &amp; &apos;c&apos;</name>\n"
                                "  <memory unit='KiB'>4194304</memory>\n"
                                "  <memoryBacking>\n    <locked/>\n  </memoryBacking>\n"
                                "  <vcpu>1</vcpu>\n"));
    assert_non_null(strstr(xml, "<type arch='ppc64le' machine='pseries'>hvm</type>"));
    assert_non_null(strstr(xml, "  <devices>\n    <hostdev mode='subsystem' type='pci' "
                                "managed='yes'>\n"));
    assert_non_null(strstr(xml, "    </hostdev>\n  </devices>\n</domain>\n"));
    struct guest *back = load(xml);
    assert_string_equal(back->name, "a<b & 'c'");
    assert_true(back->locked);
    assert_int_equal(back->nhostdevs, 1);
    guest_free(back);
    free(xml);
    guest_free(g);
}

static void test_identity_and_viommu(void **state)
{
    (void)state;
    const char *in = "<domain type='kvm'><name>a</name><memory>1048576</memory>"
                     "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                     "<devices><emulator>/x</emulator></devices></domain>";
    struct guest *g = load(in);
    free(g->machine);
    g->machine = xstrdup("q35");
    g->has_iommu = true;
    g->iommu_model = xstrdup("intel");
    write_is(in, g,
             "<domain type='kvm'><name>a</name><memory>1048576</memory>"
             "<os><type arch='x86_64' machine='q35'>hvm</type></os>"
             "<devices><emulator>/x</emulator><iommu model='intel'/></devices></domain>");
    guest_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unchanged),
        cmocka_unit_test(test_memory_and_max),
        cmocka_unit_test(test_tuning),
        cmocka_unit_test(test_locked_in_existing_backing),
        cmocka_unit_test(test_hostdevs),
        cmocka_unit_test(test_numa_cells),
        cmocka_unit_test(test_new_guest),
        cmocka_unit_test(test_identity_and_viommu),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

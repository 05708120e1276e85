/* PCI uevent files: the ids, class and driver as the kernel writes them,
 * and what counts as malformed. */
#include "config.h"

#include <string.h>

#include "pci_uevent.h"
#include "test_util.h"

static void parse(const char *s, struct pci_uevent *u)
{
    pci_uevent_parse(s, strlen(s), u);
}

static void test_kernel_file(void **state)
{
    (void)state;
    struct pci_uevent u;
    parse("DRIVER=vfio-pci\nPCI_CLASS=30200\nPCI_ID=10DE:1DB1\nPCI_SUBSYS_ID=10DE:1212\n"
          "PCI_SLOT_NAME=0004:04:00.0\nMODALIAS=pci:v000010DEd00001DB1sv000010DEsd00001212bc03sc02i00\n",
          &u);
    assert_true(pci_uevent_complete(&u));
    assert_int_equal(u.vendor, 0x10de);
    assert_int_equal(u.device, 0x1db1);
    assert_int_equal(u.subsystem_vendor, 0x10de);
    assert_int_equal(u.subsystem_device, 0x1212);
    assert_int_equal(u.class_code, 0x030200);
    assert_int_equal(u.driver_state, PCI_UEVENT_DRIVER);
    assert_string_equal(u.driver, "vfio-pci");
    /* No DRIVER line: nothing bound. Lower case and no final newline parse too. */
    parse("PCI_CLASS=c0330\nPCI_ID=104c:8241\nPCI_SUBSYS_ID=104c:8241", &u);
    assert_true(pci_uevent_complete(&u));
    assert_int_equal(u.class_code, 0x0c0330);
    assert_int_equal(u.driver_state, PCI_UEVENT_NO_DRIVER);
}

static void test_malformed(void **state)
{
    (void)state;
    struct pci_uevent u;
    const char *bad[] = {
        "PCI_CLASS=30200\nPCI_ID=10DE1DB1\nPCI_SUBSYS_ID=10DE:1212\n",     /* no colon */
        "PCI_CLASS=30200\nPCI_ID=10DEE:1DB1\nPCI_SUBSYS_ID=10DE:1212\n",   /* 5 digits */
        "PCI_CLASS=30200\nPCI_ID=:1DB1\nPCI_SUBSYS_ID=10DE:1212\n",        /* empty */
        "PCI_CLASS=1030200\nPCI_ID=10DE:1DB1\nPCI_SUBSYS_ID=10DE:1212\n",  /* 25 bits */
        "PCI_CLASS=30200\nPCI_ID=10DE:1DB1\n",                             /* no subsystem */
        "PCI_CLASS=30200\nPCI_ID=10DE:1DB1 \nPCI_SUBSYS_ID=10DE:1212\n",   /* trailing space */
        "PCI_CLASS=\nPCI_ID=10DE:1DB1\nPCI_SUBSYS_ID=10DE:1212\n",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        parse(bad[i], &u);
        assert_false(pci_uevent_complete(&u));
    }
    /* A NUL inside a line spoils that line only. */
    const char nul[] = "PCI_CLASS=30200\nPCI_ID=10DE:1D\0B1\nPCI_SUBSYS_ID=10DE:1212\n";
    pci_uevent_parse(nul, sizeof(nul) - 1, &u);
    assert_false(u.has_id);
    assert_true(u.has_class && u.has_subsys);
    /* Drivers: plain names only. */
    const char *bad_drivers[] = { "DRIVER=../evil\n", "DRIVER=\n", "DRIVER=a b\n",
                                  "DRIVER=\x1b[2J\n", "DRIVER=..\n" };
    for (size_t i = 0; i < sizeof(bad_drivers) / sizeof(bad_drivers[0]); i++) {
        parse(bad_drivers[i], &u);
        assert_int_equal(u.driver_state, PCI_UEVENT_BAD_DRIVER);
        assert_string_equal(u.driver, "");
    }
    char longname[300] = "DRIVER=";
    memset(longname + 7, 'x', 256);
    longname[263] = '\0';
    parse(longname, &u);
    assert_int_equal(u.driver_state, PCI_UEVENT_BAD_DRIVER);
    longname[262] = '\0'; /* 255 bytes: the longest name */
    parse(longname, &u);
    assert_int_equal(u.driver_state, PCI_UEVENT_DRIVER);
    assert_int_equal(strlen(u.driver), 255);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kernel_file),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

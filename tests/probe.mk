# tests/probe.mk: tests for the probe area (owned by that area; keeps merges apart).

# Snapshot reader and writer: round trips and malformed files.
UNIT_TESTS_PROBE = tests/unit/host_snapshot_test tests/unit/dt_prop_test \
	tests/unit/pci_uevent_test
CMOCKA_TESTS += $(UNIT_TESTS_PROBE)
tests_unit_host_snapshot_test_SOURCES = tests/unit/host_snapshot_test.c
tests_unit_host_snapshot_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_host_snapshot_test_LDADD = $(UNIT_LDADD)
# Device-tree property parsers (the bytes behind phandles, reg, associativity).
tests_unit_dt_prop_test_SOURCES = tests/unit/dt_prop_test.c
tests_unit_dt_prop_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_dt_prop_test_LDADD = $(UNIT_LDADD)
# PCI uevent files (the ids and driver in one read).
tests_unit_pci_uevent_test_SOURCES = tests/unit/pci_uevent_test.c
tests_unit_pci_uevent_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_pci_uevent_test_LDADD = $(UNIT_LDADD)

# The probe command over demo hosts, snapshots and umockdev hosts (these
# skip themselves without umockdev-run).
PROBE_TESTS = \
	tests/probe/demo_hosts.sh \
	tests/probe/snapshot_cli.sh \
	tests/probe/umockdev_ac922.sh \
	tests/probe/umockdev_x86.sh \
	tests/probe/umockdev_broken.sh \
	tests/probe/umockdev_hostfacts.sh
TESTS += $(PROBE_TESTS)
EXTRA_DIST += $(PROBE_TESTS) \
	tests/probe/lib-umockdev.sh \
	tests/probe/umockdev-host.sh \
	tests/probe/ac922.hosttab \
	tests/probe/ac922.dt \
	tests/probe/x86.hosttab

# capacity when the host cannot run the guest at all (0, with the reason).
HOSTFACTS_CLI_TESTS = tests/cli/capacity_blocked.sh tests/cli/tour_valid.sh \
	tests/cli/locale_sizes.sh tests/cli/report_ext.sh
TESTS += $(HOSTFACTS_CLI_TESTS)
EXTRA_DIST += $(HOSTFACTS_CLI_TESTS) tests/data/capacity/x86-gpu-passthrough.xml \
	tests/data/capacity/x86-q35-two-vfs.xml
# The libvirt release a program's ELF file needs (probe/libvirt_elf.c).
CMOCKA_TESTS += tests/unit/libvirt_elf_test
tests_unit_libvirt_elf_test_SOURCES = tests/unit/libvirt_elf_test.c
tests_unit_libvirt_elf_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_libvirt_elf_test_LDADD = $(UNIT_LDADD)

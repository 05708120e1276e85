# tests/: unit tests (cmocka, TAP) and command-line tests (sh, TAP).
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = tests/unit/libtestutil.a probe/libprobe.a core/libcore.a $(CMOCKA_LIBS) \
	$(LIBXML_LIBS) $(UDEV_LIBS) $(LIBPCI_LIBS) $(LIBINTL)

tests_unit_libtestutil_a_SOURCES = tests/unit/test_util.c tests/unit/test_util.h
tests_unit_libtestutil_a_CFLAGS = $(UNIT_CFLAGS)

UNIT_TESTS = \
	tests/unit/size_test \
	tests/unit/profile_test \
	tests/unit/memlock_libvirt_test \
	tests/unit/memlock_rules_test \
	tests/unit/memlock_phb_test \
	tests/unit/views_test \
	tests/unit/text_width_test \
	tests/unit/text_rules_test \
	tests/unit/qemu_proc_test
CMOCKA_TESTS += $(UNIT_TESTS)

tests_unit_size_test_SOURCES = tests/unit/size_test.c
tests_unit_size_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_size_test_LDADD = $(UNIT_LDADD)
tests_unit_profile_test_SOURCES = tests/unit/profile_test.c
tests_unit_profile_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_profile_test_LDADD = $(UNIT_LDADD)
tests_unit_memlock_libvirt_test_SOURCES = tests/unit/memlock_libvirt_test.c
tests_unit_memlock_libvirt_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_memlock_libvirt_test_LDADD = $(UNIT_LDADD)
tests_unit_memlock_rules_test_SOURCES = tests/unit/memlock_rules_test.c
tests_unit_memlock_rules_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_memlock_rules_test_LDADD = $(UNIT_LDADD)
tests_unit_memlock_phb_test_SOURCES = tests/unit/memlock_phb_test.c
tests_unit_memlock_phb_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_memlock_phb_test_LDADD = $(UNIT_LDADD)
tests_unit_views_test_SOURCES = tests/unit/views_test.c
tests_unit_views_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_views_test_LDADD = $(UNIT_LDADD)
tests_unit_text_width_test_SOURCES = tests/unit/text_width_test.c
tests_unit_text_width_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_text_width_test_LDADD = $(UNIT_LDADD)
tests_unit_text_rules_test_SOURCES = tests/unit/text_rules_test.c
tests_unit_text_rules_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_text_rules_test_LDADD = $(UNIT_LDADD)
tests_unit_qemu_proc_test_SOURCES = tests/unit/qemu_proc_test.c
tests_unit_qemu_proc_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_qemu_proc_test_LDADD = $(UNIT_LDADD)

# Command-line tests through the real binary.
check_PROGRAMS += tests/qemu_standin
tests_qemu_standin_SOURCES = tests/qemu_standin.c
CLI_TESTS = \
	tests/cli/calc_cases.sh \
	tests/cli/calc_output.sh \
	tests/cli/calc_errors.sh \
	tests/cli/hostile.sh \
	tests/cli/views.sh \
	tests/cli/valgrind.sh \
	tests/cli/manpage.sh \
	tests/cli/i18n.sh \
	tests/cli/terminal_safety.sh \
	tests/cli/hostile_snapshot.sh \
	tests/cli/guests.sh \
	tests/cli/front.sh \
	tests/cli/releases.sh \
	tests/cli/formula_doc.sh
TESTS += $(CLI_TESTS)
EXTRA_DIST += tests/data/hostile-host/controls.xml
EXTRA_DIST += tests/data/views/ac922-gpu0.xml tests/data/views/x86-nvme.xml \
	tests/data/views/ac922-gpu1-half.xml
EXTRA_DIST += tests/lib.sh $(CLI_TESTS) tests/data/calc/cases.txt \
	tests/data/calc/pc-hardlimit+hostdev.xml \
	tests/data/calc/pc-hardlimit+locked+hostdev.xml \
	tests/data/calc/pc-hardlimit+locked.xml \
	tests/data/calc/pc-hardlimit.xml \
	tests/data/calc/pc-hostdev.xml \
	tests/data/calc/pc-kvm.xml \
	tests/data/calc/pc-locked+hostdev.xml \
	tests/data/calc/pc-locked.xml \
	tests/data/calc/pc-tcg.xml \
	tests/data/calc/pseries-hardlimit+hostdev.xml \
	tests/data/calc/pseries-hardlimit+locked+hostdev.xml \
	tests/data/calc/pseries-hardlimit+locked.xml \
	tests/data/calc/pseries-hardlimit.xml \
	tests/data/calc/pseries-hostdev.xml \
	tests/data/calc/pseries-kvm.xml \
	tests/data/calc/pseries-locked+hostdev.xml \
	tests/data/calc/pseries-locked.xml \
	tests/data/calc/pseries-tcg.xml \
	tests/data/calc/units-pseries-b-1073741824.xml \
	tests/data/calc/units-pseries-bytes-1073741824.xml \
	tests/data/calc/units-pseries-g-1.xml \
	tests/data/calc/units-pseries-gib-1.xml \
	tests/data/calc/units-pseries-k-1048576.xml \
	tests/data/calc/units-pseries-kb-1048576.xml \
	tests/data/calc/units-pseries-kib-1048576.xml \
	tests/data/calc/units-pseries-mib-1000.xml \
	tests/data/calc/units-pseries-mib-1024.xml \
	tests/data/calc/worked-pseries-256m.xml \
	tests/data/calc/worked-pseries-64g-nv2-1phb.xml \
	tests/data/calc/worked-pseries-64g-nv2-2phb.xml \
	tests/data/calc/worked-pseries-64g-vfio-1phb.xml \
	tests/data/calc/worked-q35-16g-2vfio-no-viommu.xml \
	tests/data/calc/worked-q35-16g-2vfio-viommu.xml
EXTRA_DIST += \
	tests/data/releases/cases.txt \
	tests/data/releases/lv113-pc-hardlimit+hostdev.xml \
	tests/data/releases/lv113-pc-hardlimit+locked+hostdev.xml \
	tests/data/releases/lv113-pc-hostdev-nvme.xml \
	tests/data/releases/lv113-pc-hostdev.xml \
	tests/data/releases/lv113-pc-locked+hostdev.xml \
	tests/data/releases/lv113-pseries-hardlimit+hostdev.xml \
	tests/data/releases/lv113-pseries-hardlimit+locked+hostdev.xml \
	tests/data/releases/lv113-pseries-hostdev.xml \
	tests/data/releases/lv113-pseries-locked+hostdev.xml \
	tests/data/releases/pseries-dimm-unaligned.xml \
	tests/data/releases/pseries-hostdev-nodriver.xml \
	tests/data/releases/pseries-mdev.xml \
	tests/data/releases/pseries-nvme.xml \
	tests/data/releases/pseries-vdpa-disk.xml \
	tests/data/releases/pseries-vdpa.xml \
	tests/data/releases/q35-2hostdev-viommu-nodriver.xml \
	tests/data/releases/q35-2nvme-2hostdev-viommu.xml \
	tests/data/releases/q35-2nvme-hostdev.xml \
	tests/data/releases/q35-2vdpa-hostdev.xml \
	tests/data/releases/q35-3nvme.xml \
	tests/data/releases/pseries-maxmem-parse-time.xml \
	tests/data/releases/q35-mdev.xml \
	tests/data/releases/q35-no-os-type.xml \
	tests/data/releases/q35-vdpa-disk-net-nvme-hostdev-viommu.xml \
	tests/data/releases/q35-vdpa-disks.xml \
	tests/data/releases/q35-vdpa.xml
include tests/fuzz/local.mk
EXTRA_DIST += \
	tests/hostile/bad-type.xml \
	tests/hostile/billion-laughs.xml \
	tests/hostile/binary-png.xml \
	tests/hostile/binary-random.xml \
	tests/hostile/controller-bad-index.xml \
	tests/hostile/controller-huge-index.xml \
	tests/hostile/declaration-only.xml \
	tests/hostile/deep-nesting.xml \
	tests/hostile/duplicate-attribute.xml \
	tests/hostile/empty-root.xml \
	tests/hostile/empty.xml \
	tests/hostile/external-dtd-file.xml \
	tests/hostile/external-dtd.xml \
	tests/hostile/hardlimit-negative.xml \
	tests/hostile/hardlimit-unit.xml \
	tests/hostile/hostdev-bad-addr.xml \
	tests/hostile/hostdev-bus-range.xml \
	tests/hostile/hostdev-function-range.xml \
	tests/hostile/hostdev-kvm-driver.xml \
	tests/hostile/hostdev-negative-domain.xml \
	tests/hostile/hostdev-no-source.xml \
	tests/hostile/hostdev-slot-range.xml \
	tests/hostile/hostdevs-thousands.xml \
	tests/hostile/internal-entity.xml \
	tests/hostile/invalid-utf8.xml \
	tests/hostile/malformed-attr-quote.xml \
	tests/hostile/malformed-bad-char.xml \
	tests/hostile/malformed-json.xml \
	tests/hostile/malformed-junk-after.xml \
	tests/hostile/malformed-mismatched.xml \
	tests/hostile/malformed-not-xml.xml \
	tests/hostile/malformed-two-roots.xml \
	tests/hostile/malformed-unclosed.xml \
	tests/hostile/maxmem-align-overflow.xml \
	tests/hostile/maxmem-below-memory.xml \
	tests/hostile/mem-align-overflow.xml \
	tests/hostile/mem-eib-overflow.xml \
	tests/hostile/mem-empty.xml \
	tests/hostile/mem-float.xml \
	tests/hostile/mem-hex.xml \
	tests/hostile/mem-huge.xml \
	tests/hostile/mem-negative.xml \
	tests/hostile/mem-non-numeric.xml \
	tests/hostile/mem-unit-empty-ish.xml \
	tests/hostile/mem-unit-unknown.xml \
	tests/hostile/mem-unit-zib.xml \
	tests/hostile/mem-zero.xml \
	tests/hostile/memdev-exceeds.xml \
	tests/hostile/no-type.xml \
	tests/hostile/numa-cell-negative.xml \
	tests/hostile/numa-cell-overflow.xml \
	tests/hostile/quadratic-blowup.xml \
	tests/hostile/unterminated-cdata.xml \
	tests/hostile/unterminated-comment.xml \
	tests/hostile/utf16-bom-truncated.xml \
	tests/hostile/whitespace-only.xml \
	tests/hostile/wrong-root.xml \
	tests/hostile/truncated-declaration.xml \
	tests/hostile/xinclude.xml \
	tests/hostile/xxe-file.xml \
	tests/hostile/xxe-http.xml \
	tests/hostile/xxe-parameter.xml

# Per-area test fragments.
include tests/xml.mk
include tests/probe.mk
include tests/tui.mk
include tests/report.mk
include tests/diagnosis.mk
# memlock-planner explain over the corpus of failed-start logs.
TESTS += tests/cli/explain.sh
EXTRA_DIST += tests/cli/explain.sh \
	tests/data/logs/group-not-viable.log \
	tests/data/logs/kubevirt-cannot-limit-old.txt \
	tests/data/logs/kubevirt-locked-unlimited.txt \
	tests/data/logs/x86-dma-einval.log \
	tests/data/logs/pc-locked-mlock.log \
	tests/data/logs/pseries-nv2-prereg-9.0.log \
	tests/data/logs/pseries-window-6.0.log \
	tests/data/logs/q35-iommufd-9.x.log \
	tests/data/logs/q35-type1-kernel-9.0.log \
	tests/data/logs/tcg-missing-disk.log \
	tests/data/logs/vfio-permission.log \
	tests/data/logs/virsh-cannot-limit.txt \
	tests/data/logs/x86-oneline-rlimit-5.6.log
include tests/files.mk

# --connect: libvirt's test driver on the project's own domains (no daemon);
# built without libvirt the same scripts check the one-line refusal.
CLI_TESTS += \
	tests/cli/libvirt_connect.sh \
	tests/cli/libvirt_apply.sh \
	tests/cli/libvirt_auth.sh \
	tests/cli/libvirt_guests.sh \
	tests/cli/libvirt_planner.sh
EXTRA_DIST += tests/libvirt.sh \
	tests/data/libvirt/node.xml \
	tests/data/libvirt/lsan.supp \
	tests/data/libvirt/pc-small-hardlimit.xml \
	tests/data/libvirt/pseries-nvlink2.xml \
	tests/data/libvirt/q35-hardlimit.xml \
	tests/data/libvirt/q35-locked.xml \
	tests/data/libvirt/q35-vfio-viommu.xml

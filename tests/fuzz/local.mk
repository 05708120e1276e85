# tests/fuzz/: libFuzzer targets (configure CC=clang --enable-fuzzing). With
# fuzzing enabled, make check runs each briefly over its seed corpus.
FUZZ_TARGETS = tests/fuzz/size_fuzz tests/fuzz/guest_xml_fuzz \
	tests/fuzz/host_snapshot_fuzz tests/fuzz/dt_prop_fuzz tests/fuzz/pci_uevent_fuzz \
	tests/fuzz/libvirt_version_fuzz \
	tests/fuzz/guest_xml_write_fuzz tests/fuzz/qemu_log_fuzz tests/fuzz/host_conf_fuzz
FUZZ_LDADD = probe/libprobe.a core/libcore.a $(LIBXML_LIBS) $(UDEV_LIBS) $(LIBPCI_LIBS) $(LIBINTL)
if ENABLE_FUZZING
check_PROGRAMS += $(FUZZ_TARGETS)
TESTS += tests/fuzz/run-fuzzers.sh
endif
tests_fuzz_size_fuzz_SOURCES = tests/fuzz/size_fuzz.c
tests_fuzz_size_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_size_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_guest_xml_fuzz_SOURCES = tests/fuzz/guest_xml_fuzz.c
tests_fuzz_guest_xml_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_guest_xml_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_host_snapshot_fuzz_SOURCES = tests/fuzz/host_snapshot_fuzz.c
tests_fuzz_host_snapshot_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_host_snapshot_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_dt_prop_fuzz_SOURCES = tests/fuzz/dt_prop_fuzz.c
tests_fuzz_dt_prop_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_dt_prop_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_pci_uevent_fuzz_SOURCES = tests/fuzz/pci_uevent_fuzz.c
tests_fuzz_pci_uevent_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_pci_uevent_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_libvirt_version_fuzz_SOURCES = tests/fuzz/libvirt_version_fuzz.c
tests_fuzz_libvirt_version_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_libvirt_version_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_guest_xml_write_fuzz_SOURCES = tests/fuzz/guest_xml_write_fuzz.c
tests_fuzz_guest_xml_write_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_guest_xml_write_fuzz_LDADD = $(FUZZ_LDADD)
tests_fuzz_host_conf_fuzz_SOURCES = tests/fuzz/host_conf_fuzz.c
tests_fuzz_host_conf_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_host_conf_fuzz_LDADD = $(FUZZ_LDADD)
EXTRA_DIST += tests/fuzz/run-fuzzers.sh \
	tests/fuzz/corpus/size/kib tests/fuzz/corpus/size/gib tests/fuzz/corpus/size/user \
	tests/fuzz/corpus/size/max tests/fuzz/corpus/size/kb \
	tests/fuzz/corpus/size/headroom-pct tests/fuzz/corpus/size/headroom-negative \
	tests/fuzz/corpus/guest_xml/pseries-hostdev.xml \
	tests/fuzz/corpus/guest_xml/regress-truncated-declaration \
	tests/fuzz/corpus/guest_xml/worked-q35-16g-2vfio-viommu.xml \
	tests/fuzz/corpus/guest_xml/worked-pseries-64g-vfio-1phb.xml \
	tests/fuzz/corpus/guest_xml/x86-q35-viommu.xml \
	tests/fuzz/corpus/guest_xml/pseries-ac922-socket0.xml \
	tests/fuzz/corpus/guest_xml/devices-mix.xml \
	tests/fuzz/corpus/guest_xml/vdpa-disk-net-nvme.xml \
	tests/fuzz/corpus/host_snapshot/controls-c0.xml \
	tests/fuzz/corpus/host_snapshot/controls-c1.xml \
	tests/fuzz/corpus/host_snapshot/demo-ac922-6gpu.xml \
	tests/fuzz/corpus/host_snapshot/demo-ac922.xml \
	tests/fuzz/corpus/host_snapshot/demo-x86-gpu.xml \
	tests/fuzz/corpus/host_snapshot/doctype.xml \
	tests/fuzz/corpus/host_snapshot/loop.xml \
	tests/fuzz/corpus/host_snapshot/minimal.xml \
	tests/fuzz/corpus/host_snapshot/small-nv2.xml \
	tests/fuzz/corpus/dt_prop/empty \
	tests/fuzz/corpus/dt_prop/gpu-ram-node \
	tests/fuzz/corpus/dt_prop/long-assoc \
	tests/fuzz/corpus/dt_prop/malformed \
	tests/fuzz/corpus/dt_prop/model-escapes \
	tests/fuzz/corpus/dt_prop/nvlink-bridge \
	tests/fuzz/corpus/dt_prop/phb-assoc \
	tests/fuzz/corpus/dt_prop/wrapping-reg \
	tests/fuzz/corpus/dt_prop/zero-size-reg \
	tests/fuzz/corpus/pci_uevent/malformed \
	tests/fuzz/corpus/pci_uevent/nvidia-v100 \
	tests/fuzz/corpus/pci_uevent/phb-no-driver \
	tests/fuzz/corpus/libvirt_version/release \
	tests/fuzz/corpus/libvirt_version/daemon-line \
	tests/fuzz/corpus/libvirt_version/overlong \
	tests/fuzz/corpus/libvirt_version/too-old \
	tests/fuzz/corpus/libvirt_version/elf-private
tests_fuzz_qemu_log_fuzz_SOURCES = tests/fuzz/qemu_log_fuzz.c
tests_fuzz_qemu_log_fuzz_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_qemu_log_fuzz_LDADD = $(FUZZ_LDADD)
EXTRA_DIST += tests/fuzz/corpus/qemu_log/q35-type1-kernel-9.0.log \
	tests/fuzz/corpus/qemu_log/x86-oneline-rlimit-5.6.log \
	tests/fuzz/corpus/qemu_log/virsh-cannot-limit.txt
EXTRA_DIST += tests/fuzz/corpus/host_conf/qemu-conf tests/fuzz/corpus/host_conf/limits \
	tests/fuzz/corpus/host_conf/unit tests/fuzz/corpus/host_conf/pci-ids \
	tests/fuzz/corpus/host_conf/path

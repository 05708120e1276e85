# tests/fuzz/: libFuzzer targets (configure CC=clang --enable-fuzzing). With
# fuzzing enabled, make check runs each briefly over its seed corpus.
FUZZ_TARGETS = tests/fuzz/size_fuzz tests/fuzz/guest_xml_fuzz
FUZZ_LDADD = probe/libprobe.a core/libcore.a $(LIBXML_LIBS) $(UDEV_LIBS) $(LIBINTL)
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
EXTRA_DIST += tests/fuzz/run-fuzzers.sh \
	tests/fuzz/corpus/size/kib tests/fuzz/corpus/size/gib tests/fuzz/corpus/size/user \
	tests/fuzz/corpus/size/max tests/fuzz/corpus/size/kb \
	tests/fuzz/corpus/guest_xml/pseries-hostdev.xml \
	tests/fuzz/corpus/guest_xml/regress-truncated-declaration \
	tests/fuzz/corpus/guest_xml/worked-q35-16g-2vfio-viommu.xml \
	tests/fuzz/corpus/guest_xml/worked-pseries-64g-vfio-1phb.xml \
	tests/fuzz/corpus/guest_xml/x86-q35-viommu.xml \
	tests/fuzz/corpus/guest_xml/pseries-ac922-socket0.xml \
	tests/fuzz/corpus/guest_xml/devices-mix.xml

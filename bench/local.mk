# bench/: benchmarks that print ratios against a peer measured in the same run.
# `make bench` runs every benchmark against the built binary; figures go in
# bench/RESULTS.md by hand, with the machine they came from.
# probe-bench.sh: the probe against lspci -nnk on umockdev hosts of 500 and
# 4,000 functions (each testbed built once under bench/ and reused), with
# libudev's enumerator alone (bench/udev-enum) timed alongside, each run
# through bench/run-time (wall and CPU time). Not part of make check.
# tui-bench.sh: the planner's first frame, CPU per key and memory through a
# pseudo-terminal (bench/pty_driver, built by `make bench` only).
noinst_PROGRAMS += bench/udev-enum bench/run-time
bench_udev_enum_SOURCES = bench/udev-enum.c
bench_udev_enum_LDADD = $(UDEV_LIBS)
bench_run_time_SOURCES = bench/run-time.c
BENCH_RUNS = bench/batch.sh bench/probe-bench.sh bench/tui-bench.sh bench/hostile.sh \
	bench/explain-bench.sh
EXTRA_DIST += bench/lib.sh bench/gen-guests.sh bench/gen-host.sh bench/RESULTS.md $(BENCH_RUNS) \
	bench/tui-keys.txt
EXTRA_PROGRAMS = bench/pty_driver
bench_pty_driver_SOURCES = bench/pty_driver.c
bench_pty_driver_LDADD = -lutil
bench: all bench/pty_driver$(EXEEXT) bench/gen-testbed$(EXEEXT)
	@for b in $(BENCH_RUNS); do \
	    MP=$(abs_top_builddir)/memlock-planner PTY_DRIVER=$(abs_top_builddir)/bench/pty_driver \
	    GEN_TESTBED=$(abs_top_builddir)/bench/gen-testbed \
	    sh $(srcdir)/$$b; rc=$$?; \
	    [ $$rc -eq 0 ] || [ $$rc -eq 77 ] || exit $$rc; \
	done
.PHONY: bench
clean-local: clean-bench
clean-bench:
	rm -rf $(abs_top_builddir)/bench/testbed-* $(abs_top_builddir)/bench/host-*.xml
.PHONY: clean-bench
# libvirt-bench.sh: report --connect --all over 1,000 test-driver domains
# against one virsh session dumping them (skipped when built without libvirt).
BENCH_RUNS += bench/libvirt-bench.sh
# gen-testbed: writes a host table's umockdev testbed straight into a
# directory (probe-bench.sh and tui-bench.sh, through bench/testbed.sh).
EXTRA_PROGRAMS += bench/gen-testbed
bench_gen_testbed_SOURCES = bench/gen-testbed.c
EXTRA_DIST += bench/testbed.sh

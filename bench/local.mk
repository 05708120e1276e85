# bench/: benchmarks that print ratios against a peer measured in the same run.
# make bench: the probe against lspci -nnk on a 4,000-function umockdev host
# (the testbed is built once under bench/ and reused). Not part of make check.
EXTRA_DIST += bench/gen-host.sh bench/probe-bench.sh
bench: memlock-planner
	MP=$(abs_top_builddir)/memlock-planner BENCH_DIR=$(abs_top_builddir)/bench/testbed-4000 \
	  $(SHELL) $(top_srcdir)/bench/probe-bench.sh 4000 5
.PHONY: bench
clean-local: clean-bench
clean-bench:
	rm -rf $(abs_top_builddir)/bench/testbed-4000 $(abs_top_builddir)/bench/testbed-4000.tmp*
.PHONY: clean-bench

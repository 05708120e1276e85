# bench/: benchmarks that print ratios against a peer measured in the same run.
# `make bench` runs every benchmark against the built binary; figures go in
# bench/RESULTS.md by hand, with the machine they came from.
# probe-bench.sh: the probe against lspci -nnk on a 4,000-function umockdev
# host (the testbed is built once under bench/ and reused). Not part of make check.
BENCH_RUNS = bench/batch.sh bench/probe-bench.sh
EXTRA_DIST += bench/lib.sh bench/gen-guests.sh bench/gen-host.sh bench/RESULTS.md $(BENCH_RUNS)
bench: all
	@for b in $(BENCH_RUNS); do \
	    MP=$(abs_top_builddir)/memlock-planner sh $(srcdir)/$$b; rc=$$?; \
	    [ $$rc -eq 0 ] || [ $$rc -eq 77 ] || exit $$rc; \
	done
.PHONY: bench
clean-local: clean-bench
clean-bench:
	rm -rf $(abs_top_builddir)/bench/testbed-4000 $(abs_top_builddir)/bench/testbed-4000.tmp*
.PHONY: clean-bench

# bench/: benchmarks that print ratios against a peer measured in the same run.
# `make bench` runs every benchmark against the built binary; figures go in
# bench/RESULTS.md by hand, with the machine they came from.
BENCH_RUNS = bench/batch.sh
EXTRA_DIST += bench/lib.sh bench/gen-guests.sh $(BENCH_RUNS)
bench: all
	@for b in $(BENCH_RUNS); do \
	    MP=$(abs_top_builddir)/memlock-planner sh $(srcdir)/$$b; rc=$$?; \
	    [ $$rc -eq 0 ] || [ $$rc -eq 77 ] || exit $$rc; \
	done
.PHONY: bench

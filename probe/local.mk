# probe/: fills the host model (libudev, snapshot files, built-in demo hosts).
noinst_LIBRARIES += probe/libprobe.a
probe_libprobe_a_SOURCES = \
	probe/probe.c probe/probe.h \
	probe/proc_scan.c probe/proc_scan.h

# probe/: fills the host model (libudev, snapshot files, built-in demo hosts).
noinst_LIBRARIES += probe/libprobe.a
probe_libprobe_a_SOURCES = \
	probe/demo.c probe/demo.h \
	probe/demo_ac922.c \
	probe/demo_x86.c \
	probe/demo_x86_server.c \
	probe/dt_prop.c probe/dt_prop.h \
	probe/host_conf.c probe/host_conf.h \
	probe/host_facts.c probe/host_facts.h \
	probe/host_root.c probe/host_root.h \
	probe/pci_names.c probe/pci_names.h \
	probe/pci_uevent.c probe/pci_uevent.h \
	probe/probe.c probe/probe.h \
	probe/probe_derive.c probe/probe_derive.h \
	probe/probe_libvirt.c probe/probe_libvirt.h \
	probe/probe_live.c probe/probe_live.h \
	probe/probe_output.c probe/probe_output.h \
	probe/probe_udev.c probe/probe_udev.h \
	probe/probe_warn.c probe/probe_warn.h \
	probe/probe_sysfs.c probe/probe_sysfs.h \
	probe/proc_scan.c probe/proc_scan.h \
	probe/libvirt_elf.c probe/libvirt_elf.h
probe_libprobe_a_CPPFLAGS = $(AM_CPPFLAGS) $(LIBPCI_CFLAGS)

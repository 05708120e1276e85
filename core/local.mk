# core/: pure logic, no terminal and no /sys.
noinst_LIBRARIES += core/libcore.a
core_libcore_a_SOURCES = \
	core/atomic_file.c core/atomic_file.h \
	core/error.c core/error.h \
	core/guest.c core/guest.h \
	core/guest_xml.c core/guest_xml.h \
	core/guest_xml_apply.c core/guest_xml_apply.h \
	core/guest_xml_write.c core/guest_xml_write.h \
	core/guest_xml_devices.c core/guest_xml_hostdev.c \
	core/guest_xml_priv.h core/guest_xml_util.c \
	core/host.c core/host.h core/host_class.c core/host_gpu.c \
	core/report_path.c core/report_path.h \
	core/host_snapshot.h core/host_snapshot_read.c core/host_snapshot_write.c \
	core/i18n.c core/i18n.h \
	core/json.c core/json.h \
	core/memlock.c core/memlock.h \
	core/memlock_align.c core/memlock_align.h \
	core/memlock_checks.c core/memlock_checks.h \
	core/memlock_phb.c core/memlock_phb.h \
	core/memlock_output.c core/memlock_output.h \
	core/msg.c core/msg.h \
	core/pciaddr.c core/pciaddr.h \
	core/profile.c core/profile.h \
	core/qemu_proc.c core/qemu_proc.h \
	core/pool.c core/pool.h \
	core/report.c core/report.h \
	core/report_common.c \
	core/report_html.c core/report_html_views.c \
	core/report_html.h core/report_html_fleet.c core/report_html_svg.c core/report_html_terms.c \
	core/report_json.c \
	core/report_md.c core/report_md_views.c \
	core/report_rec.c core/report_rec.h \
	core/report_text.c \
	core/report_views.c core/report_views.h \
	core/size.c core/size.h \
	core/text_diff.c core/text_diff.h \
	core/text_safe.c core/text_safe.h \
	core/text_width.c core/text_width.h \
	core/utf8.c core/utf8.h \
	core/hex.c core/hex.h \
	core/xalloc.c core/xalloc.h \
	core/xml_edit.c core/xml_edit.h \
	core/xml_scan.c core/xml_scan.h \
	core/xml_splice.c core/xml_splice.h
# Views beyond the limit itself: profile comparison, address map, capacity, tour.
core_libcore_a_SOURCES += \
	core/address_map.c core/address_map.h \
	core/capacity.c core/capacity.h \
	core/capacity_fleet.c core/capacity_fleet.h \
	core/profile_compare.c core/profile_compare.h \
	core/tour.c core/tour.h
# Why a guest, or a fleet, cannot start as defined (--check, fleet checks).
core_libcore_a_SOURCES += core/check.c core/check.h
# Two definitions of a guest compared term by term (diff).
core_libcore_a_SOURCES += core/limit_diff.c core/limit_diff.h
# --headroom above libvirt's figure in a recommended hard_limit.
core_libcore_a_SOURCES += core/headroom.c core/headroom.h
# A running QEMU's limit against its definition (guests).
core_libcore_a_SOURCES += core/running_check.c core/running_check.h
# Explaining a failed start from its log (memlock-planner explain).
core_libcore_a_SOURCES += \
	core/explain.c core/explain.h \
	core/explain_output.c core/explain_output.h \
	core/qemu_cmdline.c core/qemu_cmdline.h \
	core/qemu_log.c core/qemu_log.h core/qemu_log_read.c \
	core/qemu_opts.c core/qemu_opts.h
# Files in and out: one reader for user-named inputs, the writer's signal
# cleanup, standard output checked at exit.
core_libcore_a_SOURCES += \
	core/signal_cleanup.c core/signal_cleanup.h \
	core/input_file.c core/input_file.h \
	core/close_stdout.c core/close_stdout.h \
	core/sticky_rule.c core/sticky_rule.h
# libxml2 allocations of one guest document in an arena (core/guest_xml.c).
core_libcore_a_SOURCES += core/xml_arena.c core/xml_arena.h
# Plain printf conversions by hand, for messages (core/xalloc.c).
core_libcore_a_SOURCES += core/fmt_quick.c core/fmt_quick.h

# src/: the entry point and the non-interactive subcommands.
bin_PROGRAMS += memlock-planner
memlock_planner_SOURCES = \
	src/main.c \
	src/command.h src/commands.c src/commands.h \
	src/cli_front.c src/cli_options.c \
	src/cli.c src/cli.h \
	src/cmd_apply.c \
	src/cmd_calc.c \
	src/cmd_guests.c \
	src/cmd_report.c \
	src/cmd_probe.c \
	src/cmd_record.c \
	src/cmd_tui.c \
	src/cmd_explain.c
# --check's output; diff.
memlock_planner_SOURCES += src/cli_check.c src/cmd_diff.c
memlock_planner_SOURCES += src/cli_fleet.c src/cli_fleet.h
# Order matters for static libraries: users first.
# The planning views.
memlock_planner_SOURCES += \
	src/cli_virt.c src/cli_virt.h \
	src/apply_virt.c src/apply_virt.h \
	src/guests_virt.c src/guests_virt.h \
	src/tui_domains.c src/tui_domains.h \
	src/cmd_capacity.c \
	src/cmd_compare.c \
	src/cmd_map.c \
	src/cmd_tour.c
memlock_planner_LDADD = tui/libtui.a probe/libprobe.a virt/libmpvirt.a core/libcore.a \
	$(SAN_LIBVIRT_LIBS) $(NCURSESW_LIBS) $(LIBXML_LIBS) $(UDEV_LIBS) $(LIBPCI_LIBS) $(LIBINTL)

# tui/: the ncurses planner. Renders models, turns keys into model edits.
noinst_LIBRARIES += tui/libtui.a
tui_libtui_a_SOURCES = \
	tui/actions.c tui/actions.h \
	tui/app.c tui/app.h \
	tui/complete.c tui/complete.h \
	tui/crt.c tui/crt.h \
	tui/draw.c \
	tui/draw_overlay.c \
	tui/draw_panes.c \
	tui/draw_result.c \
	tui/domains.h \
	tui/guestview.c tui/guestview.h \
	tui/headless.c tui/headless.h \
	tui/hostview.c tui/hostview.h \
	tui/input.c \
	tui/keys.c tui/keys.h \
	tui/layout.c tui/layout.h \
	tui/plan.c tui/plan.h \
	tui/tourpanel.c \
	tui/tui.c tui/tui.h \
	tui/view_capacity.c \
	tui/view_compare.c \
	tui/view_guests.c \
	tui/view_map.c \
	tui/view_term.c \
	tui/view_tour.c \
	tui/views.c tui/views.h \
	tui/vtext.c tui/vtext.h \
	tui/write.c tui/write.h

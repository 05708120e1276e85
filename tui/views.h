/* The views that open over the planner: address map, profile comparison,
 * capacity and running guests (full screen between title and warnings), and
 * the guided tour (a panel over the left column, the limit pane stays live).
 * Builders turn core's models into vtext without curses; views.c and
 * tourpanel.c hold the state, the keys and the drawing. */
#ifndef MP_TUI_VIEWS_H
#define MP_TUI_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "crt.h"
#include "keys.h"
#include "layout.h"
#include "plan.h"
#include "qemu_proc.h"
#include "tour.h"
#include "vtext.h"

struct app;

enum view_kind { VIEW_MAP, VIEW_COMPARE, VIEW_CAPACITY, VIEW_GUESTS, VIEW_TERM, VIEW_EXPLAIN, VIEW_DIFF };

/* Builders: `width` is the columns the text may use. */
void view_map_build(const struct plan *p, const struct crt *c, int width, struct vtext *out);
void view_compare_build(const struct plan *p, const struct crt *c, int width, struct vtext *out);
void view_capacity_build(const struct plan *p, const struct crt *c, int width, struct vtext *out);
void view_guests_build(const struct qemu_process *ps, size_t n, const struct crt *c, int width,
                       struct vtext *out);
/* Term `i` of the plan's limit in full. */
void view_term_build(const struct plan *p, size_t i, const struct crt *c, int width,
                     struct vtext *out);
/* The tour panel for step `i` (0-based): its title, explanation and the
 * terms that moved since the step before (none for the start). */
void view_tour_build(size_t i, const struct tour_delta *d, size_t nd, const struct crt *c,
                     int width, struct vtext *out);

/* Opens a view (MODE_VIEW); the guests view scans the processes. */
void views_open(struct app *a, enum view_kind k);
/* Opens a view of prepared text (VIEW_EXPLAIN, VIEW_DIFF), wrapped to the window;
 * takes `text`. */
void views_open_text(struct app *a, enum view_kind k, char *text);
/* Prepared text as view lines, each wrapped at `width` (made safe first). */
void view_text_build(const char *text, int width, struct vtext *out);
void views_key(struct app *a, int key);
void views_draw(struct app *a);
/* Mouse wheel in a view: -1 up, 1 down. */
void views_wheel(struct app *a, int wheel);
/* Draws lines top.. of `t` into `in` (an inner rectangle), padded. */
void views_render(struct app *a, const struct rect *in, const struct vtext *t, size_t top);
/* " 5-22/40 " on a box's bottom border when `n` lines do not fit. */
void views_scroll_mark(struct app *a, const struct rect *box, size_t top, size_t visible, size_t n);

/* The guided tour (tourpanel.c): T starts it, offering demo:ac922 first. */
void tour_start(struct app *a);
void tour_key(struct app *a, int key);
void tour_draw(struct app *a);
/* Whether the tour's plan is the planner's now. */
bool tour_running(const struct app *a);
size_t tour_footer(const struct app *a, struct key_foot *out, size_t max);
/* Ends the tour without restoring (the planner is closing); frees its state. */
void tour_free(struct app *a);

/* Footer items while a view or the tour is open; 0 in other modes. */
size_t views_footer(const struct app *a, struct key_foot *out, size_t max);
/* Frees the views' and the tour's state (the planner's saved guest too). */
void views_free(struct app *a);

#endif

/* Pieces the HTML report's files share (report_html*.c): tables that scroll
 * in their own box, numbers kept with their units, and SVG charts that scale
 * to the window, keep their own background and label every mark. */
#ifndef MP_REPORT_HTML_H
#define MP_REPORT_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "report.h"

/* A table in a box that scrolls sideways by itself: caption, a head row of
 * column headers (th scope="col"), then the body is open. */
void html_table_open(FILE *out, const char *cls, const char *caption, const char *const *heads,
                     size_t n);
/* Closes the body, the table and its box. */
void html_table_close(FILE *out);

/* Charts. Every chart has a background of its own (forced dark mode cannot
 * turn its labels dark on dark), a viewBox and no fixed width (CSS scales it
 * to the window). */
enum { SVG_FONT = 12, SVG_ROW = 22 };
void html_svg_open(FILE *out, const char *cls, unsigned w, unsigned h, const char *label);
void html_svg_close(FILE *out);
/* Text at (x, baseline y), at most `max` columns; a longer text is cut with
 * an ellipsis and the whole of it shows as the tooltip (<title>). */
void html_svg_text(FILE *out, unsigned x, unsigned y, const char *cls, const char *s,
                   size_t max);
/* A legend entry: a swatch of class `cls` and its text, one row. */
void html_svg_legend(FILE *out, unsigned x, unsigned y, const char *cls, const char *text);

/* A linear axis from 0 to at least `max` KiB: even steps in one unit. */
struct html_axis {
    uint64_t step_kib, end_kib;
    uint64_t unit_kib;
    const char *unit;         /* "MiB", "GiB", "TiB" */
    unsigned nsteps;
};
void html_axis_init(struct html_axis *a, uint64_t max_kib);
/* The x of `kib` on a bar `w` wide starting at x0. */
unsigned html_axis_x(const struct html_axis *a, uint64_t kib, unsigned x0, unsigned w);
/* Grid lines from y0 to y1, tick labels under y1 and the axis title below. */
void html_axis_draw(FILE *out, const struct html_axis *a, unsigned x0, unsigned w, unsigned y0,
                    unsigned y1);
/* The rows an axis takes under its bars. */
#define HTML_AXIS_H (2 * SVG_ROW + 4)

/* The terms of one guest: a bar chart and a table with a total row. */
void report_html_terms(FILE *out, const struct memlock_result *r);
/* A fleet's summary: one row per guest (linked to its section) and per guest
 * that could not be read, the totals, the fleet's warnings and chart. */
void report_html_summary(FILE *out, const struct report *rep);
/* The id of guest i's section: "g1", "g2", ... */
#define HTML_GUEST_ID "g%zu"

#endif

/* Screen layout for the planner as pure functions: terminal size in,
 * rectangles and fitted text out. No curses here, so it is unit-tested. */
#ifndef MP_TUI_LAYOUT_H
#define MP_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_ROWS 24

struct rect {
    int y, x, h, w;
};

struct layout {
    bool too_small;       /* below LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS: nothing else is set */
    struct rect title;    /* one row: program, host, guest file */
    struct rect host;     /* left, top: the host tree (with borders) */
    struct rect guest;    /* left, bottom: the guest's fields (with borders) */
    struct rect result;   /* right, full height: the limit and its terms (with borders) */
    struct rect warn;     /* full width, 1 to 3 rows above the status line */
    struct rect status;   /* one row: messages and prompts */
    struct rect footer;   /* one row: key hints */
};

/* Splits a rows x cols screen; `nwarnings` decides how many warning rows
 * (at least one, at most three, fewer on short screens). The guest pane gets
 * room for `guest_rows` rows of content when the host pane can keep
 * LAYOUT_MIN_PANE rows; 0 splits the left column in half. */
#define LAYOUT_MIN_PANE 8
void layout_compute(int rows, int cols, size_t nwarnings, size_t guest_rows, struct layout *out);

/* Whether point (y, x) is inside r. */
bool layout_contains(const struct rect *r, int y, int x);

/* Display columns of UTF-8 text (invalid bytes count one column each). */
int layout_text_width(const char *s);
/* Copies as much of `src` as fits in `width` columns into `dst`; when it has
 * to cut, the last column becomes `ellipsis` (e.g. "…" or "~"). Returns the
 * columns used. Never splits a character. */
int layout_fit(const char *src, int width, const char *ellipsis, char *dst, size_t len);

/* The same keeping the end: "…/guests/a.xml" (paths, typed input). */
int layout_fit_left(const char *src, int width, const char *ellipsis, char *dst, size_t len);

/* Splits `src` into lines of at most `width` columns at spaces (long words
 * are cut). Writes up to `max` line start offsets and lengths; returns the
 * number of lines the whole text needs (may exceed `max`). */
size_t layout_wrap(const char *src, int width, size_t *starts, size_t *lens, size_t max);

/* Cells of a `width`-cell bar for `value` out of `total`: rounded, and at
 * least one cell for any non-zero value. */
int layout_bar_cells(uint64_t value, uint64_t total, int width);
/* `n` copies of `glyph` (a bar's full or empty cell) at dst, whole glyphs
 * only and NUL-terminated within `len` bytes; returns the bytes written. */
size_t layout_glyph_run(char *dst, size_t len, const char *glyph, int n);

/* The first visible row of a list of `n` rows shown `visible` at a time, so
 * that `sel` stays visible, moving as little as possible from `top`. */
size_t layout_scroll(size_t sel, size_t top, size_t visible, size_t n);

/* Columns of a term row "label  bar  value" in a pane `width` wide. */
struct term_columns {
    int label, bar, value;   /* widths; bar may be 0 when narrow */
};
void layout_term_columns(int width, struct term_columns *out);

/* Result pane: rows for the fixed header lines and the terms. Terms take
 * two rows (value line and a "why" line) when that fits, else one. */
bool layout_terms_with_why(int content_rows, int header_rows, size_t nterms);

/* A footer of key hints: items "KEY label" separated by two spaces, as many
 * as fit in `width` columns, in order. Returns how many were placed. */
size_t layout_footer(const char *const *keys, const char *const *labels, size_t n, int width,
                     char *dst, size_t len);

#endif

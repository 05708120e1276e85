/* Lines of styled text for the views (map, compare, capacity, guests, tour):
 * builders fill them from core's models without curses, one renderer draws
 * them, so the builders are unit-tested and every view scrolls alike. */
#ifndef MP_TUI_VTEXT_H
#define MP_TUI_VTEXT_H

#include <stddef.h>

#include "crt.h"

struct vspan {
    char *text;
    enum crt_role role;
};

struct vline {
    struct vspan *spans;
    size_t n, cap;
};

struct vtext {
    struct vline *lines;
    size_t n, cap;
};

/* Starts a new, empty line. */
void vtext_line(struct vtext *t);
/* Appends text in `role` to the last line (starting one if there is none). */
void vtext_add(struct vtext *t, enum crt_role role, const char *text);
void vtext_addf(struct vtext *t, enum crt_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Appends `text` right-aligned in `width` columns. */
void vtext_add_right(struct vtext *t, enum crt_role role, const char *text, int width);
/* Appends `text` cut or padded to exactly `width` columns. */
void vtext_add_cell(struct vtext *t, enum crt_role role, const char *text, int width,
                    const char *ellipsis);
/* Appends `text` wrapped at `width` columns as new lines, each starting with
 * `indent` spaces. */
void vtext_para(struct vtext *t, enum crt_role role, int width, int indent, const char *text);
/* The whole line as plain text (for tests). Caller frees. */
char *vtext_plain(const struct vtext *t, size_t line);
void vtext_free(struct vtext *t);

#endif

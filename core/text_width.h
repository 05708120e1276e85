/* Column widths of text on a terminal: printf's %-28s counts bytes, so an
 * accented letter or a CJK character would pull a column out of line. */
#ifndef MP_TEXT_WIDTH_H
#define MP_TEXT_WIDTH_H

#include <stddef.h>
#include <stdio.h>

/* The one rule for the width of text, in the current locale, for the CLI
 * and the planner alike: a character takes its wcwidth() columns (0 for a
 * combining mark, 2 for a wide one); a byte that is no character and a
 * character that cannot be printed (a control) take one column each, as the
 * '?' that text_safe_copy() puts in their place. */
/* Length in bytes of the character at `s` (0 at the end), its columns in *cols. */
size_t text_char(const char *s, int *cols);
/* Terminal columns `s` takes. */
size_t text_width(const char *s);
/* `s` then spaces up to `width` columns (left-aligned), like %-Ns. */
void fput_ljust(FILE *out, const char *s, size_t width);
/* Spaces then `s` up to `width` columns (right-aligned), like %Ns. */
void fput_rjust(FILE *out, const char *s, size_t width);

#endif

/* Column widths of text on a terminal: printf's %-28s counts bytes, so an
 * accented letter or a CJK character would pull a column out of line. */
#ifndef MP_TEXT_WIDTH_H
#define MP_TEXT_WIDTH_H

#include <stddef.h>
#include <stdio.h>

/* Terminal columns `s` takes in the current locale (invalid bytes count one each). */
size_t text_width(const char *s);
/* `s` then spaces up to `width` columns (left-aligned), like %-Ns. */
void fput_ljust(FILE *out, const char *s, size_t width);
/* Spaces then `s` up to `width` columns (right-aligned), like %Ns. */
void fput_rjust(FILE *out, const char *s, size_t width);

#endif

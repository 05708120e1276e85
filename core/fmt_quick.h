/* vsnprintf for the plain conversions messages use, by hand: %s, %c, %%,
 * and %d %i %u %x with no, l, ll, z or j size. glibc's vsnprintf costs about
 * a thousand instructions per call; a batch report formats tens of thousands
 * of explanations. Anything else (flags, width, precision, '*', '$' as
 * translations use, other conversions, a NULL %s) is left to vsnprintf. */
#ifndef MP_FMT_QUICK_H
#define MP_FMT_QUICK_H

#include <stdarg.h>
#include <stddef.h>

/* Formats into buf (cap bytes, NUL included) and returns the length, as
 * vsnprintf would; -1 when `fmt` asks for more than the plain conversions or
 * the text does not fit: then call vsnprintf with a fresh copy of the
 * arguments (this one has been read from). */
int fmt_quick(char *buf, size_t cap, const char *fmt, va_list ap);

#endif

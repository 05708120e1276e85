/* Allocation that never returns NULL: running out of memory is fatal (exit 1). */
#ifndef MP_XALLOC_H
#define MP_XALLOC_H

#include <stddef.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* At most `n` bytes of `s`, stopping at its NUL, like strndup. */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grows *items so that index `need - 1` is valid; *cap is the allocated count. */
void xgrow(void **items, size_t *cap, size_t need, size_t size);
#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif

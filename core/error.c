#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "error.h"

int mp_error_set(struct mp_error *err, enum mp_error_kind kind, const char *fmt, ...)
{
    if (!err)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    err->kind = kind;
    vsnprintf(err->text, sizeof(err->text), fmt, ap);
    va_end(ap);
    return -1;
}

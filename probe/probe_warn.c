#include "config.h"

#include <stdarg.h>

#include "i18n.h"
#include "probe_warn.h"
#include "size.h"
#include "xalloc.h"

void probe_warn(struct host *h, const char *fmt_msgid, ...)
{
    if (h->warnings.n > PROBE_WARN_MAX)
        return;
    if (h->warnings.n == PROBE_WARN_MAX) {
        msg_list_add(&h->warnings, N_("more warnings left out"));
        return;
    }
    va_list ap, copy;
    va_start(ap, fmt_msgid);
    va_copy(copy, ap);
    struct msg m;
    m.c = xvasprintf(fmt_msgid, ap);
    m.local = xvasprintf(_(fmt_msgid), copy);
    size_delocalize(m.c);   /* sizes in the English text keep '.' */
    va_end(copy);
    va_end(ap);
    msg_list_add_msg(&h->warnings, m);
}

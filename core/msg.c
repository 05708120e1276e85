#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "i18n.h"
#include "msg.h"
#include "xalloc.h"

static struct msg msg_vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    struct msg m;
    m.c = xvasprintf(fmt, ap);
    const char *local = _(fmt);
    /* Untranslated (gettext gives the msgid back): the same text, shared. */
    m.local = local == fmt ? m.c : xvasprintf(local, copy);
    va_end(copy);
    return m;
}

struct msg msg_format(const char *fmt_msgid, ...)
{
    va_list ap;
    va_start(ap, fmt_msgid);
    struct msg m = msg_vformat(fmt_msgid, ap);
    va_end(ap);
    return m;
}

void msg_free(struct msg *m)
{
    if (m->local != m->c)
        free(m->local);
    free(m->c);
    m->c = m->local = NULL;
}

void msg_list_add_msg(struct msg_list *l, struct msg m)
{
    XGROW(l->items, l->cap, l->n + 1);
    l->items[l->n++] = m;
}

void msg_list_add(struct msg_list *l, const char *fmt_msgid, ...)
{
    va_list ap;
    va_start(ap, fmt_msgid);
    msg_list_add_msg(l, msg_vformat(fmt_msgid, ap));
    va_end(ap);
}

void msg_list_free(struct msg_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        msg_free(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

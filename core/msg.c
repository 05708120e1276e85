#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "i18n.h"
#include "msg.h"
#include "size.h"
#include "xalloc.h"

/* `c` from the English `fmt`, `local` from `local_fmt` (the translation,
 * or `fmt` itself: then the text is shared unless sizes in it differ). */
static struct msg msg_vformat2(const char *fmt, const char *local_fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    struct msg m;
    m.c = xvasprintf(fmt, ap);
    if (local_fmt != fmt) {
        m.local = xvasprintf(local_fmt, copy);
        size_delocalize(m.c);
    } else if (size_radix_localized()) {
        m.local = m.c;
        char *people = xstrdup(m.c);
        /* Sizes were formatted for people: the English text keeps '.'. */
        if (size_delocalize(m.c))
            m.local = people;
        else
            free(people);
    } else {
        m.local = m.c;   /* '.' already: one text for both */
    }
    va_end(copy);
    return m;
}

static struct msg msg_vformat(const char *fmt, va_list ap)
{
    return msg_vformat2(fmt, _(fmt), ap);
}

static struct msg msg_vformat_plural(const char *singular, const char *plural, unsigned long n,
                                     va_list ap)
{
    const char *en = n == 1 ? singular : plural;
    const char *local = P_(singular, plural, n);
    /* Untranslated: ngettext hands back one of the msgids. */
    return msg_vformat2(en, local == singular || local == plural ? en : local, ap);
}

struct msg msg_format_plural(const char *singular, const char *plural, unsigned long n, ...)
{
    va_list ap;
    va_start(ap, n);
    struct msg m = msg_vformat_plural(singular, plural, n, ap);
    va_end(ap);
    return m;
}

void msg_list_add_plural(struct msg_list *l, const char *singular, const char *plural,
                         unsigned long n, ...)
{
    va_list ap;
    va_start(ap, n);
    msg_list_add_msg(l, msg_vformat_plural(singular, plural, n, ap));
    va_end(ap);
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

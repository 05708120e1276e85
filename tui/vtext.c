#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "vtext.h"
#include "xalloc.h"

void vtext_line(struct vtext *t)
{
    XGROW(t->lines, t->cap, t->n + 1);
    t->lines[t->n++] = (struct vline){ 0 };
}

void vtext_add(struct vtext *t, enum crt_role role, const char *text)
{
    if (!t->n)
        vtext_line(t);
    struct vline *l = &t->lines[t->n - 1];
    XGROW(l->spans, l->cap, l->n + 1);
    l->spans[l->n++] = (struct vspan){ xstrdup(text), role };
}

void vtext_addf(struct vtext *t, enum crt_role role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    vtext_add(t, role, s);
    free(s);
}

void vtext_add_right(struct vtext *t, enum crt_role role, const char *text, int width)
{
    int pad = width - layout_text_width(text);
    vtext_addf(t, role, "%*s%s", pad > 0 ? pad : 0, "", text);
}

void vtext_add_cell(struct vtext *t, enum crt_role role, const char *text, int width,
                    const char *ellipsis)
{
    char fitted[1024];
    int used = layout_fit(text, width, ellipsis, fitted, sizeof(fitted));
    vtext_addf(t, role, "%s%*s", fitted, width - used > 0 ? width - used : 0, "");
}

void vtext_para(struct vtext *t, enum crt_role role, int width, int indent, const char *text)
{
    size_t st[64], ln[64];
    size_t n = layout_wrap(text, width - indent, st, ln, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        vtext_line(t);
        vtext_addf(t, role, "%*s%.*s", indent, "", (int)ln[i], text + st[i]);
    }
}

char *vtext_plain(const struct vtext *t, size_t line)
{
    if (line >= t->n)
        return xstrdup("");
    const struct vline *l = &t->lines[line];
    size_t len = 1;
    for (size_t i = 0; i < l->n; i++)
        len += strlen(l->spans[i].text);
    char *s = xmalloc(len);
    s[0] = '\0';
    for (size_t i = 0; i < l->n; i++)
        strcat(s, l->spans[i].text);
    return s;
}

void vtext_free(struct vtext *t)
{
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; k < t->lines[i].n; k++)
            free(t->lines[i].spans[k].text);
        free(t->lines[i].spans);
    }
    free(t->lines);
    memset(t, 0, sizeof(*t));
}

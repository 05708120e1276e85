#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"
#include "xml_scan.h"
#include "xml_splice.h"

const char *const XML_SPLICE_LAST[] = { NULL };

/* A scanned document and its layout. */
struct doc {
    const char *buf;
    size_t len;
    struct xml_scan sc;
    const char *nl;          /* "\n" or "\r\n", as the document has it */
    char *step;              /* one indentation step */
};

static int doc_open(struct doc *d, const char *buf, size_t len, const char *name,
                    struct mp_error *err)
{
    memset(d, 0, sizeof(*d));
    if (xml_check_input(buf, len, name, err) < 0)
        return -1;
    if (xml_scan_doc(buf, len, &d->sc) < 0 || d->sc.els[0].depth != 0) {
        free(d->sc.els);
        return mp_error_set(err, MP_ERR_INPUT, _("%s: cannot find the elements to edit"), name);
    }
    d->buf = buf;
    d->len = len;
    d->nl = memmem(buf, len, "\r\n", 2) ? "\r\n" : "\n";
    long fc = xml_first_child(&d->sc, 0);
    char *root_ind = xml_indent_of(buf, d->sc.els[0].start);
    char *fc_ind = fc >= 0 ? xml_indent_of(buf, d->sc.els[fc].start) : NULL;
    if (fc_ind && root_ind && !strncmp(fc_ind, root_ind, strlen(root_ind)) &&
        strlen(fc_ind) > strlen(root_ind))
        d->step = xstrdup(fc_ind + strlen(root_ind));
    else
        d->step = xstrdup("  ");
    free(fc_ind);
    free(root_ind);
    return 0;
}

static void doc_close(struct doc *d)
{
    free(d->sc.els);
    free(d->step);
}

/* The element at `path`: its index, -1 when absent, -2 when a name is not unique. */
static long find(const struct doc *d, const char *path)
{
    long cur = 0;
    char seg[64];
    for (const char *p = path; *p && cur >= 0;) {
        size_t n = strcspn(p, "/");
        if (n >= sizeof(seg))
            return -1;
        memcpy(seg, p, n);
        seg[n] = '\0';
        p += n + (p[n] == '/');
        char *br = strchr(seg, '[');
        if (!br) {
            cur = xml_child(&d->sc, cur, seg);
            continue;
        }
        unsigned long want = strtoul(br + 1, NULL, 10), k = 0;
        *br = '\0';
        long found = -1;
        for (size_t i = 0; i < d->sc.n && found < 0; i++)
            if (d->sc.els[i].parent == cur && !strcmp(d->sc.els[i].name, seg) && k++ == want)
                found = (long)i;
        cur = found;
    }
    return cur;
}

/* `text` with '\n' as newline + `ind` and '\t' as one step. */
static void put_text(struct xml_out *o, const struct doc *d, const char *text, const char *ind)
{
    for (const char *t = text; *t; t++) {
        if (*t == '\n') {
            xml_puts(o, d->nl);
            xml_puts(o, ind ? ind : "");
        } else if (*t == '\t') {
            if (ind)
                xml_puts(o, d->step);
        } else {
            xml_put(o, t, 1);
        }
    }
}

/* The indentation of a new child of element `parent`. */
static char *child_indent(const struct doc *d, long parent)
{
    long c = xml_first_child(&d->sc, parent);
    char *ind = c >= 0 ? xml_indent_of(d->buf, d->sc.els[c].start) : NULL;
    if (ind || c >= 0)
        return ind;
    char *pind = xml_indent_of(d->buf, d->sc.els[parent].start);
    if (!pind)
        return NULL;
    char *r = xasprintf("%s%s", pind, d->step);
    free(pind);
    return r;
}

static char *finish(struct xml_out *o, const struct doc *d, size_t from, size_t *out_len)
{
    xml_put(o, d->buf + from, d->len - from);
    *out_len = o->len;
    return o->buf;
}

static bool listed(const char *const *names, const char *name)
{
    for (; names && *names; names++)
        if (!strcmp(*names, name))
            return true;
    return false;
}

static char *insert_at(const struct doc *d, long parent, const char *text, const char *const *after,
                       size_t *out_len)
{
    struct xml_out o = { 0 };
    const struct xml_el *p = &d->sc.els[parent];
    char *ind = child_indent(d, parent);
    long ref = -1;
    if (after == XML_SPLICE_LAST) {
        ref = xml_last_child(&d->sc, parent);
    } else {
        for (size_t i = 0; i < d->sc.n; i++)
            if (d->sc.els[i].parent == parent && listed(after, d->sc.els[i].name))
                ref = (long)i;
    }
    long first = xml_first_child(&d->sc, parent);
    size_t from;
    if (ref >= 0) {
        /* After a sibling, on a line of its own. */
        from = d->sc.els[ref].end;
        xml_put(&o, d->buf, from);
        put_text(&o, d, ind ? "\n" : "", ind);
        put_text(&o, d, text, ind);
    } else if (first >= 0) {
        /* Before the first child. */
        from = d->sc.els[first].start;
        xml_put(&o, d->buf, from);
        put_text(&o, d, text, ind);
        put_text(&o, d, ind ? "\n" : "", ind);
    } else if (p->empty) {
        /* <x/> becomes <x>...</x>. */
        char *pind = xml_indent_of(d->buf, p->start);
        size_t tag_end = p->stag_end - 2;
        while (tag_end > p->start && (d->buf[tag_end - 1] == ' ' || d->buf[tag_end - 1] == '\t'))
            tag_end--;
        xml_put(&o, d->buf, tag_end);
        xml_puts(&o, ">");
        put_text(&o, d, ind ? "\n" : "", ind);
        put_text(&o, d, text, ind);
        put_text(&o, d, pind ? "\n" : "", pind);
        xml_puts(&o, "</");
        xml_puts(&o, p->name);
        xml_puts(&o, ">");
        from = p->end;
        free(pind);
    } else {
        /* <x></x> or <x> </x>: after the start tag. */
        char *pind = xml_indent_of(d->buf, p->start);
        from = p->stag_end;
        xml_put(&o, d->buf, from);
        put_text(&o, d, ind ? "\n" : "", ind);
        put_text(&o, d, text, ind);
        /* Only blanks before the end tag: it gets a line of its own. */
        bool blank = true;
        for (size_t i = p->stag_end; i < p->etag_start; i++)
            if (!strchr(" \t\r\n", d->buf[i]))
                blank = false;
        if (blank && pind) {
            put_text(&o, d, "\n", pind);
            from = p->etag_start;
        }
        free(pind);
    }
    free(ind);
    return finish(&o, d, from, out_len);
}

/* Removes element e with the line it stood on when it had one to itself. */
static char *remove_el(const struct doc *d, long e, size_t *out_len)
{
    const struct xml_el *el = &d->sc.els[e];
    size_t from = el->start, to = el->end;
    char *ind = xml_indent_of(d->buf, el->start);
    if (ind) {
        from -= strlen(ind);
        if (from > 0 && d->buf[from - 1] == '\n') {
            from--;
            if (from > 0 && d->buf[from - 1] == '\r')
                from--;
        }
    }
    free(ind);
    struct xml_out o = { 0 };
    xml_put(&o, d->buf, from);
    return finish(&o, d, to, out_len);
}

static char *no_such(const char *name, const char *path, struct mp_error *err)
{
    mp_error_set(err, MP_ERR_INPUT, _("%s: no single <%s> to edit"), name, path);
    return NULL;
}

/* The parent path of `path` in `buf` (a copy). */
static char *parent_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup("");
}

char *xml_splice_insert(const char *buf, size_t len, const char *name, const char *parent,
                        const char *text, const char *const *after, size_t *out_len,
                        struct mp_error *err)
{
    struct doc d;
    if (doc_open(&d, buf, len, name, err) < 0)
        return NULL;
    long p = find(&d, parent);
    char *r = p >= 0 ? insert_at(&d, p, text, after, out_len) : no_such(name, parent, err);
    doc_close(&d);
    return r;
}

char *xml_splice_set(const char *buf, size_t len, const char *name, const char *path,
                     const char *text, const char *const *after, size_t *out_len,
                     struct mp_error *err)
{
    struct doc d;
    if (doc_open(&d, buf, len, name, err) < 0)
        return NULL;
    long e = find(&d, path);
    char *r = NULL;
    if (e == -2) {
        r = no_such(name, path, err);
    } else if (e >= 0 && !text) {
        r = remove_el(&d, e, out_len);
    } else if (e >= 0) {
        struct xml_out o = { 0 };
        const struct xml_el *el = &d.sc.els[e];
        char *ind = xml_indent_of(buf, el->start);
        xml_put(&o, buf, el->start);
        put_text(&o, &d, text, ind);
        free(ind);
        r = finish(&o, &d, el->end, out_len);
    } else if (!text) {
        /* Nothing to remove: the same bytes. */
        struct xml_out o = { 0 };
        r = finish(&o, &d, 0, out_len);
    } else {
        char *pp = parent_of(path);
        long p = find(&d, pp);
        r = p >= 0 ? insert_at(&d, p, text, after, out_len) : no_such(name, pp, err);
        free(pp);
    }
    doc_close(&d);
    return r;
}

char *xml_splice_remove_nth(const char *buf, size_t len, const char *name, const char *parent,
                            size_t nth, size_t *out_len, struct mp_error *err)
{
    struct doc d;
    if (doc_open(&d, buf, len, name, err) < 0)
        return NULL;
    long p = find(&d, parent), e = -1;
    size_t k = 0;
    for (size_t i = 0; p >= 0 && i < d.sc.n && e < 0; i++)
        if (d.sc.els[i].parent == p && k++ == nth)
            e = (long)i;
    char *r = e >= 0 ? remove_el(&d, e, out_len) : no_such(name, parent, err);
    doc_close(&d);
    return r;
}

/* In the start tag [s, end): the value of attribute `attr` as [*vs, *ve). */
static bool attr_value(const char *s, const char *end, const char *attr, const char **vs,
                       const char **ve)
{
    const char *p = s + 1;
    while (p < end && !strchr(" \t\r\n/>", *p))
        p++; /* the element's name */
    size_t al = strlen(attr);
    for (;;) {
        while (p < end && strchr(" \t\r\n", *p))
            p++;
        if (p >= end || *p == '/' || *p == '>')
            return false;
        const char *ns = p;
        while (p < end && !strchr(" \t\r\n=", *p))
            p++;
        size_t nl = (size_t)(p - ns);
        while (p < end && *p != '\'' && *p != '"')
            p++;
        if (p >= end)
            return false;
        char q = *p++;
        const char *v = p;
        while (p < end && *p != q)
            p++;
        if (nl == al && !memcmp(ns, attr, al)) {
            *vs = v;
            *ve = p;
            return true;
        }
        p++;
    }
}

char *xml_splice_set_attr(const char *buf, size_t len, const char *name, const char *path,
                          const char *attr, const char *value, size_t *out_len,
                          struct mp_error *err)
{
    struct doc d;
    if (doc_open(&d, buf, len, name, err) < 0)
        return NULL;
    long e = find(&d, path);
    if (e < 0) {
        doc_close(&d);
        return no_such(name, path[0] ? path : "domain", err);
    }
    const struct xml_el *el = &d.sc.els[e];
    const char *s = buf + el->start, *end = buf + el->stag_end, *vs, *ve;
    struct xml_out o = { 0 };
    size_t from;
    if (attr_value(s, end, attr, &vs, &ve)) {
        xml_put(&o, buf, (size_t)(vs - buf));
        xml_puts(&o, value);
        from = (size_t)(ve - buf);
    } else {
        /* Last in the tag, before "/>" or ">", quoted as the file quotes. */
        const char *at = end - (el->empty ? 2 : 1);
        while (at > s && (at[-1] == ' ' || at[-1] == '\t'))
            at--;
        char q = memchr(s, '"', (size_t)(end - s)) ? '"' : '\'';
        xml_put(&o, buf, (size_t)(at - buf));
        char *a = xasprintf(" %s=%c%s%c", attr, q, value, q);
        xml_puts(&o, a);
        free(a);
        from = (size_t)(at - buf);
    }
    char *r = finish(&o, &d, from, out_len);
    doc_close(&d);
    return r;
}

/* The element at `path`: -1 absent; 0 without, 1 with element children. */
static int probe(const char *buf, size_t len, const char *path)
{
    struct doc d;
    struct mp_error err = { 0 };
    if (doc_open(&d, buf, len, "", &err) < 0)
        return -1;
    long e = find(&d, path);
    int r = e < 0 ? -1 : xml_first_child(&d.sc, e) >= 0;
    doc_close(&d);
    return r;
}

bool xml_splice_has(const char *buf, size_t len, const char *path)
{
    return probe(buf, len, path) >= 0;
}

bool xml_splice_has_children(const char *buf, size_t len, const char *path)
{
    return probe(buf, len, path) > 0;
}

char *xml_escape(const char *text)
{
    struct xml_out o = { 0 };
    xml_puts(&o, "");
    for (const char *t = text; *t; t++) {
        switch (*t) {
        case '&': xml_puts(&o, "&amp;"); break;
        case '<': xml_puts(&o, "&lt;"); break;
        case '>': xml_puts(&o, "&gt;"); break;
        case '\'': xml_puts(&o, "&apos;"); break;
        case '"': xml_puts(&o, "&quot;"); break;
        default: xml_put(&o, t, 1); break;
        }
    }
    return o.buf;
}

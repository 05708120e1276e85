/* Helpers of the guest XML loader: element look-up, checked numbers, messages. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest_xml.h"
#include "guest_xml_priv.h"
#include "i18n.h"
#include "size.h"
#include "text_safe.h"
#include "utf8.h"
#include "xalloc.h"

int gx_fail(struct gx *x, const xmlNode *n, const char *fmt, ...)
{
    char what[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    long line = n ? xmlGetLineNo(n) : -1;
    if (line > 0)
        return mp_error_set(x->err, MP_ERR_INPUT, "%s:%ld: %s", x->name, line, what);
    return mp_error_set(x->err, MP_ERR_INPUT, "%s: %s", x->name, what);
}

bool gx_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name[0] == (xmlChar)name[0] &&
           !strcmp((const char *)n->name, name);
}

xmlNode *gx_child(const xmlNode *n, const char *name)
{
    if (!n)
        return NULL;
    for (xmlNode *c = n->children; c; c = c->next)
        if (gx_is(c, name))
            return c;
    return NULL;
}

static char *own(xmlChar *s)
{
    if (!s)
        return NULL;
    char *r = xstrdup((const char *)s);
    xmlFree(s);
    return r;
}

char *gx_attr(const xmlNode *n, const char *name)
{
    return own(xmlGetNoNsProp(n, (const xmlChar *)name));
}

/* The value as libxml2 hands it over, to give back with xmlFree: for values
 * read and dropped at once (no copy of our own). */
static xmlChar *attr_raw(const xmlNode *n, const char *name)
{
    return xmlGetNoNsProp(n, (const xmlChar *)name);
}

char *gx_text(const xmlNode *n)
{
    return own(xmlNodeGetContent(n));
}

void gx_quote(const char *s, char *buf, size_t len)
{
    char cut[48];
    size_t n = strlen(s);
    if (n >= sizeof(cut)) {
        /* Cut at a character boundary, then mark the cut. */
        n = utf8_char_start(s, sizeof(cut) - 4);
        memcpy(cut, s, n);
        strcpy(cut + n, "...");
    } else {
        memcpy(cut, s, n + 1);
    }
    text_safe_copy(buf, len, cut);
}

int gx_size(struct gx *x, const xmlNode *n, const char *what, const char *value,
            const char *unit, uint64_t *kib)
{
    enum size_parse_status st = size_parse_libvirt(value ? value : "", unit, kib);
    if (st == SIZE_OK)
        return 0;
    char q[64];
    if (st == SIZE_BAD_UNIT) {
        gx_quote(unit, q, sizeof(q));
        return gx_fail(x, n, _("%s: unit '%s': %s"), what, q, size_parse_strerror(st));
    }
    if (st == SIZE_EMPTY && !(value && *value))
        return gx_fail(x, n, _("%s: %s"), what, size_parse_strerror(st));
    gx_quote(value, q, sizeof(q));
    return gx_fail(x, n, _("%s: '%s': %s"), what, q, size_parse_strerror(st));
}

int gx_size_element(struct gx *x, const xmlNode *n, uint64_t *kib)
{
    char *value = gx_text(n), *unit = gx_attr(n, "unit");
    int rc = 0;
    if (size_parse_libvirt(value ? value : "", unit, kib) != SIZE_OK) {
        char what[64];   /* the element's name, for the message only */
        snprintf(what, sizeof(what), "<%s>", (const char *)n->name);
        rc = gx_size(x, n, what, value, unit, kib);
    }
    free(value);
    free(unit);
    return rc;
}

/* Whole unsigned number as libvirt's virStrToLong_uip takes it: no sign, no
 * blanks, nothing after the digits. */
static bool parse_ulong(const char *s, int base, unsigned long max, unsigned long *out)
{
    if (!isdigit((unsigned char)s[0]))
        return false;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, base);
    if (errno || end == s || *end || v > max)
        return false;
    *out = (unsigned long)v;
    return true;
}

int gx_uint(struct gx *x, const xmlNode *n, const char *attr, int base, unsigned long max,
            bool required, bool *present, unsigned long *out)
{
    xmlChar *raw = attr_raw(n, attr);
    const char *v = (const char *)raw;
    if (present)
        *present = v != NULL;
    if (!v) {
        if (required)
            return gx_fail(x, n, _("<%s> needs a %s attribute"), (const char *)n->name, attr);
        return 0;
    }
    unsigned long r;
    bool ok = parse_ulong(v, base, max, &r);
    if (!ok) {
        char q[64];
        gx_quote(v, q, sizeof(q));
        xmlFree(raw);
        if (base == 16 || base == 0)
            return gx_fail(x, n, _("<%s %s='%s'>: expected a whole number from 0 to %#lx"),
                           (const char *)n->name, attr, q, max);
        return gx_fail(x, n, _("<%s %s='%s'>: expected a whole number from 0 to %lu"),
                       (const char *)n->name, attr, q, max);
    }
    xmlFree(raw);
    *out = r;
    return 0;
}

int gx_yesno(struct gx *x, const xmlNode *n, const char *attr, bool *out)
{
    xmlChar *raw = attr_raw(n, attr);
    const char *v = (const char *)raw;
    if (!v)
        return 0;
    int rc = 0;
    if (!strcmp(v, "yes")) {
        *out = true;
    } else if (!strcmp(v, "no")) {
        *out = false;
    } else {
        char q[64];
        gx_quote(v, q, sizeof(q));
        rc = gx_fail(x, n, _("<%s %s='%s'>: expected yes or no"), (const char *)n->name, attr, q);
    }
    xmlFree(raw);
    return rc;
}

int gx_count_ok(struct gx *x, const xmlNode *n, size_t count, const char *what)
{
    if (count < GUEST_XML_MAX_ITEMS)
        return 0;
    return gx_fail(x, n, _("more than %u %s: refused (real guests have a few dozen)"),
                   GUEST_XML_MAX_ITEMS, what);
}

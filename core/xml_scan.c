#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include "guest_xml.h"
#include "i18n.h"
#include "xalloc.h"
#include "xml_scan.h"

static const char *find(const char *s, const char *end, const char *needle)
{
    size_t nl = strlen(needle);
    for (; s + nl <= end; s++)
        if (!memcmp(s, needle, nl))
            return s;
    return NULL;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Walks a document libxml2 has already found well-formed, recording where
 * the shallow elements start and end. */
int xml_scan_doc(const char *buf, size_t len, struct xml_scan *sc)
{
    const char *p = buf, *end = buf + len;
    long stack[XML_SCAN_DEPTH];
    for (int i = 0; i < XML_SCAN_DEPTH; i++)
        stack[i] = -1;
    int depth = 0;
    while ((p = memchr(p, '<', (size_t)(end - p)))) {
        const char *q;
        if ((q = (end - p >= 4 && !memcmp(p, "<!--", 4)) ? find(p + 4, end, "-->") : NULL)) {
            p = q + 3;
        } else if (end - p >= 9 && !memcmp(p, "<![CDATA[", 9)) {
            if (!(q = find(p + 9, end, "]]>")))
                return -1;
            p = q + 3;
        } else if (end - p >= 2 && (p[1] == '?' || p[1] == '!')) {
            if (!(q = find(p + 2, end, p[1] == '?' ? "?>" : ">")))
                return -1;
            p = q + (p[1] == '?' ? 2 : 1);
        } else if (end - p >= 2 && p[1] == '/') {
            if (!(q = memchr(p, '>', (size_t)(end - p))))
                return -1;
            depth--;
            if (depth < 0)
                return -1;
            if (depth < XML_SCAN_DEPTH && stack[depth] >= 0) {
                sc->els[stack[depth]].etag_start = (size_t)(p - buf);
                sc->els[stack[depth]].end = (size_t)(q + 1 - buf);
            }
            p = q + 1;
        } else {
            const char *n = p + 1, *ne = n;
            while (ne < end && !is_space(*ne) && *ne != '/' && *ne != '>')
                ne++;
            /* The tag ends at the first '>' outside quotes. */
            char quote = 0;
            for (q = ne; q < end; q++) {
                if (quote) {
                    if (*q == quote)
                        quote = 0;
                } else if (*q == '"' || *q == '\'') {
                    quote = *q;
                } else if (*q == '>') {
                    break;
                }
            }
            if (q >= end)
                return -1;
            bool empty = q[-1] == '/';
            if (depth < XML_SCAN_DEPTH) {
                XGROW(sc->els, sc->cap, sc->n + 1);
                struct xml_el *e = &sc->els[sc->n];
                memset(e, 0, sizeof(*e));
                size_t nl = (size_t)(ne - n);
                if (nl < sizeof(e->name))
                    memcpy(e->name, n, nl);
                e->depth = depth;
                e->parent = depth ? stack[depth - 1] : -1;
                e->start = (size_t)(p - buf);
                e->stag_end = (size_t)(q + 1 - buf);
                e->empty = empty;
                if (empty) {
                    e->etag_start = e->stag_end;
                    e->end = e->stag_end;
                }
                stack[depth] = (long)sc->n;
                sc->n++;
            }
            if (!empty)
                depth++;
            p = q + 1;
        }
    }
    return depth == 0 && sc->n ? 0 : -1;
}

/* The whitespace that indents the element starting at `at`, or NULL when
 * something other than blanks precedes it on its line. */
char *xml_indent_of(const char *buf, size_t at)
{
    size_t s = at;
    while (s > 0 && (buf[s - 1] == ' ' || buf[s - 1] == '\t'))
        s--;
    if (s > 0 && buf[s - 1] != '\n')
        return NULL;
    return xstrndup(buf + s, at - s);
}

/* A DOCTYPE that declares anything is refused while parsing, before an
 * entity could be expanded or checked; a bare <!DOCTYPE domain> is fine. */
static void on_decl(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    *(bool *)ctxt->_private = true;
    xmlStopParser(ctxt);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
    on_decl(ctx);
}

static void on_element_decl(void *ctx, const xmlChar *name, int type,
                            xmlElementContentPtr content)
{
    (void)name, (void)type, (void)content;
    on_decl(ctx);
}

static void on_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *fullname, int type,
                              int def, const xmlChar *default_value, xmlEnumerationPtr tree)
{
    (void)elem, (void)fullname, (void)type, (void)def, (void)default_value;
    xmlFreeEnumeration(tree);
    on_decl(ctx);
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
    if (external_id || system_id)
        on_decl(ctx);
    else
        xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

xmlDocPtr xml_parse_safe(const char *buf, size_t len, const char *name, struct mp_error *err)
{
    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        mp_error_set(err, MP_ERR_INTERNAL, _("%s: out of memory"), name);
        return NULL;
    }
    bool declared = false;
    ctxt->_private = &declared;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->elementDecl = on_element_decl;
    ctxt->sax->attributeDecl = on_attribute_decl;
    ctxt->sax->notationDecl = NULL;
    /* No NOENT, no DTDLOAD: nothing is expanded and nothing is fetched. */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (declared) {
        xmlFreeDoc(doc);
        doc = NULL;
        mp_error_set(err, MP_ERR_INPUT,
                     _("%s: a DOCTYPE with declarations or an external DTD is not allowed in a "
                       "domain XML"), name);
    } else if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[256] = "";
        if (e && e->message) {
            snprintf(msg, sizeof(msg), "%s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        mp_error_set(err, MP_ERR_INPUT, _("%s: not well-formed XML (line %d): %s"), name,
                     e ? e->line : 0, msg);
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

int xml_check_input(const char *buf, size_t len, const char *name, struct mp_error *err)
{
    if (len > GUEST_XML_MAX_BYTES)
        return mp_error_set(err, MP_ERR_INPUT, _("%s: larger than %u bytes; not a domain XML"),
                            name, GUEST_XML_MAX_BYTES);
    /* The splice works on bytes: only ASCII-compatible encodings. */
    if (memchr(buf, '\0', len))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("%s: contains NUL bytes (UTF-16?); only UTF-8 can be edited"), name);
    return 0;
}

/* The document's one element child of `parent` named `name`; -1 none, -2 several. */
long xml_child(const struct xml_scan *sc, long parent, const char *name)
{
    long found = -1;
    for (size_t i = 0; i < sc->n; i++)
        if (sc->els[i].parent == parent && !strcmp(sc->els[i].name, name)) {
            if (found >= 0)
                return -2;
            found = (long)i;
        }
    return found;
}

long xml_first_child(const struct xml_scan *sc, long parent)
{
    for (size_t i = 0; i < sc->n; i++)
        if (sc->els[i].parent == parent)
            return (long)i;
    return -1;
}

long xml_last_child(const struct xml_scan *sc, long parent)
{
    long last = -1;
    for (size_t i = 0; i < sc->n; i++)
        if (sc->els[i].parent == parent)
            last = (long)i;
    return last;
}

void xml_put(struct xml_out *o, const char *s, size_t n)
{
    XGROW(o->buf, o->cap, o->len + n + 1);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

void xml_puts(struct xml_out *o, const char *s)
{
    xml_put(o, s, strlen(s));
}

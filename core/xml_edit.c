#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "guest_xml.h"
#include "i18n.h"
#include "xalloc.h"
#include "xml_edit.h"

/* An element at depth 0 (the root), 1 (its children) or 2 (inside memtune). */
struct el {
    char name[32];           /* truncated names never match what we look for */
    int depth;
    long parent;             /* index, -1 for the root */
    size_t start;            /* offset of '<' */
    size_t stag_end;         /* just after the start tag's '>' */
    size_t etag_start;       /* offset of "</" (== stag_end for <x/>) */
    size_t end;              /* just after the element */
    bool empty;              /* <x/> */
};

struct scan {
    struct el *els;
    size_t n, cap;
};

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
static int scan_doc(const char *buf, size_t len, struct scan *sc)
{
    const char *p = buf, *end = buf + len;
    long stack[3] = { -1, -1, -1 };
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
            if (depth < 3 && stack[depth] >= 0) {
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
            if (depth < 3) {
                XGROW(sc->els, sc->cap, sc->n + 1);
                struct el *e = &sc->els[sc->n];
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
static char *indent_of(const char *buf, size_t at)
{
    size_t s = at;
    while (s > 0 && (buf[s - 1] == ' ' || buf[s - 1] == '\t'))
        s--;
    if (s > 0 && buf[s - 1] != '\n')
        return NULL;
    return xstrndup(buf + s, at - s);
}

struct out {
    char *buf;
    size_t len, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
    XGROW(o->buf, o->cap, o->len + n + 1);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Elements libvirt writes before <memtune>. */
static bool before_memtune(const char *name)
{
    static const char *const names[] = { "name", "uuid", "genid", "title", "description",
                                         "metadata", "maxMemory", "memory", "currentMemory",
                                         "blkiotune" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(name, names[i]))
            return true;
    return false;
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

static xmlDocPtr parse_safe(const char *buf, size_t len, const char *name, struct mp_error *err)
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

static int check_input(const char *buf, size_t len, const char *name, struct mp_error *err)
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
static long child(const struct scan *sc, long parent, const char *name)
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

static long first_child(const struct scan *sc, long parent)
{
    for (size_t i = 0; i < sc->n; i++)
        if (sc->els[i].parent == parent)
            return (long)i;
    return -1;
}

/* Checks the edited document: well-formed, and exactly one hard_limit with `kib`. */
static int verify(const char *buf, size_t len, const char *name, uint64_t kib,
                  struct mp_error *err)
{
    xmlDocPtr doc = parse_safe(buf, len, name, err);
    if (!doc)
        return -1;
    int rc = -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr m = root->children; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || m->ns || xmlStrcmp(m->name, BAD_CAST "memtune"))
            continue;
        for (xmlNodePtr h = m->children; h; h = h->next) {
            if (h->type != XML_ELEMENT_NODE || h->ns || xmlStrcmp(h->name, BAD_CAST "hard_limit"))
                continue;
            xmlChar *text = xmlNodeGetContent(h);
            xmlChar *unit = xmlGetProp(h, BAD_CAST "unit");
            char want[32];
            snprintf(want, sizeof(want), "%" PRIu64, kib);
            if (text && unit && !strcmp((char *)text, want) && !strcmp((char *)unit, "KiB"))
                rc = 0;
            xmlFree(text);
            xmlFree(unit);
        }
    }
    xmlFreeDoc(doc);
    if (rc < 0)
        mp_error_set(err, MP_ERR_INTERNAL, _("%s: the edited document lost its hard_limit"), name);
    return rc;
}

char *xml_set_hard_limit(const char *buf, size_t len, const char *name, uint64_t kib,
                         size_t *out_len, struct mp_error *err)
{
    if (check_input(buf, len, name, err) < 0)
        return NULL;
    xmlDocPtr doc = parse_safe(buf, len, name, err);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    bool is_domain = root && !root->ns && !xmlStrcmp(root->name, BAD_CAST "domain");
    xmlFreeDoc(doc);
    if (!is_domain) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: the root element is not <domain>"), name);
        return NULL;
    }

    struct scan sc = { 0 };
    struct out o = { 0 };
    char *ind = NULL, *root_ind = NULL, *step = NULL;
    if (scan_doc(buf, len, &sc) < 0 || sc.els[0].depth != 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot find the elements to edit"), name);
        goto fail;
    }
    const char *nl = memmem(buf, len, "\r\n", 2) ? "\r\n" : "\n";
    char hl[96];
    snprintf(hl, sizeof(hl), "<hard_limit unit='KiB'>%" PRIu64 "</hard_limit>", kib);

    long mt = child(&sc, 0, "memtune");
    if (mt == -2) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: more than one <memtune>"), name);
        goto fail;
    }
    /* One indentation step: the root's children relative to the root. */
    long fc = first_child(&sc, 0);
    root_ind = indent_of(buf, sc.els[0].start);
    char *fc_ind = fc >= 0 ? indent_of(buf, sc.els[fc].start) : NULL;
    if (fc_ind && root_ind && !strncmp(fc_ind, root_ind, strlen(root_ind)) &&
        strlen(fc_ind) > strlen(root_ind))
        step = xstrdup(fc_ind + strlen(root_ind));
    else
        step = xstrdup("  ");
    free(fc_ind);

    size_t at, cut_end;
    if (mt >= 0) {
        const struct el *m = &sc.els[mt];
        long h = child(&sc, mt, "hard_limit");
        if (h == -2) {
            mp_error_set(err, MP_ERR_INPUT, _("%s: more than one <hard_limit> in <memtune>"), name);
            goto fail;
        }
        ind = indent_of(buf, m->start);
        if (h >= 0) {
            at = sc.els[h].start;
            cut_end = sc.els[h].end;
            put(&o, buf, at);
            puts_(&o, hl);
        } else if (first_child(&sc, mt) >= 0) {
            /* First, as libvirt orders memtune's children. */
            const struct el *c = &sc.els[first_child(&sc, mt)];
            char *cind = indent_of(buf, c->start);
            at = cut_end = c->start;
            put(&o, buf, at);
            puts_(&o, hl);
            if (cind) {
                puts_(&o, nl);
                puts_(&o, cind);
            }
            free(cind);
        } else if (m->empty) {
            /* <memtune/> becomes a memtune with one child. */
            at = m->start;
            cut_end = m->end;
            put(&o, buf, at);
            puts_(&o, "<memtune>");
            if (ind) {
                puts_(&o, nl), puts_(&o, ind), puts_(&o, step);
            }
            puts_(&o, hl);
            if (ind)
                puts_(&o, nl), puts_(&o, ind);
            puts_(&o, "</memtune>");
        } else {
            at = cut_end = m->stag_end;
            put(&o, buf, at);
            if (ind)
                puts_(&o, nl), puts_(&o, ind), puts_(&o, step);
            puts_(&o, hl);
            if (ind && m->etag_start == m->stag_end)
                puts_(&o, nl), puts_(&o, ind);
        }
    } else {
        long anchor = -1;
        for (size_t i = 0; i < sc.n; i++)
            if (sc.els[i].parent == 0 && before_memtune(sc.els[i].name))
                anchor = (long)i;
        long next = anchor >= 0 ? -1 : fc;
        const struct el *ref = anchor >= 0 ? &sc.els[anchor] : next >= 0 ? &sc.els[next] : NULL;
        ind = ref ? indent_of(buf, ref->start) : NULL;
        if (!ref && root_ind)
            ind = xasprintf("%s%s", root_ind, step);
        char *block = ind ? xasprintf("<memtune>%s%s%s%s%s%s</memtune>", nl, ind, step, hl, nl, ind)
                          : xasprintf("<memtune>%s</memtune>", hl);
        if (anchor >= 0) {
            at = cut_end = sc.els[anchor].end;
            put(&o, buf, at);
            if (ind)
                puts_(&o, nl), puts_(&o, ind);
            puts_(&o, block);
        } else if (next >= 0) {
            at = cut_end = sc.els[next].start;
            put(&o, buf, at);
            puts_(&o, block);
            if (ind)
                puts_(&o, nl), puts_(&o, ind);
        } else if (!sc.els[0].empty) {
            at = cut_end = sc.els[0].stag_end;
            put(&o, buf, at);
            if (ind)
                puts_(&o, nl), puts_(&o, ind);
            puts_(&o, block);
            if (ind)
                puts_(&o, nl), puts_(&o, root_ind);
        } else {
            free(block);
            mp_error_set(err, MP_ERR_INPUT, _("%s: the <domain> element is empty"), name);
            goto fail;
        }
        free(block);
    }
    put(&o, buf + cut_end, len - cut_end);
    if (verify(o.buf, o.len, name, kib, err) < 0)
        goto fail;
    free(sc.els);
    free(ind);
    free(root_ind);
    free(step);
    *out_len = o.len;
    return o.buf;
fail:
    free(sc.els);
    free(o.buf);
    free(ind);
    free(root_ind);
    free(step);
    return NULL;
}

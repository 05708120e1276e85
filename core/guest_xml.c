/* libvirt domain XML in. libxml2 reads it with no network, no DTD loading,
 * no entity substitution and no XInclude; a DOCTYPE that declares entities
 * or names an external DTD is refused before anything could be expanded.
 * libxml2's own messages are caught: the caller gets one "FILE:LINE: what". */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "guest_xml.h"
#include "guest_xml_priv.h"
#include "i18n.h"
#include "input_file.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"
#include "xml_arena.h"

/* libvirt's VIR_DOMAIN_MEMORY_PARAM_UNLIMITED (2^53 - 1 KiB): a memtune
 * limit this large or larger means "no limit", as if it were not written. */
#define MEMORY_PARAM_UNLIMITED_KIB UINT64_C(9007199254740991)

/* What the parse hooks saw. */
struct parse_state {
    char *first_error;      /* libxml2's first error, without the newline */
    long first_error_line;
    const char *refused;    /* a DOCTYPE we refuse: why */
    long refused_line;
};

static void on_error(void *data, xmlErrorPtr e)
{
    struct parse_state *st = data;
    if (!e || e->level < XML_ERR_ERROR || st->first_error)
        return;
    char *msg = xstrdup(e->message ? e->message : "not well-formed");
    for (char *p = msg; *p; p++)
        if (*p == '\n')
            *p = ' '; /* some messages have a second line of detail */
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    st->first_error = msg;
    st->first_error_line = e->line;
}

static void silent(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

static void refuse(xmlParserCtxtPtr ctxt, const char *why)
{
    struct parse_state *st = ctxt->_private;
    if (!st->refused) {
        st->refused = why;
        st->refused_line = xmlSAX2GetLineNumber(ctxt);
    }
    xmlStopParser(ctxt);
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (external_id || system_id) {
        refuse(ctxt, N_("a DOCTYPE naming an external DTD is not allowed in a domain XML"));
        return;
    }
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)name;
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    refuse(ctx, N_("a DOCTYPE declaring entities is not allowed in a domain XML"));
}

/* Called after every DOCTYPE; never loads anything (libxml2's would with DTDLOAD). */
static void on_external_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
    (void)name;
    if (external_id || system_id)
        refuse(ctx, N_("a DOCTYPE naming an external DTD is not allowed in a domain XML"));
}

/* One parser context for every document: its set-up and its name dictionary
 * are then paid once per batch, not per guest (xmlCtxtReadMemory resets it).
 * Freed at exit. */
static xmlParserCtxtPtr shared_ctxt;

static void free_shared_ctxt(void)
{
    xmlFreeParserCtxt(shared_ctxt);
    shared_ctxt = NULL;
}

/* A document libxml2 reads as UTF-8 throughout: no byte-order mark but
 * UTF-8's, no NUL in the first bytes (UTF-16, UTF-32), and an XML declaration
 * that names no encoding or UTF-8. */
static bool plain_utf8(const char *buf, size_t len)
{
    if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
        buf += 3;
        len -= 3;
    }
    if (len < 4 || buf[0] != '<' || !buf[1] || !buf[2] || !buf[3])
        return false;
    if (len < 5 || memcmp(buf, "<?xml", 5) != 0) /* the buffer has no NUL: compare in bounds */
        return true;
    const char *end = memchr(buf, '>', len < 256 ? len : 256);
    if (!end)
        return false;
    const char *enc = NULL;
    for (const char *p = buf; p + 8 <= end && !enc; p++)
        if (!memcmp(p, "encoding", 8))
            enc = p + 8;
    if (!enc)
        return true;
    while (enc < end && (*enc == ' ' || *enc == '=' || *enc == '\t' || *enc == '\n' ||
                         *enc == '\r'))
        enc++;
    if (enc + 7 > end || (*enc != '"' && *enc != '\''))
        return false;
    return !strncasecmp(enc + 1, "utf-8", 5) && enc[6] == enc[0];
}

/* xmlCtxtReadMemory, minus libxml2's look for more input after every few
 * tokens near the end of a document in memory (its read callback does
 * nothing): that look was a tenth of the parse of a batch of small guests.
 * Only for documents in UTF-8 (another encoding is converted piece by piece
 * through that callback) of at most 1 MiB (libxml2's lookup limit for input
 * that is not in memory stays far away). */
#define PLAIN_MAX (1u << 20)

static xmlDocPtr read_utf8(xmlParserCtxtPtr ctxt, const char *buf, size_t len, int opts)
{
    xmlCtxtReset(ctxt);
    xmlParserInputBufferPtr in = xmlParserInputBufferCreateMem(buf, (int)len,
                                                               XML_CHAR_ENCODING_NONE);
    if (!in)
        return NULL;
    in->readcallback = NULL;   /* nothing more to read: the document is all there */
    xmlParserInputPtr stream = xmlNewIOInputStream(ctxt, in, XML_CHAR_ENCODING_NONE);
    if (!stream) {
        xmlFreeParserInputBuffer(in);
        return NULL;
    }
    inputPush(ctxt, stream);
    xmlCtxtUseOptions(ctxt, opts);
    xmlParseDocument(ctxt);
    /* As xmlCtxtReadMemory: the document only when well-formed. */
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (!ctxt->wellFormed) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}

/* `arena`: the document is plain UTF-8 and this thread allocates in the XML
 * arena (core/xml_arena.h): a parser context of its own, which goes with the
 * arena. Else the shared context. */
static xmlDocPtr parse(const char *buf, size_t len, const char *name, bool arena,
                       struct mp_error *err)
{
    struct parse_state st = { 0 };
    if (!arena && !shared_ctxt) {
        xmlInitParser();
        shared_ctxt = xmlNewParserCtxt();
        if (!shared_ctxt) {
            mp_error_set(err, MP_ERR_INTERNAL, _("%s: cannot set up the XML parser"), name);
            return NULL;
        }
        atexit(free_shared_ctxt);
    }
    xmlParserCtxtPtr ctxt = arena ? xmlNewParserCtxt() : shared_ctxt;
    if (!ctxt) {
        mp_error_set(err, MP_ERR_INTERNAL, _("%s: cannot set up the XML parser"), name);
        return NULL;
    }
    ctxt->_private = &st;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->externalSubset = on_external_subset;
    ctxt->sax->entityDecl = on_entity_decl;

    /* Errors come to us, nothing goes to stderr. */
    xmlStructuredErrorFunc old_serror = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&st, on_error);
    xmlSetGenericErrorFunc(NULL, silent);

    /* No XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: nothing is
     * fetched or expanded, and libxml2's depth and size limits stay on. */
    /* NOBLANKS and COMPACT: fewer, smaller nodes; whitespace between elements
     * means nothing in a domain XML (text inside an element is kept). */
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS |
               XML_PARSE_COMPACT;
    xmlDocPtr doc = arena || (len <= PLAIN_MAX && plain_utf8(buf, len))
                        ? read_utf8(ctxt, buf, len, opts)
                        : xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL, opts);

    xmlSetStructuredErrorFunc(old_sctx, old_serror);
    xmlSetGenericErrorFunc(NULL, NULL);

    if (st.refused) {
        mp_error_set(err, MP_ERR_INPUT, "%s:%ld: %s", name, st.refused_line, _(st.refused));
    } else if (st.first_error || !doc) {
        char safe[512];
        text_safe_copy(safe, sizeof(safe), st.first_error ? st.first_error : "not well-formed");
        if (st.first_error_line > 0)
            mp_error_set(err, MP_ERR_INPUT, _("%s:%ld: not well-formed XML: %s"), name,
                         st.first_error_line, safe);
        else
            mp_error_set(err, MP_ERR_INPUT, _("%s: not well-formed XML: %s"), name, safe);
    }
    if (st.refused || st.first_error) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    free(st.first_error);
    ctxt->_private = NULL;
    return doc;
}

/* Text of a single-valued element as a new string, or NULL when absent. */
static char *child_text(const xmlNode *n, const char *name)
{
    const xmlNode *c = gx_child(n, name);
    return c ? gx_text(c) : NULL;
}

static int domain_type(struct gx *x, const xmlNode *root)
{
    struct guest *g = x->g;
    g->virt_name = gx_attr(root, "type");
    if (!g->virt_name || !*g->virt_name)
        return gx_fail(x, root, _("<domain> needs a type attribute (kvm or qemu)"));
    if (!strcmp(g->virt_name, "kvm"))
        g->virt = GUEST_VIRT_KVM;
    else if (!strcmp(g->virt_name, "qemu"))
        g->virt = GUEST_VIRT_QEMU;
    else
        g->virt = GUEST_VIRT_OTHER; /* the calculation names it and refuses */
    return 0;
}

static int os_type(struct gx *x, const xmlNode *root)
{
    /* virDomainDefParseCaps (every release): the OS type is required, right
     * after the domain type; an empty <type/> reads as absent. */
    const xmlNode *t = gx_child(gx_child(root, "os"), "type");
    char *text = t ? gx_text(t) : NULL;
    bool empty = !text || !*text;
    free(text);
    if (empty)
        return gx_fail(x, t ? t : root, _("an os <type> must be specified (virDomainDefParseCaps)"));
    x->g->arch = gx_attr(t, "arch");
    x->g->machine = gx_attr(t, "machine");
    return 0;
}

static int memory_sizes(struct gx *x, const xmlNode *root)
{
    struct guest *g = x->g;
    const xmlNode *n;
    if ((n = gx_child(root, "memory")) && gx_size_element(x, n, &g->memory_kib) < 0)
        return -1;
    if ((n = gx_child(root, "currentMemory"))
        && gx_size_element(x, n, &g->current_memory_kib) < 0)
        return -1;
    if ((n = gx_child(root, "maxMemory"))) {
        unsigned long slots = 0;
        if (gx_size_element(x, n, &g->max_memory_kib) < 0
            || gx_uint(x, n, "slots", 10, 0xffffffffUL, true, NULL, &slots) < 0)
            return -1;
        g->max_memory_slots = (unsigned)slots;
    }
    return 0;
}

/* <cpu><numa><cell memory= unit=/>: the boot memory when present. */
static int numa_cells(struct gx *x, const xmlNode *root)
{
    struct guest *g = x->g;
    const xmlNode *numa = gx_child(gx_child(root, "cpu"), "numa");
    size_t cap = 0;
    for (const xmlNode *c = numa ? numa->children : NULL; c; c = c->next) {
        if (!gx_is(c, "cell"))
            continue;
        if (gx_count_ok(x, c, g->nnuma, _("NUMA cells")) < 0)
            return -1;
        char *mem = gx_attr(c, "memory"), *unit = gx_attr(c, "unit");
        uint64_t kib = 0;
        int rc = mem ? gx_size(x, c, "<cell memory>", mem, unit, &kib)
                     : gx_fail(x, c, _("a NUMA <cell> needs a memory attribute"));
        free(mem);
        free(unit);
        if (rc < 0)
            return -1;
        XGROW(g->numa_cells_kib, cap, g->nnuma + 1);
        g->numa_cells_kib[g->nnuma++] = kib;
    }
    return 0;
}

static int memtune_backing(struct gx *x, const xmlNode *root)
{
    struct guest *g = x->g;
    const xmlNode *hl = gx_child(gx_child(root, "memtune"), "hard_limit");
    if (hl) {
        uint64_t kib;
        if (gx_size_element(x, hl, &kib) < 0)
            return -1;
        /* libvirt truncates anything this large to "unlimited", which is the
         * same as no hard_limit: the other rules decide. */
        g->has_hard_limit = kib < MEMORY_PARAM_UNLIMITED_KIB;
        g->hard_limit_kib = g->has_hard_limit ? kib : 0;
    }
    g->locked = gx_child(gx_child(root, "memoryBacking"), "locked") != NULL;
    return 0;
}

#define QEMU_NS "http://libvirt.org/schemas/domain/qemu/1.0"

/* `opts` (QEMU's "a=b,c=d") sets `key` to on (or on-fault). */
static bool qemu_opt_on(const char *opts, const char *key)
{
    size_t klen = strlen(key);
    for (const char *p = opts; p && *p;) {
        if (!strncmp(p, key, klen) && p[klen] == '=' &&
            (!strncmp(p + klen + 1, "on", 2) && (p[klen + 3] == '\0' || p[klen + 3] == ',' ||
                                                 !strncmp(p + klen + 3, "-fault", 6))))
            return true;
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    return false;
}

/* <qemu:commandline><qemu:arg value='-overcommit'/><qemu:arg value='mem-lock=on'/>
 * (libvirt's qemuDomainDefNamespaceParseCommandlineArgs): QEMU then mlocks
 * all guest RAM, whatever limit libvirt computed for VFIO. */
static void qemu_commandline(struct guest *g, const xmlNode *root)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!gx_is(c, "commandline") || !c->ns || !c->ns->href ||
            strcmp((const char *)c->ns->href, QEMU_NS))
            continue;
        const char *prev = NULL;
        xmlChar *prev_owned = NULL;
        for (const xmlNode *a = c->children; a; a = a->next) {
            if (!gx_is(a, "arg"))
                continue;
            xmlChar *v = xmlGetProp(a, (const xmlChar *)"value");
            const char *val = (const char *)v;
            if (val && prev) {
                if (!strcmp(prev, "-overcommit") && qemu_opt_on(val, "mem-lock"))
                    g->qemu_mlock |= GUEST_QEMU_OVERCOMMIT_MEMLOCK;
                if (!strcmp(prev, "-realtime") && qemu_opt_on(val, "mlock"))
                    g->qemu_mlock |= GUEST_QEMU_REALTIME_MLOCK;
            }
            xmlFree(prev_owned);
            prev_owned = v;
            prev = val;
        }
        xmlFree(prev_owned);
    }
}

static struct guest *from_doc(xmlDocPtr doc, const char *name, struct mp_error *err)
{
    struct guest *g = guest_new();
    struct gx x = { name, g, err };
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        gx_fail(&x, NULL, _("no root element"));
        goto fail;
    }
    /* libvirt's status XML (/run/libvirt/qemu/NAME.xml) wraps the running
     * definition: <domstatus><domain>...</domain></domstatus>. */
    if (gx_is(root, "domstatus") && gx_child(root, "domain"))
        root = gx_child(root, "domain");
    if (!gx_is(root, "domain")) {
        char q[64];
        gx_quote((const char *)root->name, q, sizeof(q));
        gx_fail(&x, root, _("the root element is <%s>, not a libvirt <domain>"), q);
        goto fail;
    }
    g->name = child_text(root, "name");
    if (domain_type(&x, root) < 0 || os_type(&x, root) < 0 || memory_sizes(&x, root) < 0
        || numa_cells(&x, root) < 0 || memtune_backing(&x, root) < 0)
        goto fail;
    qemu_commandline(g, root);
    const xmlNode *devices = gx_child(root, "devices");
    if (devices && gx_devices(&x, devices) < 0)
        goto fail;
    if (!g->memory_kib && !g->nnuma) {
        const xmlNode *m = gx_child(root, "memory");
        if (m)
            gx_fail(&x, m, _("<memory> is 0 and there are no NUMA cells: the guest has no memory"));
        else
            gx_fail(&x, root, _("the guest has no memory size: give <memory> or NUMA cells"));
        goto fail;
    }
    return g;
fail:
    guest_free(g);
    return NULL;
}

static struct guest *load(const char *buf, size_t len, const char *safe_name, struct mp_error *err)
{
    if (len == 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: empty input, expected a libvirt domain XML"),
                     safe_name);
        return NULL;
    }
    if (len > GUEST_XML_MAX_BYTES || len > INT32_MAX) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: larger than %u MiB; a domain XML is a few KiB"),
                     safe_name, GUEST_XML_MAX_BYTES >> 20);
        return NULL;
    }
    /* A plain UTF-8 document is read in the XML arena, which is rewound
     * after the walk instead of freeing the tree node by node. */
    bool arena = len <= PLAIN_MAX && plain_utf8(buf, len) && xml_arena_begin();
    xmlDocPtr doc = parse(buf, len, safe_name, arena, err);
    struct guest *g = doc ? from_doc(doc, safe_name, err) : NULL;
    if (arena)
        xml_arena_end();
    else
        xmlFreeDoc(doc);
    return g;
}

struct guest *guest_xml_load_memory(const char *buf, size_t len, const char *name,
                                    struct mp_error *err)
{
    char *safe = text_safe_dup(name ? name : "-");
    struct guest *g = load(buf, len, safe, err);
    free(safe);
    return g;
}

struct guest *guest_xml_load_file(const char *path, struct mp_error *err)
{
    struct input_file in;
    if (input_file_read(path, GUEST_XML_MAX_BYTES, _("a domain XML file"), &in, err) < 0)
        return NULL;
    struct guest *g = load(in.data, in.len, in.name, err);
    input_file_free(&in);
    return g;
}

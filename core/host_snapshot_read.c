/* Host snapshot in. libxml2's xmlTextReader streams it: one <device> at a
 * time is built, checked and freed, so memory follows the host model, not
 * the document tree. No network, and any DOCTYPE is refused before the
 * parser sees it: a snapshot never has one. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "hex.h"
#include "host_snapshot.h"
#include "profile.h"
#include "i18n.h"
#include "input_file.h"
#include "text_safe.h"
#include "xalloc.h"

extern const char *const host_snapshot_nv2_names[4];

struct rd {
    const char *name;       /* terminal-safe input name */
    struct mp_error *err;
    struct host *h;
};

static int vfail_at(struct rd *r, long line, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
static int vfail_at(struct rd *r, long line, const char *fmt, va_list ap)
{
    char what[768];
    vsnprintf(what, sizeof(what), fmt, ap);
    if (line > 0)
        return mp_error_set(r->err, MP_ERR_INPUT, "%s:%ld: %s", r->name, line, what);
    return mp_error_set(r->err, MP_ERR_INPUT, "%s: %s", r->name, what);
}

static int fail(struct rd *r, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(struct rd *r, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vfail_at(r, n ? xmlGetLineNo(n) : -1, fmt, ap);
    va_end(ap);
    return rc;
}

static int fail_at(struct rd *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail_at(struct rd *r, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vfail_at(r, line, fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- parsing ---- */

struct parse_state {
    const char *refused;
    long refused_line;
    char *first_error;
    long first_error_line;
};

static void on_error(void *data, xmlErrorPtr e)
{
    struct parse_state *st = data;
    if (!e || e->level < XML_ERR_ERROR || st->first_error)
        return;
    st->first_error = xstrdup(e->message ? e->message : "?");
    size_t n = strlen(st->first_error);
    while (n && (st->first_error[n - 1] == '\n' || st->first_error[n - 1] == ' '))
        st->first_error[--n] = '\0';
    st->first_error_line = e->line;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* The prolog may hold only a byte order mark, blanks, the XML declaration,
 * comments and processing instructions before the root: a DOCTYPE there is
 * refused on the raw bytes, before libxml2 declares or loads anything. Other
 * encodings (UTF-16) reach the reader, which refuses it at its node. */
static void prescan_doctype(const char *buf, size_t len, struct parse_state *st)
{
    const char *p = buf, *end = buf + len;
    long line = 1;
    if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            line += *p++ == '\n';
        const char *close = NULL, *q = p;
        if ((size_t)(end - p) >= 2 && !memcmp(p, "<?", 2)) {
            close = "?>";
            q = p + 2;
        } else if ((size_t)(end - p) >= 4 && !memcmp(p, "<!--", 4)) {
            close = "-->";
            q = p + 4;
        }
        if (!close)
            break;
        size_t cl = strlen(close);
        while (q < end && ((size_t)(end - q) < cl || memcmp(q, close, cl)))
            line += *q++ == '\n';
        if (q >= end)
            return; /* unterminated: the parser says so */
        p = q + cl;
    }
    if ((size_t)(end - p) >= 9 && !memcmp(p, "<!DOCTYPE", 9)) {
        st->refused = N_("a DOCTYPE is not allowed in a host snapshot");
        st->refused_line = line;
    }
}

static xmlTextReaderPtr open_reader(const char *buf, size_t len, struct rd *r,
                                    struct parse_state *st)
{
    xmlInitParser();
    /* No NOENT, DTDLOAD, XINCLUDE or HUGE: nothing fetched or expanded. */
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;
    xmlTextReaderPtr rd = xmlReaderForMemory(buf, (int)len, NULL, NULL, opts);
    if (!rd) {
        mp_error_set(r->err, MP_ERR_INTERNAL, _("%s: cannot set up the XML parser"), r->name);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(rd, on_error, st);
    return rd;
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    struct parse_state *st = ctxt->_private;
    if (!st->refused) {
        st->refused = N_("a DOCTYPE is not allowed in a host snapshot");
        st->refused_line = xmlSAX2GetLineNumber(ctxt);
    }
    xmlStopParser(ctxt);
}

/* Failures only: the reader's push parser words some errors (a truncated
 * document) unlike the whole-document parser, so that one says what is
 * wrong, as it always has. Replaces *st when it finds an error. */
static void diagnose(const char *buf, size_t len, struct parse_state *st)
{
    struct parse_state d = { 0 };
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return;
    ctxt->_private = &d;
    ctxt->sax->internalSubset = on_internal_subset;
    xmlStructuredErrorFunc old_serror = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&d, on_error);
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL, opts);
    xmlSetStructuredErrorFunc(old_sctx, old_serror);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (d.refused || d.first_error) {
        free(st->first_error);
        *st = d;
    }
}

/* Parse errors win over what the content says, as when the whole document
 * was parsed first. Returns -1 when there was one (and says it). */
static int parse_verdict(struct rd *r, const struct parse_state *st, bool broken)
{
    if (st->refused) {
        mp_error_set(r->err, MP_ERR_INPUT, "%s:%ld: %s", r->name, st->refused_line, _(st->refused));
        return -1;
    }
    if (!st->first_error && !broken)
        return 0;
    char safe[512];
    text_safe_copy(safe, sizeof(safe), st->first_error ? st->first_error : "not well-formed");
    if (st->first_error_line > 0)
        mp_error_set(r->err, MP_ERR_INPUT, _("%s:%ld: not well-formed XML: %s"), r->name,
                     st->first_error_line, safe);
    else
        mp_error_set(r->err, MP_ERR_INPUT, _("%s: not well-formed XML: %s"), r->name, safe);
    return -1;
}

/* ---- fields ---- */

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static void quote(const char *s, char *buf, size_t len)
{
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "%s", s);
    if (strlen(s) > 40)
        strcpy(tmp + 37, "...");
    text_safe_copy(buf, len, tmp);
}

/* Text of an element: only text children, bounded length. */
static int text_of(struct rd *r, const xmlNode *n, char **out)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
            return fail(r, n, _("<%s> must hold text only"), (const char *)n->name);
    xmlChar *t = xmlNodeGetContent(n);
    size_t len = t ? strlen((const char *)t) : 0;
    if (len > HOST_SNAPSHOT_MAX_TEXT) {
        xmlFree(t);
        return fail(r, n, _("<%s> is longer than %u bytes"), (const char *)n->name,
                    HOST_SNAPSHOT_MAX_TEXT);
    }
    *out = xstrdup(t ? (const char *)t : "");
    xmlFree(t);
    return 0;
}

static int get_attr(struct rd *r, const xmlNode *n, const char *name, char **out)
{
    *out = NULL;
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    if (strlen((const char *)v) > HOST_SNAPSHOT_MAX_TEXT) {
        xmlFree(v);
        return fail(r, n, _("attribute %s is longer than %u bytes"), name, HOST_SNAPSHOT_MAX_TEXT);
    }
    *out = xstrdup((const char *)v);
    xmlFree(v);
    return 0;
}

/* Decimal digits only, no sign, no overflow past `max`. */
static bool parse_dec(const char *s, uint64_t max, uint64_t *out)
{
    if (!*s || strlen(s) > 20)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static int attr_hex(struct rd *r, const xmlNode *n, const char *name, int digits, uint64_t max,
                    bool *present, uint64_t *out)
{
    char *v;
    if (get_attr(r, n, name, &v) < 0)
        return -1;
    *present = v != NULL;
    if (!v)
        return 0;
    bool ok = hex_parse(v, digits, max, out);
    char q[64];
    quote(v, q, sizeof(q));
    free(v);
    return ok ? 0 : fail(r, n, _("%s='%s' is not a hexadecimal number up to 0x%llx"), name, q,
                         (unsigned long long)max);
}

static int attr_int(struct rd *r, const xmlNode *n, const char *name, int *out)
{
    char *v;
    if (get_attr(r, n, name, &v) < 0)
        return -1;
    if (!v)
        return 0;
    uint64_t x;
    bool ok = parse_dec(v, INT_MAX, &x);
    char q[64];
    quote(v, q, sizeof(q));
    free(v);
    if (!ok)
        return fail(r, n, _("%s='%s' is not a whole number from 0 to %d"), name, q, INT_MAX);
    *out = (int)x;
    return 0;
}

static int attr_addr(struct rd *r, const xmlNode *n, const char *name, bool *present,
                     struct pci_addr *out)
{
    char *v;
    if (get_attr(r, n, name, &v) < 0)
        return -1;
    *present = v != NULL;
    if (!v)
        return 0;
    bool ok = pci_addr_parse(v, out) && out->domain <= 0xffff;
    char q[64];
    quote(v, q, sizeof(q));
    free(v);
    return ok ? 0 : fail(r, n, _("%s='%s' is not a PCI address DDDD:BB:SS.F"), name, q);
}

/* ---- one device ---- */

static const char *const device_attrs[] = {
    "address", "parent", "vendor", "device", "subsystem_vendor", "subsystem_device", "class",
    "revision", "driver", "driver_known", "iommu_group", "numa_node", "vendor_name",
    "device_name", "name_source", "of_node", "nv2_files", "gpu", "gpu_ram_base", "gpu_ram_size",
    "gpu_ram_numa_node", NULL,
};

static int check_attrs(struct rd *r, const xmlNode *n, const char *const *allowed)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *const *p = allowed;
        while (*p && strcmp(*p, (const char *)a->name))
            p++;
        if (!*p) {
            char q[64];
            quote((const char *)a->name, q, sizeof(q));
            return fail(r, n, _("<%s> has an unknown attribute '%s'"), (const char *)n->name, q);
        }
    }
    return 0;
}

static int nv2_files(struct rd *r, const xmlNode *n, unsigned *out)
{
    char *v;
    if (get_attr(r, n, "nv2_files", &v) < 0)
        return -1;
    if (!v)
        return 0;
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(v, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        unsigned b = 0;
        while (b < 4 && strcmp(tok, host_snapshot_nv2_names[b]))
            b++;
        if (b == 4) {
            char q[64];
            quote(tok, q, sizeof(q));
            rc = fail(r, n, _("nv2_files: '%s' is not one of ibm,gpu, ibm,nvlink, "
                              "ibm,nvlink-speed, memory-region"), q);
            break;
        }
        *out |= 1u << b;
    }
    free(v);
    return rc;
}

static int read_device(struct rd *r, const xmlNode *n)
{
    if (check_attrs(r, n, device_attrs) < 0)
        return -1;
    struct pci_addr a;
    bool present;
    if (attr_addr(r, n, "address", &present, &a) < 0)
        return -1;
    if (!present)
        return fail(r, n, _("<device> needs an address"));
    struct host_device *d = host_add_device(r->h, &a);
    if (attr_addr(r, n, "parent", &d->has_parent, &d->parent) < 0)
        return -1;
    if (d->has_parent && pci_addr_eq(&d->parent, &d->addr))
        return fail(r, n, _("a device cannot be its own parent"));

    static const struct { const char *name; int digits; uint64_t max; } ids[] = {
        { "vendor", 4, 0xffff }, { "device", 4, 0xffff }, { "subsystem_vendor", 4, 0xffff },
        { "subsystem_device", 4, 0xffff }, { "class", 6, 0xffffff }, { "revision", 2, 0xff },
    };
    uint64_t v[6];
    int nids = 0;
    for (int i = 0; i < 6; i++) {
        bool p;
        if (attr_hex(r, n, ids[i].name, ids[i].digits, ids[i].max, &p, &v[i]) < 0)
            return -1;
        nids += p;
    }
    if (nids && nids != 6)
        return fail(r, n, _("<device> needs all of vendor, device, subsystem_vendor, "
                            "subsystem_device, class and revision, or none"));
    if (nids) {
        d->ids_known = true;
        d->vendor = (uint16_t)v[0];
        d->device = (uint16_t)v[1];
        d->subsystem_vendor = (uint16_t)v[2];
        d->subsystem_device = (uint16_t)v[3];
        d->class_code = (uint32_t)v[4];
        d->revision = (uint8_t)v[5];
    }

    char *known;
    if (get_attr(r, n, "driver_known", &known) < 0 || get_attr(r, n, "driver", &d->driver) < 0) {
        free(known);
        return -1;
    }
    d->driver_known = !known;
    bool bad_known = known && strcmp(known, "no");
    free(known);
    if (bad_known)
        return fail(r, n, _("driver_known may only be \"no\""));
    if (d->driver && (!d->driver_known || !*d->driver))
        return fail(r, n, _("driver must be a name, and only when the driver is known"));

    if (attr_int(r, n, "iommu_group", &d->iommu_group) < 0 ||
        attr_int(r, n, "numa_node", &d->numa_node) < 0 ||
        get_attr(r, n, "vendor_name", &d->vendor_name) < 0 ||
        get_attr(r, n, "device_name", &d->device_name) < 0 ||
        get_attr(r, n, "of_node", &d->of_node) < 0 || nv2_files(r, n, &d->nv2_files) < 0 ||
        attr_addr(r, n, "gpu", &d->has_gpu_link, &d->gpu) < 0)
        return -1;
    char *src;
    if (get_attr(r, n, "name_source", &src) < 0)
        return -1;
    /* Snapshots from before name_source: names came from the hwdb only. */
    d->name_source = d->vendor_name ? HOST_NAMES_HWDB : HOST_NAMES_NONE;
    bool bad_src = src && (!host_name_source_parse(src, &d->name_source) ||
                           (d->name_source == HOST_NAMES_NONE) != !d->vendor_name);
    free(src);
    if (bad_src)
        return fail(r, n, _("name_source must be hwdb or pci.ids, and only with a vendor_name"));
    bool has_base, has_size;
    if (attr_hex(r, n, "gpu_ram_base", 0, UINT64_MAX, &has_base, &d->gpu_ram_base) < 0 ||
        attr_hex(r, n, "gpu_ram_size", 0, UINT64_MAX, &has_size, &d->gpu_ram_size) < 0 ||
        attr_int(r, n, "gpu_ram_numa_node", &d->gpu_ram_numa_node) < 0)
        return -1;
    if (has_base != has_size || (has_size && !d->gpu_ram_size))
        return fail(r, n, _("gpu_ram_base and a non-zero gpu_ram_size go together"));
    if (has_size && d->gpu_ram_base > UINT64_MAX - (d->gpu_ram_size - 1))
        return fail(r, n, _("the GPU RAM window runs past the end of the address space"));
    if (!has_size && d->gpu_ram_numa_node != HOST_UNKNOWN)
        return fail(r, n, _("gpu_ram_numa_node needs gpu_ram_base and gpu_ram_size"));
    return 0;
}

/* ---- host-level elements ---- */

static int read_u64_el(struct rd *r, const xmlNode *n, const char *unit, uint64_t *out)
{
    char *u, *t;
    if (get_attr(r, n, "unit", &u) < 0)
        return -1;
    bool unit_ok = u && !strcmp(u, unit);
    free(u);
    if (!unit_ok)
        return fail(r, n, _("<%s> needs unit=\"%s\""), (const char *)n->name, unit);
    if (text_of(r, n, &t) < 0)
        return -1;
    bool ok = parse_dec(t, UINT64_MAX, out);
    char q[64];
    quote(t, q, sizeof(q));
    free(t);
    return ok ? 0 : fail(r, n, _("<%s>: '%s' is not a whole number"), (const char *)n->name, q);
}

static int read_memlock(struct rd *r, const xmlNode *n)
{
    char *t;
    xmlChar *u = xmlGetNoNsProp(n, (const xmlChar *)"unit");
    bool has_unit = u != NULL;
    xmlFree(u);
    if (has_unit) {
        if (read_u64_el(r, n, "bytes", &r->h->memlock_bytes) < 0)
            return -1;
        r->h->memlock_kind = HOST_LIMIT_BYTES;
        return 0;
    }
    if (text_of(r, n, &t) < 0)
        return -1;
    bool ok = !strcmp(t, "unlimited");
    free(t);
    if (!ok)
        return fail(r, n, _("<memlock> is \"unlimited\" or a byte count with unit=\"bytes\""));
    r->h->memlock_kind = HOST_LIMIT_UNLIMITED;
    return 0;
}

static int read_string_el(struct rd *r, const xmlNode *n, char **slot)
{
    if (*slot)
        return fail(r, n, _("<%s> appears twice"), (const char *)n->name);
    return text_of(r, n, slot);
}

/* The children of <warnings> or <devices>, one at a time: `one` sees each
 * element child of the one under the reader, which is then freed. Leaves the
 * reader on the closing tag; *ret is the reader's last answer. */
static int read_children(struct rd *r, xmlTextReaderPtr rd, int *ret,
                         int (*one)(struct rd *, xmlTextReaderPtr, const xmlNode *))
{
    if (xmlTextReaderIsEmptyElement(rd))
        return 0;
    int depth = xmlTextReaderDepth(rd);
    *ret = xmlTextReaderRead(rd);
    while (*ret == 1 && xmlTextReaderDepth(rd) > depth) {
        if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT) {
            int rc = one(r, rd, xmlTextReaderCurrentNode(rd));
            if (rc)
                return rc;
        }
        *ret = xmlTextReaderNext(rd);
    }
    return 0;
}

static int read_warning(struct rd *r, xmlTextReaderPtr rd, const xmlNode *c)
{
    if (!is_el(c, "warning"))
        return fail(r, c, _("<warnings> holds only <warning> elements"));
    if (r->h->warnings.n >= HOST_SNAPSHOT_MAX_WARNINGS)
        return fail(r, c, _("more than %u warnings"), HOST_SNAPSHOT_MAX_WARNINGS);
    c = xmlTextReaderExpand(rd);
    if (!c)
        return 1; /* a parse error: the verdict says it */
    char *t;
    if (text_of(r, c, &t) < 0)
        return -1;
    struct msg m = { t, xstrdup(t) };
    msg_list_add_msg(&r->h->warnings, m);
    return 0;
}

/* A <device> is all attributes: its start tag is enough, no subtree. */
static int read_one_device(struct rd *r, xmlTextReaderPtr rd, const xmlNode *c)
{
    (void)rd;
    if (!is_el(c, "device"))
        return fail(r, c, _("<devices> holds only <device> elements"));
    if (r->h->ndevices >= HOST_SNAPSHOT_MAX_DEVICES)
        return fail(r, c, _("more than %u devices"), HOST_SNAPSHOT_MAX_DEVICES);
    return read_device(r, c);
}

/* After sorting: no duplicate addresses, no parent loops. */
static int check_devices(struct rd *r)
{
    struct host *h = r->h;
    char a[PCI_ADDR_STRLEN];
    for (size_t i = 1; i < h->ndevices; i++)
        if (pci_addr_eq(&h->devices[i - 1].addr, &h->devices[i].addr)) {
            pci_addr_format(&h->devices[i].addr, a);
            return fail(r, NULL, _("device %s is listed twice"), a);
        }
    /* Colour walk: 0 unseen, 1 on the current path, 2 done. */
    unsigned char *state = xcalloc(h->ndevices ? h->ndevices : 1, 1);
    size_t *path = xcalloc(h->ndevices ? h->ndevices : 1, sizeof(*path));
    int rc = 0;
    for (size_t i = 0; i < h->ndevices && !rc; i++) {
        size_t len = 0, k = i;
        while (state[k] == 0) {
            state[k] = 1;
            path[len++] = k;
            const struct host_device *p =
                h->devices[k].has_parent ? host_find(h, &h->devices[k].parent) : NULL;
            if (!p)
                break;
            k = (size_t)(p - h->devices);
            if (state[k] == 1) {
                pci_addr_format(&h->devices[k].addr, a);
                rc = fail(r, NULL, _("the parent links through device %s form a loop"), a);
                break;
            }
        }
        for (size_t j = 0; j < len; j++)
            state[path[j]] = 2;
    }
    free(state);
    free(path);
    return rc;
}

struct top {
    char *recorded;
    bool seen_devices, seen_memory, seen_memlock, seen_kvm;
};

/* One element child of the root, under the reader. Returns -1 with the
 * error said, 1 on a parse error (the verdict says it), 0 when read. */
static int read_top(struct rd *r, xmlTextReaderPtr rd, int *ret, struct top *t)
{
    struct host *h = r->h;
    const xmlNode *c = xmlTextReaderCurrentNode(rd);
    const char *name = (const char *)c->name;
    bool *seen = is_el(c, "devices") ? &t->seen_devices : is_el(c, "memory") ? &t->seen_memory
               : is_el(c, "memlock") ? &t->seen_memlock : is_el(c, "kvm") ? &t->seen_kvm : NULL;
    if (seen && *seen)
        return fail(r, c, _("<%s> appears twice"), name);
    if (seen)
        *seen = true;
    if (is_el(c, "devices"))
        return read_children(r, rd, ret, read_one_device);
    if (is_el(c, "warnings"))
        return read_children(r, rd, ret, read_warning);
    static const char *const known[] = {
        "recorded-from", "description", "hostname", "arch", "kernel", "libvirt", "model", "memory",
        "memlock", "kvm", NULL,
    };
    const char *const *k = known;
    while (*k && !is_el(c, *k))
        k++;
    if (!*k) {
        char qn[64];
        quote(name, qn, sizeof(qn));
        return fail(r, c, _("unknown element <%s> in a version %d snapshot"), qn,
                    HOST_SNAPSHOT_VERSION);
    }
    /* A text element: small, so its subtree is built whole. */
    c = xmlTextReaderExpand(rd);
    if (!c)
        return 1;
    int rc;
    if (is_el(c, "recorded-from")) {
        rc = read_string_el(r, c, &t->recorded);
    } else if (is_el(c, "description")) {
        rc = read_string_el(r, c, &h->description);
    } else if (is_el(c, "hostname")) {
        rc = read_string_el(r, c, &h->hostname);
    } else if (is_el(c, "arch")) {
        rc = read_string_el(r, c, &h->arch);
    } else if (is_el(c, "kernel")) {
        rc = read_string_el(r, c, &h->kernel);
    } else if (is_el(c, "libvirt")) {
        /* The release the recorded host ran: it picks the profile. */
        rc = read_string_el(r, c, &h->libvirt);
        struct libvirt_version v;
        if (!rc && !profile_parse_version(h->libvirt, &v)) {
            char q[64];
            quote(h->libvirt, q, sizeof(q));
            rc = fail(r, c, _("<libvirt>: '%s' is not a libvirt release number"), q);
        }
        h->libvirt_source = N_("recorded in the host snapshot");
    } else if (is_el(c, "model")) {
        rc = read_string_el(r, c, &h->model);
    } else if (is_el(c, "memory")) {
        rc = read_u64_el(r, c, "KiB", &h->memory_kib);
        h->memory_known = rc == 0;
    } else if (is_el(c, "memlock")) {
        rc = read_memlock(r, c);
    } else {
        char *s;
        rc = text_of(r, c, &s);
        if (!rc) {
            if (!strcmp(s, "yes") || !strcmp(s, "no"))
                h->has_kvm = !strcmp(s, "yes");
            else
                rc = fail(r, c, _("<kvm> is yes or no"));
            free(s);
        }
    }
    return rc;
}

/* The root and its children. Returns -1 with the error said in r->err, 1 on a
 * parse error; *ret is the reader's last answer. */
static int read_root(struct rd *r, xmlTextReaderPtr rd, int *ret, struct parse_state *st)
{
    /* The prolog: a DOCTYPE the prescan could not see is refused at its node. */
    while ((*ret = xmlTextReaderRead(rd)) == 1) {
        int type = xmlTextReaderNodeType(rd);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            st->refused = N_("a DOCTYPE is not allowed in a host snapshot");
            st->refused_line = xmlTextReaderGetParserLineNumber(rd);
            return 1;
        }
        if (type == XML_READER_TYPE_ELEMENT)
            break;
    }
    if (*ret != 1)
        return 1;
    const xmlNode *root = xmlTextReaderCurrentNode(rd);
    long root_line = xmlGetLineNo(root);
    if (!is_el(root, "memlock-planner-host"))
        return fail(r, root, _("not a memlock-planner host snapshot (the root element must be "
                               "<memlock-planner-host>)"));
    char *ver;
    if (get_attr(r, root, "version", &ver) < 0)
        return -1;
    uint64_t v = 0;
    bool ok = ver && parse_dec(ver, 1000000, &v) && v == HOST_SNAPSHOT_VERSION;
    char q[64];
    quote(ver ? ver : "", q, sizeof(q));
    free(ver);
    if (!ok)
        return fail(r, root, _("snapshot version '%s' is not supported (this planner reads "
                               "version %d)"), q, HOST_SNAPSHOT_VERSION);
    r->h = host_new(r->name);
    struct top t = { 0 };
    int rc = 0;
    if (!xmlTextReaderIsEmptyElement(rd)) {
        *ret = xmlTextReaderRead(rd);
        while (*ret == 1 && !rc && xmlTextReaderDepth(rd) > 0) {
            if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT)
                rc = read_top(r, rd, ret, &t);
            if (!rc && *ret == 1)
                *ret = xmlTextReaderNext(rd);
        }
        if (!rc && *ret != 1)
            rc = 1;
    }
    free(t.recorded);
    if (!rc && !t.seen_devices)
        rc = fail_at(r, root_line, _("the snapshot has no <devices> element"));
    return rc;
}

struct host *host_snapshot_load_memory(const char *buf, size_t len, const char *name,
                                       struct mp_error *err)
{
    char *safe = text_safe_dup(name);
    struct mp_error said = { 0 };
    struct rd r = { safe, &said, NULL };
    struct host *h = NULL;
    struct parse_state st = { 0 };
    if (len > HOST_SNAPSHOT_MAX_BYTES) {
        r.err = err;
        fail(&r, NULL, _("larger than %u MiB, not a host snapshot"),
             HOST_SNAPSHOT_MAX_BYTES >> 20);
        goto out;
    }
    if (len == 0) {
        r.err = err;
        fail(&r, NULL, _("empty file, not a host snapshot"));
        goto out;
    }
    r.err = err;
    prescan_doctype(buf, len, &st);
    if (st.refused) {
        parse_verdict(&r, &st, false);
        goto out;
    }
    /* Silent from the start: creating the reader already detects the
     * encoding, and libxml2 reports a bad one on stderr otherwise. */
    xmlSetGenericErrorFunc(NULL, silent);
    xmlTextReaderPtr rd = open_reader(buf, len, &r, &st);
    if (!rd) {
        xmlSetGenericErrorFunc(NULL, NULL);
        goto out;
    }
    r.err = &said;
    int ret = 0;
    int rc = read_root(&r, rd, &ret, &st);
    /* Read to the end even after a content error: a parse error anywhere
     * is what the user hears first. */
    while (ret == 1 && !st.refused)
        ret = xmlTextReaderRead(rd);
    xmlFreeTextReader(rd);
    xmlSetGenericErrorFunc(NULL, NULL);
    r.err = err;
    bool broken = ret < 0 || rc == 1;
    if (broken || st.first_error) {
        xmlSetGenericErrorFunc(NULL, silent);
        diagnose(buf, len, &st);
        xmlSetGenericErrorFunc(NULL, NULL);
    }
    if (parse_verdict(&r, &st, broken) == 0) {
        if (rc) {
            *err = said;
        } else {
            host_finish(r.h);
            rc = check_devices(&r);
        }
        if (!rc) {
            h = r.h;
            r.h = NULL;
        }
    }
    host_free(r.h);
out:
    free(st.first_error);
    free(safe);
    return h;
}

struct host *host_snapshot_load_file(const char *path, struct mp_error *err)
{
    struct input_file in;
    if (input_file_read(path, HOST_SNAPSHOT_MAX_BYTES, _("a host snapshot"), &in, err) < 0) {
        if (in.open_errno) {
            char *safe = text_safe_dup(path);
            mp_error_set(err, MP_ERR_INPUT, _("--host %s: not live, none, list or demo:NAME, and "
                                              "cannot open it as a snapshot: %s"),
                         safe, strerror(in.open_errno));
            free(safe);
        }
        return NULL;
    }
    struct host *h = host_snapshot_load_memory(in.data, in.len, path, err);
    input_file_free(&in);
    return h;
}

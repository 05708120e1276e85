/* Host snapshot in. libxml2 parses with no network, and any DOCTYPE is
 * refused before it can declare or load anything: a snapshot never has one. */
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

#include "host_snapshot.h"
#include "i18n.h"
#include "text_safe.h"
#include "xalloc.h"

extern const char *const host_snapshot_nv2_names[4];

struct rd {
    const char *name;       /* terminal-safe input name */
    struct mp_error *err;
    struct host *h;
};

static int fail(struct rd *r, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(struct rd *r, const xmlNode *n, const char *fmt, ...)
{
    char what[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    long line = n ? xmlGetLineNo(n) : -1;
    if (line > 0)
        return mp_error_set(r->err, MP_ERR_INPUT, "%s:%ld: %s", r->name, line, what);
    return mp_error_set(r->err, MP_ERR_INPUT, "%s: %s", r->name, what);
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

static xmlDocPtr parse(const char *buf, size_t len, struct rd *r)
{
    struct parse_state st = { 0 };
    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        mp_error_set(r->err, MP_ERR_INTERNAL, _("%s: cannot set up the XML parser"), r->name);
        return NULL;
    }
    ctxt->_private = &st;
    ctxt->sax->internalSubset = on_internal_subset;
    xmlStructuredErrorFunc old_serror = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&st, on_error);
    xmlSetGenericErrorFunc(NULL, silent);
    /* No NOENT, DTDLOAD, XINCLUDE or HUGE: nothing fetched or expanded. */
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL, opts);
    xmlSetStructuredErrorFunc(old_sctx, old_serror);
    xmlSetGenericErrorFunc(NULL, NULL);
    if (st.refused) {
        mp_error_set(r->err, MP_ERR_INPUT, "%s:%ld: %s", r->name, st.refused_line, _(st.refused));
    } else if (st.first_error || !doc) {
        char safe[512];
        text_safe_copy(safe, sizeof(safe), st.first_error ? st.first_error : "not well-formed");
        if (st.first_error_line > 0)
            mp_error_set(r->err, MP_ERR_INPUT, _("%s:%ld: not well-formed XML: %s"), r->name,
                         st.first_error_line, safe);
        else
            mp_error_set(r->err, MP_ERR_INPUT, _("%s: not well-formed XML: %s"), r->name, safe);
    }
    if (st.refused || st.first_error) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    free(st.first_error);
    xmlFreeParserCtxt(ctxt);
    return doc;
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

/* Hex digits (an optional 0x prefix), exactly as wide as `digits` when it is
 * non-zero, no larger than `max`. */
static bool parse_hex(const char *s, int digits, uint64_t max, uint64_t *out)
{
    if (s[0] == '0' && s[1] == 'x')
        s += 2;
    size_t n = strlen(s);
    if (!n || n > 16 || (digits && n != (size_t)digits))
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        int c = *s;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    if (v > max)
        return false;
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
    bool ok = parse_hex(v, digits, max, out);
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
    "device_name", "of_node", "nv2_files", "gpu", "gpu_ram_base", "gpu_ram_size",
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

static int read_warnings(struct rd *r, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!is_el(c, "warning"))
            return fail(r, c, _("<warnings> holds only <warning> elements"));
        if (r->h->warnings.n >= HOST_SNAPSHOT_MAX_WARNINGS)
            return fail(r, c, _("more than %u warnings"), HOST_SNAPSHOT_MAX_WARNINGS);
        char *t;
        if (text_of(r, c, &t) < 0)
            return -1;
        struct msg m = { t, xstrdup(t) };
        msg_list_add_msg(&r->h->warnings, m);
    }
    return 0;
}

static int read_devices(struct rd *r, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!is_el(c, "device"))
            return fail(r, c, _("<devices> holds only <device> elements"));
        if (r->h->ndevices >= HOST_SNAPSHOT_MAX_DEVICES)
            return fail(r, c, _("more than %u devices"), HOST_SNAPSHOT_MAX_DEVICES);
        if (read_device(r, c) < 0)
            return -1;
    }
    return 0;
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

static struct host *from_doc(xmlDocPtr doc, struct rd *r)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!is_el(root, "memlock-planner-host")) {
        fail(r, root, _("not a memlock-planner host snapshot (the root element must be "
                        "<memlock-planner-host>)"));
        return NULL;
    }
    char *ver;
    if (get_attr(r, root, "version", &ver) < 0)
        return NULL;
    uint64_t v = 0;
    bool ok = ver && parse_dec(ver, 1000000, &v) && v == HOST_SNAPSHOT_VERSION;
    char q[64];
    quote(ver ? ver : "", q, sizeof(q));
    free(ver);
    if (!ok) {
        fail(r, root, _("snapshot version '%s' is not supported (this planner reads version %d)"),
             q, HOST_SNAPSHOT_VERSION);
        return NULL;
    }
    r->h = host_new(r->name);
    struct host *h = r->h;
    char *recorded = NULL;
    bool seen_devices = false, seen_memory = false, seen_memlock = false, seen_kvm = false;
    int rc = 0;
    for (const xmlNode *c = root->children; c && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        bool *seen = is_el(c, "devices") ? &seen_devices : is_el(c, "memory") ? &seen_memory
                   : is_el(c, "memlock") ? &seen_memlock : is_el(c, "kvm") ? &seen_kvm : NULL;
        if (seen && *seen) {
            rc = fail(r, c, _("<%s> appears twice"), name);
            break;
        }
        if (seen)
            *seen = true;
        if (is_el(c, "recorded-from")) {
            rc = read_string_el(r, c, &recorded);
        } else if (is_el(c, "description")) {
            rc = read_string_el(r, c, &h->description);
        } else if (is_el(c, "hostname")) {
            rc = read_string_el(r, c, &h->hostname);
        } else if (is_el(c, "arch")) {
            rc = read_string_el(r, c, &h->arch);
        } else if (is_el(c, "kernel")) {
            rc = read_string_el(r, c, &h->kernel);
        } else if (is_el(c, "model")) {
            rc = read_string_el(r, c, &h->model);
        } else if (is_el(c, "memory")) {
            rc = read_u64_el(r, c, "KiB", &h->memory_kib);
            h->memory_known = rc == 0;
        } else if (is_el(c, "memlock")) {
            rc = read_memlock(r, c);
        } else if (is_el(c, "kvm")) {
            char *t;
            rc = text_of(r, c, &t);
            if (!rc) {
                if (!strcmp(t, "yes") || !strcmp(t, "no"))
                    h->has_kvm = !strcmp(t, "yes");
                else
                    rc = fail(r, c, _("<kvm> is yes or no"));
                free(t);
            }
        } else if (is_el(c, "devices")) {
            rc = read_devices(r, c);
        } else if (is_el(c, "warnings")) {
            rc = read_warnings(r, c);
        } else {
            char qn[64];
            quote(name, qn, sizeof(qn));
            rc = fail(r, c, _("unknown element <%s> in a version %d snapshot"), qn,
                      HOST_SNAPSHOT_VERSION);
        }
    }
    free(recorded);
    if (!rc && !seen_devices)
        rc = fail(r, root, _("the snapshot has no <devices> element"));
    if (!rc) {
        host_finish(h);
        rc = check_devices(r);
    }
    if (rc) {
        host_free(h);
        return NULL;
    }
    return h;
}

struct host *host_snapshot_load_memory(const char *buf, size_t len, const char *name,
                                       struct mp_error *err)
{
    char *safe = text_safe_dup(name);
    struct rd r = { safe, err, NULL };
    struct host *h = NULL;
    if (len > HOST_SNAPSHOT_MAX_BYTES) {
        fail(&r, NULL, _("larger than %u MiB, not a host snapshot"),
             HOST_SNAPSHOT_MAX_BYTES >> 20);
    } else if (len == 0) {
        fail(&r, NULL, _("empty file, not a host snapshot"));
    } else {
        xmlDocPtr doc = parse(buf, len, &r);
        if (doc)
            h = from_doc(doc, &r);
        xmlFreeDoc(doc);
    }
    free(safe);
    return h;
}

struct host *host_snapshot_load_file(const char *path, struct mp_error *err)
{
    char *safe = text_safe_dup(path);
    struct host *h = NULL;
    char *buf = NULL;
    /* Non-blocking open: a FIFO nobody writes to must not hang us. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat sb;
    if (fd < 0) {
        mp_error_set(err, MP_ERR_INPUT, _("--host %s: not live, none, list or demo:NAME, and "
                                          "cannot open it as a snapshot: %s"), safe, strerror(errno));
        goto out;
    }
    if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: not a regular file, expected a host snapshot"), safe);
        goto out;
    }
    if ((uint64_t)sb.st_size > HOST_SNAPSHOT_MAX_BYTES) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: larger than %u MiB, not a host snapshot"), safe,
                     HOST_SNAPSHOT_MAX_BYTES >> 20);
        goto out;
    }
    size_t cap = (size_t)sb.st_size + 1, len = 0;
    buf = xmalloc(cap);
    for (;;) {
        if (len == cap) {
            /* The file grew while we read it: bounded all the same. */
            if (cap > HOST_SNAPSHOT_MAX_BYTES) {
                mp_error_set(err, MP_ERR_INPUT, _("%s: larger than %u MiB, not a host snapshot"),
                             safe, HOST_SNAPSHOT_MAX_BYTES >> 20);
                goto out;
            }
            cap *= 2;
            buf = xreallocarray(buf, cap, 1);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            mp_error_set(err, MP_ERR_INPUT, _("%s: cannot read: %s"), safe, strerror(errno));
            goto out;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    h = host_snapshot_load_memory(buf, len, path, err);
out:
    if (fd >= 0)
        close(fd);
    free(buf);
    free(safe);
    return h;
}

/* Domains: looked up as virsh looks them up, listed, their XML dumped and
 * defined. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libvirt/virterror.h>

#include "i18n.h"
#include "text_safe.h"
#include "virt_priv.h"
#include "xalloc.h"

static struct virt_domain *wrap(struct virt_conn *c, virDomainPtr ptr, struct mp_error *err)
{
    int active = virDomainIsActive(ptr);
    if (active < 0) {
        virt_fail(err, c, "virDomainIsActive");
        virDomainFree(ptr);
        return NULL;
    }
    struct virt_domain *d = xcalloc(1, sizeof(*d));
    const char *name = virDomainGetName(ptr);
    d->ptr = ptr;
    d->conn = c;
    d->name = text_safe_dup(name ? name : "?");
    d->running = active == 1;
    return d;
}

/* A UUID as virUUIDParse takes it: 32 hex digits, dashes anywhere between. */
static bool looks_like_uuid(const char *s)
{
    size_t hex = 0;
    for (; *s; s++) {
        if ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') || (*s >= 'A' && *s <= 'F'))
            hex++;
        else if (*s != '-')
            return false;
    }
    return hex == 32;
}

struct virt_domain *virt_domain_open(struct virt_conn *c, const char *id, struct mp_error *err)
{
    virDomainPtr ptr = NULL;
    /* virsh (virshLookupDomainBy) tries the UUID before the name. */
    if (looks_like_uuid(id))
        ptr = virDomainLookupByUUIDString(c->ptr, id);
    if (!ptr)
        ptr = virDomainLookupByName(c->ptr, id);
    if (!ptr) {
        virErrorPtr e = virGetLastError();
        if (e && e->code == VIR_ERR_NO_DOMAIN) {
            char *safe = text_safe_dup(id);
            mp_error_set(err, MP_ERR_INPUT, _("%s: no domain '%s' (virDomainLookupByName)"),
                         c->uri, safe);
            free(safe);
        } else {
            virt_fail(err, c, "virDomainLookupByName");
        }
        return NULL;
    }
    return wrap(c, ptr, err);
}

void virt_domain_close(struct virt_domain *d)
{
    if (!d)
        return;
    virDomainFree(d->ptr);
    free(d->name);
    free(d);
}

const char *virt_domain_name(const struct virt_domain *d)
{
    return d->name;
}

bool virt_domain_running(const struct virt_domain *d)
{
    return d->running;
}

int virt_domain_memory(struct virt_domain *d, uint64_t *kib, struct mp_error *err)
{
    unsigned long v = virDomainGetMaxMemory(d->ptr);
    if (!v)
        return virt_fail(err, d->conn, "virDomainGetMaxMemory");
    *kib = v;
    return 0;
}

char *virt_domain_xml(struct virt_domain *d, enum virt_which which, size_t *len,
                      struct mp_error *err)
{
    if (which == VIRT_LIVE && !d->running) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: domain '%s' is not running: it has no live "
                                          "definition (--live)"),
                     d->conn->uri, d->name);
        return NULL;
    }
    char *xml = virDomainGetXMLDesc(d->ptr, which == VIRT_CONFIG ? VIR_DOMAIN_XML_INACTIVE : 0);
    if (!xml) {
        virt_fail(err, d->conn, "virDomainGetXMLDesc");
        return NULL;
    }
    *len = strlen(xml);
    return xml;
}

static int by_name(const void *a, const void *b)
{
    const struct virt_domain *x = *(struct virt_domain *const *)a;
    const struct virt_domain *y = *(struct virt_domain *const *)b;
    return strcmp(x->name, y->name);
}

int virt_domain_list(struct virt_conn *c, struct virt_domain ***out, struct mp_error *err)
{
    virDomainPtr *ptrs = NULL;
    int n = virConnectListAllDomains(c->ptr, &ptrs, 0);
    if (n < 0)
        return virt_fail(err, c, "virConnectListAllDomains");
    struct virt_domain **list = xcalloc(n ? (size_t)n : 1, sizeof(*list));
    int kept = 0, rc = 0;
    for (int i = 0; i < n; i++) {
        if (rc < 0) {
            virDomainFree(ptrs[i]);
            continue;
        }
        list[kept] = wrap(c, ptrs[i], err);
        if (list[kept])
            kept++;
        else
            rc = -1;
    }
    free(ptrs);
    if (rc < 0) {
        virt_domain_list_free(list, kept);
        return -1;
    }
    qsort(list, (size_t)kept, sizeof(*list), by_name);
    *out = list;
    return kept;
}

void virt_domain_list_free(struct virt_domain **list, int n)
{
    for (int i = 0; i < n; i++)
        virt_domain_close(list[i]);
    free(list);
}

int virt_define_xml(struct virt_conn *c, const char *xml, struct mp_error *err)
{
    virDomainPtr ptr = virDomainDefineXML(c->ptr, xml);
    if (!ptr)
        return virt_fail(err, c, "virDomainDefineXML");
    virDomainFree(ptr);
    return 0;
}

/* Built without libvirt's client library: every call says so. */
#include "config.h"

#include "i18n.h"
#include "virt.h"

static int none(struct mp_error *err)
{
    return mp_error_set(err, MP_ERR_INPUT, _("built without libvirt: --connect is not "
                                             "available (configure --with-libvirt)"));
}

bool virt_available(void)
{
    return false;
}

struct virt_conn *virt_open(const char *uri, bool readonly, struct mp_error *err)
{
    (void)uri;
    (void)readonly;
    none(err);
    return NULL;
}

void virt_close(struct virt_conn *c)
{
    (void)c;
}

const char *virt_uri(const struct virt_conn *c)
{
    (void)c;
    return "";
}

int virt_lib_version(struct virt_conn *c, char *buf, size_t len, struct mp_error *err)
{
    (void)c;
    (void)buf;
    (void)len;
    return none(err);
}

struct virt_domain *virt_domain_open(struct virt_conn *c, const char *id, struct mp_error *err)
{
    (void)c;
    (void)id;
    none(err);
    return NULL;
}

void virt_domain_close(struct virt_domain *d)
{
    (void)d;
}

const char *virt_domain_name(const struct virt_domain *d)
{
    (void)d;
    return "";
}

bool virt_domain_running(const struct virt_domain *d)
{
    (void)d;
    return false;
}

int virt_domain_memory(struct virt_domain *d, uint64_t *kib, struct mp_error *err)
{
    (void)d;
    (void)kib;
    return none(err);
}

char *virt_domain_xml(struct virt_domain *d, enum virt_which which, size_t *len,
                      struct mp_error *err)
{
    (void)d;
    (void)which;
    (void)len;
    none(err);
    return NULL;
}

int virt_domain_list(struct virt_conn *c, struct virt_domain ***out, struct mp_error *err)
{
    (void)c;
    (void)out;
    return none(err);
}

void virt_domain_list_free(struct virt_domain **list, int n)
{
    (void)list;
    (void)n;
}

int virt_hard_limit_get(struct virt_domain *d, bool live, uint64_t *kib, struct mp_error *err)
{
    (void)d;
    (void)live;
    (void)kib;
    return none(err);
}

int virt_hard_limit_set(struct virt_domain *d, uint64_t kib, bool live, struct mp_error *err)
{
    (void)d;
    (void)kib;
    (void)live;
    return none(err);
}

int virt_define_xml(struct virt_conn *c, const char *xml, struct mp_error *err)
{
    (void)c;
    (void)xml;
    return none(err);
}

/* <memtune><hard_limit> through libvirt: virDomainGetMemoryParameters and
 * virDomainSetMemoryParameters, as 'virsh memtune' uses them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "virt_priv.h"
#include "xalloc.h"

int virt_hard_limit_get(struct virt_domain *d, bool live, uint64_t *kib, struct mp_error *err)
{
    unsigned int flags = live ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;
    int n = 0;
    /* First the count, then the values (virDomainGetMemoryParameters). */
    if (virDomainGetMemoryParameters(d->ptr, NULL, &n, flags) < 0)
        return virt_fail(err, d->conn, "virDomainGetMemoryParameters");
    virTypedParameterPtr params = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*params));
    if (n > 0 && virDomainGetMemoryParameters(d->ptr, params, &n, flags) < 0) {
        free(params);
        return virt_fail(err, d->conn, "virDomainGetMemoryParameters");
    }
    unsigned long long v = VIRT_UNLIMITED_KIB;
    /* No hard_limit among them: libvirt reports none as unlimited. */
    if (virTypedParamsGetULLong(params, n, VIR_DOMAIN_MEMORY_HARD_LIMIT, &v) < 0)
        v = VIRT_UNLIMITED_KIB;
    virTypedParamsClear(params, n);
    free(params);
    *kib = v;
    return 0;
}

int virt_hard_limit_set(struct virt_domain *d, uint64_t kib, bool live, struct mp_error *err)
{
    virTypedParameter param;
    memset(&param, 0, sizeof(param));
    strncpy(param.field, VIR_DOMAIN_MEMORY_HARD_LIMIT, sizeof(param.field) - 1);
    param.type = VIR_TYPED_PARAM_ULLONG;
    param.value.ul = kib;
    unsigned int flags = live ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;
    if (virDomainSetMemoryParameters(d->ptr, &param, 1, flags) < 0)
        return virt_fail(err, d->conn, "virDomainSetMemoryParameters");
    return 0;
}

#include "config.h"

#include <dlfcn.h>
#include <stddef.h>

#include "i18n.h"
#include "virt_dl.h"

struct virt_dl virt_dl;

static const struct {
    const char *name;
    size_t offset;
} names[] = {
#define NAME(f) { "vir" #f, offsetof(struct virt_dl, f) }
    NAME(ConnectOpenAuth), NAME(ConnectClose), NAME(ConnectGetURI),
    NAME(ConnectGetLibVersion), NAME(ConnectListAllDomains), NAME(DomainLookupByName),
    NAME(DomainLookupByUUIDString), NAME(DomainGetName), NAME(DomainIsActive),
    NAME(DomainGetXMLDesc), NAME(DomainGetMaxMemory), NAME(DomainDefineXML), NAME(DomainFree),
    NAME(DomainGetMemoryParameters), NAME(DomainSetMemoryParameters),
    NAME(TypedParamsGetULLong), NAME(TypedParamsClear), NAME(GetLastError),
    NAME(SetErrorFunc), NAME(ConnectAuthPtrDefault),
#undef NAME
};

int virt_dl_load(struct mp_error *err)
{
    static int state; /* 0 not tried, 1 loaded, -1 failed */
    static struct mp_error failed;
    if (state > 0)
        return 0;
    if (state < 0) {
        *err = failed;
        return -1;
    }
    void *lib = dlopen(VIRT_DL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        state = -1;
        mp_error_set(&failed, MP_ERR_INPUT,
                     _("libvirt's client library (%s) cannot be loaded: install libvirt0"),
                     VIRT_DL_SONAME);
        *err = failed;
        return -1;
    }
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        void *sym = dlsym(lib, names[i].name);
        if (!sym) {
            state = -1;
            mp_error_set(&failed, MP_ERR_INPUT,
                         _("libvirt's client library (%s) lacks %s: it is older than this "
                           "program needs"), VIRT_DL_SONAME, names[i].name);
            *err = failed;
            return -1;
        }
        *(void **)((char *)&virt_dl + names[i].offset) = sym;
    }
    state = 1;
    return 0;
}

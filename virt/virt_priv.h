/* What virt_conn.c, virt_domain.c and virt_memtune.c share: the handles
 * around libvirt's pointers and the one way a libvirt failure becomes a line. */
#ifndef MP_VIRT_PRIV_H
#define MP_VIRT_PRIV_H

#include <libvirt/libvirt.h>

#include "virt.h"
#include "virt_dl.h"

/* libvirt's names, called through the table virt_dl_load fills (virt_dl.h). */
#define virConnectOpenAuth virt_dl.ConnectOpenAuth
#define virConnectClose virt_dl.ConnectClose
#define virConnectGetURI virt_dl.ConnectGetURI
#define virConnectGetLibVersion virt_dl.ConnectGetLibVersion
#define virConnectListAllDomains virt_dl.ConnectListAllDomains
#define virDomainLookupByName virt_dl.DomainLookupByName
#define virDomainLookupByUUIDString virt_dl.DomainLookupByUUIDString
#define virDomainGetName virt_dl.DomainGetName
#define virDomainIsActive virt_dl.DomainIsActive
#define virDomainGetXMLDesc virt_dl.DomainGetXMLDesc
#define virDomainGetMaxMemory virt_dl.DomainGetMaxMemory
#define virDomainDefineXML virt_dl.DomainDefineXML
#define virDomainFree virt_dl.DomainFree
#define virDomainGetMemoryParameters virt_dl.DomainGetMemoryParameters
#define virDomainSetMemoryParameters virt_dl.DomainSetMemoryParameters
#define virTypedParamsGetULLong virt_dl.TypedParamsGetULLong
#define virTypedParamsClear virt_dl.TypedParamsClear
#define virGetLastError virt_dl.GetLastError
#define virSetErrorFunc virt_dl.SetErrorFunc
#define virConnectAuthPtrDefault (*virt_dl.ConnectAuthPtrDefault)

struct virt_conn {
    virConnectPtr ptr;
    char *uri;        /* safe for a terminal */
    bool readonly;
};

struct virt_domain {
    virDomainPtr ptr;
    struct virt_conn *conn;
    char *name;       /* safe for a terminal */
    bool running;
};

/* Fills `err` from libvirt's last error: "URI: what went wrong (FN: libvirt's
 * message)", where what went wrong is said for authentication, permission and
 * connection failures. Returns -1. */
int virt_fail(struct mp_error *err, const struct virt_conn *c, const char *fn);
/* libvirt's last error message, safe for a terminal (a new string). */
char *virt_last_message(void);

#endif

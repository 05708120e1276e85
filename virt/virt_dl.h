/* libvirt's client library, loaded when a connection is first opened
 * (dlopen of libvirt.so.0) rather than linked: linking it costs every run of
 * the program some 30 million instructions of start-up (it brings some forty
 * libraries), which every command without --connect would pay (bench/RESULTS.md).
 * virt_priv.h points each libvirt name virt/ uses at this table, so the code
 * reads as plain libvirt calls. */
#ifndef MP_VIRT_DL_H
#define MP_VIRT_DL_H

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "error.h"

#define VIRT_DL_SONAME "libvirt.so.0"

struct virt_dl {
    __typeof__(virConnectOpenAuth) *ConnectOpenAuth;
    __typeof__(virConnectClose) *ConnectClose;
    __typeof__(virConnectGetURI) *ConnectGetURI;
    __typeof__(virConnectGetLibVersion) *ConnectGetLibVersion;
    __typeof__(virConnectListAllDomains) *ConnectListAllDomains;
    __typeof__(virDomainLookupByName) *DomainLookupByName;
    __typeof__(virDomainLookupByUUIDString) *DomainLookupByUUIDString;
    __typeof__(virDomainGetName) *DomainGetName;
    __typeof__(virDomainIsActive) *DomainIsActive;
    __typeof__(virDomainGetXMLDesc) *DomainGetXMLDesc;
    __typeof__(virDomainGetMaxMemory) *DomainGetMaxMemory;
    __typeof__(virDomainDefineXML) *DomainDefineXML;
    __typeof__(virDomainFree) *DomainFree;
    __typeof__(virDomainGetMemoryParameters) *DomainGetMemoryParameters;
    __typeof__(virDomainSetMemoryParameters) *DomainSetMemoryParameters;
    __typeof__(virTypedParamsGetULLong) *TypedParamsGetULLong;
    __typeof__(virTypedParamsClear) *TypedParamsClear;
    __typeof__(virGetLastError) *GetLastError;
    __typeof__(virSetErrorFunc) *SetErrorFunc;
    virConnectAuthPtr *ConnectAuthPtrDefault;   /* a variable of the library */
};

extern struct virt_dl virt_dl;

/* Loads the library and every name above, once. 0, or -1 with `err` set
 * (one line: the library or a name is missing). */
int virt_dl_load(struct mp_error *err);

#endif

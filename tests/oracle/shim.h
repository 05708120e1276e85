/* The few libvirt types, constants and helpers that libvirt's memory-locking
 * functions touch, written for the oracle (tests/oracle/memlock-oracle.sh):
 * the functions themselves are taken from a libvirt source package when the
 * oracle runs and are never part of this tree. Only the fields those
 * functions read exist here. */
#ifndef ORACLE_SHIM_H
#define ORACLE_SHIM_H

#define _GNU_SOURCE
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define G_GNUC_UNUSED __attribute__((unused))
#define G_N_ELEMENTS(a) (sizeof(a) / sizeof((a)[0]))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define VIR_ROUND_UP(value, size) (((value) + (size) - 1) / (size) * (size))
#define _(s) (s)
static inline void oracle_free(void *p) { free(*(void **)p); }
#define g_autofree __attribute__((cleanup(oracle_free)))
static inline char *g_strdup_printf(const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        abort();
    va_end(ap);
    return s;
}

/* The error libvirt would report; the harness prints "refused". */
static char oracle_error[512];
enum { VIR_ERR_CONFIG_UNSUPPORTED = 1, VIR_ERR_XML_ERROR, VIR_ERR_INTERNAL_ERROR };
#define virReportError(code, ...) \
    ((void)(code), snprintf(oracle_error, sizeof(oracle_error), __VA_ARGS__))

#define VIR_DOMAIN_MEMORY_PARAM_UNLIMITED 9007199254740991LL
#define virMemoryLimitIsSet(v) ((v) < VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
static inline unsigned long long virMemoryMaxValue(bool capped) { (void)capped; return LLONG_MAX; }

typedef enum { VIR_ARCH_X86_64 = 1, VIR_ARCH_PPC64, VIR_ARCH_PPC64LE } virArch;
#define ARCH_IS_PPC64(a) ((a) == VIR_ARCH_PPC64 || (a) == VIR_ARCH_PPC64LE)
enum { VIR_DOMAIN_VIRT_QEMU = 1, VIR_DOMAIN_VIRT_KVM };
enum { VIR_DOMAIN_DEF_PARSE_ABI_UPDATE = 1 << 0, VIR_DOMAIN_DEF_PARSE_ABI_UPDATE_MIGRATION = 1 << 1 };

enum { VIR_DOMAIN_MEMORY_MODEL_DIMM = 1, VIR_DOMAIN_MEMORY_MODEL_NVDIMM };
typedef struct { int model; unsigned long long size; } virDomainMemoryDef;
static inline int qemuDomainNVDimmAlignSizePseries(virDomainMemoryDef *m) { (void)m; return 0; }

typedef struct { size_t n; unsigned long long mem[8]; } virDomainNuma;
static inline size_t virDomainNumaGetNodeCount(virDomainNuma *n) { return n->n; }
static inline unsigned long long virDomainNumaGetNodeMemorySize(virDomainNuma *n, size_t i) { return n->mem[i]; }
static inline void virDomainNumaSetNodeMemorySize(virDomainNuma *n, size_t i, unsigned long long v) { n->mem[i] = v; }
static inline unsigned long long virDomainNumaGetMemorySize(virDomainNuma *n)
{
    unsigned long long s = 0;
    for (size_t i = 0; i < n->n; i++)
        s += n->mem[i];
    return s;
}

enum { VIR_DOMAIN_HOSTDEV_MODE_SUBSYS = 1 };
enum { VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI = 1, VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV };
enum { VIR_DOMAIN_HOSTDEV_PCI_BACKEND_DEFAULT = 0, VIR_DOMAIN_HOSTDEV_PCI_BACKEND_VFIO = 2 };
typedef struct { unsigned int domain, bus, slot, function; } virPCIDeviceAddress;
typedef struct {
    int mode;
    struct {
        struct {
            int type;
            union { struct { virPCIDeviceAddress addr; int backend; } pci; } u;
        } subsys;
    } source;
} virDomainHostdevDef;
static inline bool virPCIDeviceAddressIsValid(virPCIDeviceAddress *a, bool report) { (void)a; (void)report; return true; }
static inline char *virPCIDeviceAddressAsString(const virPCIDeviceAddress *a)
{
    return g_strdup_printf("%04x:%02x:%02x.%d", a->domain, a->bus, a->slot, a->function);
}
/* No NVLink2 bridge on the oracle's host: no device-tree files exist. */
static inline bool virFileExists(const char *path) { (void)path; return false; }
/* Before 11.3 libvirt counts VFIO hostdevs: at start every PCI hostdev is VFIO
 * (qemuHostdevPreparePCIDevicesCheckSupport), as the harness sets. */
static inline bool virHostdevIsVFIODevice(const virDomainHostdevDef *h)
{
    return h->mode == VIR_DOMAIN_HOSTDEV_MODE_SUBSYS &&
        h->source.subsys.type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI &&
        h->source.subsys.u.pci.backend == VIR_DOMAIN_HOSTDEV_PCI_BACKEND_VFIO;
}

typedef struct { bool is_phb; } virDomainControllerDef;
static inline bool virDomainControllerIsPSeriesPHB(const virDomainControllerDef *c) { return c->is_phb; }

enum { VIR_STORAGE_TYPE_FILE = 1, VIR_STORAGE_TYPE_NVME, VIR_STORAGE_TYPE_VHOST_VDPA };
typedef struct virStorageSource virStorageSource;
struct virStorageSource { int type; virStorageSource *backingStore; };
#define virStorageSourceIsBacking(s) ((s) != NULL)
typedef struct { virStorageSource *src; } virDomainDiskDef;

enum { VIR_DOMAIN_NET_TYPE_NETWORK = 1, VIR_DOMAIN_NET_TYPE_VDPA };
typedef struct { int type; } virDomainNetDef;
static inline int virDomainNetGetActualType(const virDomainNetDef *n) { return n->type; }

typedef struct { int model; } virDomainIOMMUDef;

typedef struct {
    int virtType;
    struct { virArch arch; } os;
    struct {
        unsigned long long total_memory, max_memory, cur_balloon, hard_limit;
        unsigned int memory_slots;
        bool locked;
    } mem;
    virDomainNuma *numa;
    size_t nmems;
    virDomainMemoryDef **mems;
    size_t nhostdevs;
    virDomainHostdevDef **hostdevs;
    size_t ncontrollers;
    virDomainControllerDef **controllers;
    size_t ndisks;
    virDomainDiskDef **disks;
    size_t nnets;
    virDomainNetDef **nets;
    virDomainIOMMUDef *iommu;
} virDomainDef;

/* libvirt before 8.x spelled its pointer types out. */
typedef virDomainDef *virDomainDefPtr;
typedef virDomainMemoryDef *virDomainMemoryDefPtr;
typedef virDomainHostdevDef *virDomainHostdevDefPtr;
typedef virDomainControllerDef *virDomainControllerDefPtr;
typedef virPCIDeviceAddress *virPCIDeviceAddressPtr;
typedef virStorageSource *virStorageSourcePtr;
typedef virDomainDiskDef *virDomainDiskDefPtr;
typedef virDomainNetDef *virDomainNetDefPtr;

#endif

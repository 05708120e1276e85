/* The domains a libvirt connection knows: the one place that calls libvirt's
 * client library (virt_conn.c, virt_domain.c, virt_memtune.c). Built without
 * libvirt, virt_none.c says so for every call. No libvirt type leaves here.
 *
 * Every failure is one line in `err` (MP_ERR_INPUT unless it is our fault),
 * with libvirt's own message made safe for a terminal; libvirt itself prints
 * nothing (virSetErrorFunc). */
#ifndef MP_VIRT_H
#define MP_VIRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct virt_conn;

/* Which definition: libvirt's default (the live one of a running domain, else
 * the persistent one, as 'virsh dumpxml'), the live one only, or the
 * persistent one (VIR_DOMAIN_XML_INACTIVE, as 'virsh dumpxml --inactive'). */
enum virt_which { VIRT_CURRENT, VIRT_LIVE, VIRT_CONFIG };

/* libvirt's value for "no limit" (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED). */
#define VIRT_UNLIMITED_KIB 9007199254740991ULL

/* False when built without libvirt. */
bool virt_available(void);

/* Opens `uri` (NULL or "": libvirt's default, which honours
 * LIBVIRT_DEFAULT_URI) with virConnectOpenAuth, read-only when asked. */
struct virt_conn *virt_open(const char *uri, bool readonly, struct mp_error *err);
void virt_close(struct virt_conn *c);
/* The URI as given (or as libvirt chose it), safe for a terminal. */
const char *virt_uri(const struct virt_conn *c);
/* virConnectGetLibVersion as "9.0.0". 0, or -1 with `err`. */
int virt_lib_version(struct virt_conn *c, char *buf, size_t len, struct mp_error *err);

struct virt_domain;
/* By UUID (when `id` is one), else by name, as virsh looks domains up. */
struct virt_domain *virt_domain_open(struct virt_conn *c, const char *id, struct mp_error *err);
void virt_domain_close(struct virt_domain *d);
/* The domain's name, safe for a terminal. */
const char *virt_domain_name(const struct virt_domain *d);
bool virt_domain_running(const struct virt_domain *d);
/* The memory the definition gives it, KiB (virDomainGetMaxMemory). */
int virt_domain_memory(struct virt_domain *d, uint64_t *kib, struct mp_error *err);
/* virDomainGetXMLDesc: a new NUL-terminated buffer, or NULL with `err`
 * (VIRT_LIVE of a domain that is not running is refused). */
char *virt_domain_xml(struct virt_domain *d, enum virt_which which, size_t *len,
                      struct mp_error *err);

/* Every domain of the connection (virConnectListAllDomains), sorted by name.
 * Returns the count (≥ 0) with *out a new array, or -1 with `err`. */
int virt_domain_list(struct virt_conn *c, struct virt_domain ***out, struct mp_error *err);
void virt_domain_list_free(struct virt_domain **list, int n);

/* The hard_limit in KiB (VIRT_UNLIMITED_KIB: none) of the live (`live`) or
 * persistent definition (virDomainGetMemoryParameters). 0, or -1 with `err`. */
int virt_hard_limit_get(struct virt_domain *d, bool live, uint64_t *kib, struct mp_error *err);
/* Sets the hard_limit of the persistent definition (VIR_DOMAIN_AFFECT_CONFIG)
 * or, when `live`, of the running domain (VIR_DOMAIN_AFFECT_LIVE) through
 * virDomainSetMemoryParameters: one at a time, since some drivers (the test
 * driver) refuse both flags together. 0, or -1 with `err` holding libvirt's
 * refusal. */
int virt_hard_limit_set(struct virt_domain *d, uint64_t kib, bool live, struct mp_error *err);

/* virDomainDefineXML: `xml` becomes the persistent definition. 0, or -1. */
int virt_define_xml(struct virt_conn *c, const char *xml, struct mp_error *err);

#endif

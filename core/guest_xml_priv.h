/* Shared by the guest XML loader's files (not part of its API): the parse
 * context and helpers that check every number and report "FILE:LINE: what". */
#ifndef MP_GUEST_XML_PRIV_H
#define MP_GUEST_XML_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "error.h"
#include "guest.h"

struct gx {
    const char *name;        /* the input's name for messages, terminal-safe */
    struct guest *g;
    struct mp_error *err;
};

/* Sets err to "NAME:LINE: <formatted>" (line of `n`; none when NULL). Returns -1. */
int gx_fail(struct gx *x, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* First element child called `name` (libvirt reads ./name[1]), or NULL. */
xmlNode *gx_child(const xmlNode *n, const char *name);
bool gx_is(const xmlNode *n, const char *name);
/* Attribute / text content as a new malloc'd string (free()), or NULL. */
char *gx_attr(const xmlNode *n, const char *name);
char *gx_text(const xmlNode *n);
/* A short, terminal-safe quotation of input text for messages. */
void gx_quote(const char *s, char *buf, size_t len);

/* A libvirt size: `value` in `unit` (NULL = KiB), rounded up to KiB. `what`
 * names the field in the message. */
int gx_size(struct gx *x, const xmlNode *n, const char *what, const char *value,
            const char *unit, uint64_t *kib);
/* The element's text with its unit= attribute. */
int gx_size_element(struct gx *x, const xmlNode *n, uint64_t *kib);
/* Unsigned attribute `attr` of `n` in `base` (0: C style, 0x.. hex) up to `max`.
 * Absent: *present false (if given) and *out untouched; an error when `required`. */
int gx_uint(struct gx *x, const xmlNode *n, const char *attr, int base, unsigned long max,
            bool required, bool *present, unsigned long *out);
/* A yes/no attribute; absent leaves *out untouched. */
int gx_yesno(struct gx *x, const xmlNode *n, const char *attr, bool *out);
/* Refuses a collection past GUEST_XML_MAX_ITEMS. */
int gx_count_ok(struct gx *x, const xmlNode *n, size_t count, const char *what);

/* <devices>: hostdevs, interfaces, disks, memory devices, iommu, controllers. */
int gx_devices(struct gx *x, const xmlNode *devices);
/* One <hostdev> or <interface type='hostdev'> (guest_xml_hostdev.c). */
int gx_hostdev(struct gx *x, const xmlNode *n, bool from_interface);

#endif

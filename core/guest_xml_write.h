/* Writing the planner's guest as libvirt domain XML: the fields the planner
 * edits (name, domain type, arch/machine, memory, currentMemory, maxMemory
 * and its slots, NUMA cell sizes, hard_limit, locked, vIOMMU, hostdevs) are
 * spliced into the file's own bytes where they differ from what the file
 * says (xml_splice.h); every other byte stays. A new guest starts from a
 * minimal domain (guest_xml_skeleton). */
#ifndef MP_GUEST_XML_WRITE_H
#define MP_GUEST_XML_WRITE_H

#include <stddef.h>

#include "error.h"
#include "guest.h"

/* `buf` (the XML read from `name`) rewritten to describe `g`. Returns a new
 * buffer, or NULL with `err` set (MP_ERR_INPUT with the reason, e.g. a
 * number of NUMA cells the file does not have). The result is parsed again
 * before it is returned. */
char *guest_xml_update(const char *buf, size_t len, const char *name, const struct guest *g,
                       size_t *out_len, struct mp_error *err);

/* A minimal domain libvirt accepts (virsh define, virt-xml-validate):
 * type, name, memory, one vCPU, os type with arch and machine, devices. */
char *guest_xml_skeleton(const struct guest *g, size_t *out_len);

/* The guest as a whole new file: the skeleton with `g` written into it. */
char *guest_xml_create(const struct guest *g, size_t *out_len, struct mp_error *err);

#endif

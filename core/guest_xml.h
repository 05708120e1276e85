/* libvirt domain XML in: a file, "-" for stdin, or a memory buffer. Parsing is
 * safe: no network, no DTDs or external entities, bounded input size. */
#ifndef MP_GUEST_XML_H
#define MP_GUEST_XML_H

#include <stddef.h>

#include "error.h"
#include "guest.h"

/* Inputs larger than this are refused (a domain XML is a few KiB). */
#define GUEST_XML_MAX_BYTES (16u * 1024 * 1024)
/* More hostdevs, controllers, NUMA cells, memory devices, disks or
 * interfaces than this are refused (real guests have a few dozen). */
#define GUEST_XML_MAX_ITEMS 4096u

/* Returns a new guest, or NULL with `err` set (MP_ERR_INPUT: the message names
 * `path` and what is wrong). `path` "-" reads standard input. */
struct guest *guest_xml_load_file(const char *path, struct mp_error *err);
/* `name` is used in messages. */
struct guest *guest_xml_load_memory(const char *buf, size_t len, const char *name,
                                    struct mp_error *err);

#endif

/* Setting <memtune><hard_limit> in a libvirt domain XML while every other
 * byte stays as it was: comments, quoting, attribute order, whitespace,
 * elements we don't know. libxml2 checks the document (safely: no network,
 * no DTD, no entities, bounded size) and checks the result; the edit itself
 * is a splice into the original bytes, because a libxml2 save rewrites
 * quotes, character references and empty elements. */
#ifndef MP_XML_EDIT_H
#define MP_XML_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Returns a new buffer (NUL-terminated; *out_len without the NUL) holding
 * `buf` with /domain/memtune/hard_limit set to `kib` KiB: replaced if
 * present, else inserted into <memtune> (first), else a <memtune> is added
 * where libvirt writes it (after <memory>/<currentMemory>/blkiotune, before
 * <memoryBacking>/<vcpu>), indented like its neighbours. NULL with `err` set
 * (MP_ERR_INPUT, the message names `name`) when the input is not a domain
 * XML we can edit. */
char *xml_set_hard_limit(const char *buf, size_t len, const char *name, uint64_t kib,
                         size_t *out_len, struct mp_error *err);

#endif

/* `apply`: a guest's own XML file with the computed <memtune><hard_limit>,
 * nothing else changed (xml_edit.h), written atomically (atomic_file.h).
 * The planner's w writes every edit (guest_xml_write.h). */
#ifndef MP_GUEST_XML_APPLY_H
#define MP_GUEST_XML_APPLY_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Reads `path` ("-": standard input) whole, refusing more than
 * GUEST_XML_MAX_BYTES. Returns a NUL-terminated buffer, or NULL with `err`. */
char *guest_xml_read(const char *path, size_t *len, struct mp_error *err);

/* Writes `buf` (the XML read from `name`) to `out_path` ("-": standard
 * output) with hard_limit = `kib` KiB. 0, or -1 with `err` set; on error
 * `out_path` is left as it was. */
int guest_xml_apply_buffer(const char *buf, size_t len, const char *name, uint64_t kib,
                           const char *out_path, struct mp_error *err);

#endif

/* Writing a guest back: its own XML file with the computed
 * <memtune><hard_limit>, nothing else changed (xml_edit.h), written
 * atomically (atomic_file.h). Used by `apply` and the TUI's w key. */
#ifndef MP_GUEST_XML_APPLY_H
#define MP_GUEST_XML_APPLY_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "guest.h"
#include "host.h"
#include "profile.h"

/* Reads `path` ("-": standard input) whole, refusing more than
 * GUEST_XML_MAX_BYTES. Returns a NUL-terminated buffer, or NULL with `err`. */
char *guest_xml_read(const char *path, size_t *len, struct mp_error *err);

/* Writes `buf` (the XML read from `name`) to `out_path` ("-": standard
 * output) with hard_limit = `kib` KiB. 0, or -1 with `err` set; on error
 * `out_path` is left as it was. */
int guest_xml_apply_buffer(const char *buf, size_t len, const char *name, uint64_t kib,
                           const char *out_path, struct mp_error *err);

/* The TUI's w: computes the hard_limit `g` needs on `h` under `p` and writes
 * `source_path` (the XML `g` was loaded from) with it to `out_path`. Edits
 * made to `g` other than what changes the limit are not written back.
 * Refuses (MP_ERR_INPUT) when no hard_limit is recommended (see
 * report_rec.h). *written_kib (may be NULL) gets the value written. */
int guest_xml_save(const struct guest *g, const struct host *h, const struct profile *p,
                   const char *source_path, const char *out_path, uint64_t *written_kib,
                   struct mp_error *err);

#endif

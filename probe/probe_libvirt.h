/* Which libvirt this host runs: asked of its daemons, then of its client
 * library (virsh), so that --host live plans with that release's formula. */
#ifndef MP_PROBE_LIBVIRT_H
#define MP_PROBE_LIBVIRT_H

#include <stdbool.h>
#include <stddef.h>

/* The release of virtqemud, else libvirtd, else virsh (found through PATH):
 * the first found whose ELF file needs a LIBVIRT_PRIVATE_ version of
 * libvirt.so (probe/libvirt_elf.h), else that answers `--version` (run
 * without a shell) with a release number ("10.0.0"), into `buf`; `*source`
 * says which and how (a msgid). False when none does. */
bool probe_libvirt_version(char *buf, size_t len, const char **source);
/* The release number in a --version line: "libvirtd (libvirt) 9.0.0" -> "9.0.0". */
bool probe_libvirt_parse_version_line(const char *line, char *buf, size_t len);

#endif

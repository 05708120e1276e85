/* Which libvirt this host runs: asked of its daemons, then of its client
 * library (virsh), so that --host live plans with that release's formula. */
#ifndef MP_PROBE_LIBVIRT_H
#define MP_PROBE_LIBVIRT_H

#include <stdbool.h>
#include <stddef.h>

/* Runs `virtqemud --version`, `libvirtd --version`, then `virsh --version`
 * (found through PATH, never a shell) and stores the first release number
 * ("10.0.0") in `buf`; `*source` names the command (a msgid). False when none
 * answers with a release number. */
bool probe_libvirt_version(char *buf, size_t len, const char **source);
/* The release number in a --version line: "libvirtd (libvirt) 9.0.0" -> "9.0.0". */
bool probe_libvirt_parse_version_line(const char *line, char *buf, size_t len);

#endif

/* Tab in the planner's prompts: a file path completed from its folder, a
 * PCI address completed from the host's devices. Both extend the text to
 * the longest prefix all candidates share, as a shell does. */
#ifndef MP_TUI_COMPLETE_H
#define MP_TUI_COMPLETE_H

#include <stddef.h>

#include "host.h"

/* Completes the path in `buf` (of `cap` bytes); a single folder gets its
 * '/'. Returns how many entries matched. Hidden entries only when the
 * typed name starts with '.'. */
size_t complete_path(char *buf, size_t cap);
/* Completes a PCI address ("0004:0" -> "0004:04:00.0") from `h`'s devices.
 * Returns how many matched. */
size_t complete_pci(const struct host *h, char *buf, size_t cap);

#endif

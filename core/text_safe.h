/* Text from sysfs, the device tree, snapshots and XML on its way to a
 * terminal or a report: control characters and escape sequences neutralised. */
#ifndef MP_TEXT_SAFE_H
#define MP_TEXT_SAFE_H

#include <stddef.h>

/* Copies `src` into `dst` (always terminated), replacing C0 and C1 control
 * characters, DEL and invalid UTF-8 with '?'. Valid UTF-8 stays. */
void text_safe_copy(char *dst, size_t len, const char *src);
/* The same into a new string. */
char *text_safe_dup(const char *src);

/* A name (file name, argument) for a message: made safe as above, and one
 * longer than TEXT_SAFE_NAME_MAX bytes shortened to its start and end with
 * "..." between, so that the rest of the sentence is never cut off. */
#define TEXT_SAFE_NAME_MAX 200
char *text_safe_name(const char *src);

#endif

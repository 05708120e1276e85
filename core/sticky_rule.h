/* The kernel's rules for sticky world-writable folders such as /tmp
 * (fs.protected_symlinks, protected_regular, protected_fifos), applied by the
 * program itself whatever the sysctls say: what another user planted there is
 * neither followed nor written into. Used by core/atomic_file.c (outputs) and
 * core/input_file.c (inputs). */
#ifndef MP_STICKY_RULE_H
#define MP_STICKY_RULE_H

#include <stdbool.h>
#include <sys/stat.h>

#include "error.h"

/* May the caller follow (or write into) `st`, an entry of the open folder
 * `parent_fd`? Yes when the caller owns it, when the folder is not both
 * sticky and world-writable, or when the folder's owner owns it
 * (may_follow_link() and may_create_in_sticky() in the kernel's fs/namei.c). */
bool sticky_may_use(int parent_fd, const struct stat *st);

/* open(path, flags), walking the path one component at a time: every
 * symbolic link on the way (the final one included) is followed only where
 * sticky_may_use() allows it. A link's own target text is then resolved by
 * the kernel. -1 with errno on failure; *refused is set when the rule
 * refused (errno EPERM then). */
int sticky_open(const char *path, int flags, bool *refused);

/* The one message for a refused link: "NAME: a symbolic link another user
 * owns ...". `shown` is already safe for a terminal. Returns -1. */
int sticky_refuse_link(struct mp_error *err, const char *shown);

#endif

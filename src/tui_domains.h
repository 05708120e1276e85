/* The planner's hooks for a libvirt connection (tui/domains.h), filled with
 * virt/'s calls. */
#ifndef MP_TUI_DOMAINS_IMPL_H
#define MP_TUI_DOMAINS_IMPL_H

#include "error.h"
#include "virt.h"

/* Installs the hooks on the open connection `c` (kept open by the caller
 * while the planner runs); `domain`, when not NULL, is the guest the planner
 * starts with. 0, or -1 with `err`. */
int tui_domains_attach(struct virt_conn *c, const char *domain, struct mp_error *err);
/* Removes the hooks and frees their state. */
void tui_domains_detach(void);

#endif

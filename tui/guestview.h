/* The guest pane's rows: editable fields, then the assigned devices. Pure. */
#ifndef MP_TUI_GUESTVIEW_H
#define MP_TUI_GUESTVIEW_H

#include <stddef.h>

#include "plan.h"

enum gfield {
    GF_NAME, GF_ARCH, GF_TYPE, GF_MEMORY, GF_MAXMEM, GF_PHBS, GF_HARD, GF_LOCKED,
    GF_VIOMMU, GF_HOTPLUG, GF_PROFILE, GF_DEVHEADER, GF_HOSTDEV,
};

struct grow {
    enum gfield field;
    size_t hostdev;      /* GF_HOSTDEV: index into guest->hostdevs */
};

/* Fills up to `max` rows; returns how many the guest has. */
size_t guestview_rows(const struct plan *p, struct grow *rows, size_t max);
/* Label (with its key, "Memory [m]") and value of a row. */
void guestview_text(const struct plan *p, const struct grow *r, char *label, size_t llen,
                    char *value, size_t vlen);

#endif

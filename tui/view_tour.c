/* The tour panel's text: core/tour's step, and the terms that moved. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "layout.h"
#include "size.h"
#include "views.h"
#include "xalloc.h"

void view_tour_build(size_t i, const struct tour_delta *d, size_t nd, const struct crt *c,
                     int width, struct vtext *out)
{
    memset(out, 0, sizeof(*out));
    const struct tour_step_info *s = tour_step(i);
    if (!s)
        return;
    vtext_para(out, ROLE_HEADING, width, 0, _(s->title));
    vtext_line(out);
    vtext_para(out, ROLE_NORMAL, width, 0, _(s->explain));
    if (!nd)
        return;
    vtext_line(out);
    vtext_line(out);
    vtext_add(out, ROLE_HEADING, _("Terms that moved:"));
    const char *arrow = c->ascii ? " -> " : " \u2192 ";
    for (size_t k = 0; k < nd; k++) {
        char before[32], after[32], sizes[256];
        size_format_kib(d[k].before_kib, before, sizeof(before));
        size_format_kib(d[k].after_kib, after, sizeof(after));
        /* A term that stops applying (under <locked/>: no limit) is said so, not "0 B". */
        snprintf(sizes, sizeof(sizes), "%s%s%s", before, arrow, d[k].gone ? _(d[k].gone) : after);
        const char *label = _(d[k].label);
        /* One line when label and sizes fit, else the sizes under the label. */
        enum crt_role role = !d[k].before_kib ? ROLE_ASSIGNED : !d[k].after_kib ? ROLE_DIM
                                                                                : ROLE_NORMAL;
        vtext_line(out);
        if (2 + layout_text_width(label) + 2 + layout_text_width(sizes) <= width) {
            vtext_addf(out, role, "  %s  ", label);
            vtext_add(out, ROLE_LIMIT, sizes);
        } else {
            char fitted[512];
            layout_fit(label, width - 2, c->g.ellipsis, fitted, sizeof(fitted));
            vtext_addf(out, role, "  %s", fitted);
            vtext_line(out);
            vtext_addf(out, ROLE_LIMIT, "    %s", sizes);
        }
    }
}

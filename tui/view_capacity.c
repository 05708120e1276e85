/* The capacity view: core's capacity for the planner's guest, one line per
 * resource, the one that runs out first marked. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "i18n.h"
#include "text_safe.h"
#include "views.h"
#include "xalloc.h"

#define AMOUNT_W 11
#define FITS_W 8

static void resource(struct vtext *t, const struct crt *c, const struct capacity_resource *r,
                     bool limiting, int label_w)
{
    char label[512], have[32], need[32], fits[32];
    /* Group labels carry vendor and device IDs read from sysfs. */
    text_safe_copy(label, sizeof(label), r->label.local);
    capacity_format_amount(r, r->available, have, sizeof(have));
    capacity_format_amount(r, r->per_guest, need, sizeof(need));
    snprintf(fits, sizeof(fits), "%" PRIu64, r->fits);
    enum crt_role role = limiting ? ROLE_WARN : ROLE_NORMAL;
    vtext_line(t);
    vtext_add(t, role, limiting ? "> " : "  ");
    vtext_add_cell(t, role, label, label_w, c->g.ellipsis);
    vtext_add_right(t, role, have, AMOUNT_W);
    vtext_add_right(t, role, need, AMOUNT_W);
    vtext_add_right(t, role, fits, FITS_W);
}

void view_capacity_build(const struct plan *p, const struct crt *c, int width, struct vtext *out)
{
    memset(out, 0, sizeof(*out));
    if (!p->have_result) {
        vtext_add(out, ROLE_ERROR, _("No limit: the guest is not valid for libvirt:"));
        vtext_para(out, ROLE_ERROR, width, 0, p->error.text);
        return;
    }
    struct capacity cap;
    capacity_compute(p->guest, p->host, &p->result, &cap);
    char label[512], *s;
    if (!cap.known) {
        vtext_add(out, ROLE_LIMIT, _("Capacity: unknown (no host facts to count)."));
    } else {
        vtext_addf(out, ROLE_LIMIT, _("Guests of this shape that fit: %" PRIu64), cap.fits);
        text_safe_copy(label, sizeof(label), cap.resources[cap.limiting].label.local);
        s = xasprintf(_("Runs out first: %s"), label);
        vtext_para(out, ROLE_NORMAL, width, 0, s);
        free(s);
        vtext_line(out);
        int label_w = width - 2 - 2 * AMOUNT_W - FITS_W;
        if (label_w < 8)
            label_w = 8;
        vtext_line(out);
        vtext_add(out, ROLE_NORMAL, "  ");
        vtext_add_cell(out, ROLE_HEADING, _("Resource"), label_w, c->g.ellipsis);
        vtext_add_right(out, ROLE_HEADING, _("available"), AMOUNT_W);
        vtext_add_right(out, ROLE_HEADING, _("per guest"), AMOUNT_W);
        vtext_add_right(out, ROLE_HEADING, _("fit"), FITS_W);
        for (size_t i = 0; i < cap.n; i++)
            resource(out, c, &cap.resources[i], i == cap.limiting, label_w);
    }
    if (cap.worst_case_known) {
        vtext_line(out);
        s = capacity_worst_case_text(&cap);
        vtext_para(out, ROLE_NORMAL, width, 0, s);
        free(s);
    }
    if (cap.notes.n) {
        vtext_line(out);
        vtext_line(out);
        vtext_add(out, ROLE_HEADING, _("Not counted"));
    }
    for (size_t i = 0; i < cap.notes.n; i++) {
        text_safe_copy(label, sizeof(label), cap.notes.items[i].local);
        s = xasprintf("- %s", label);
        vtext_para(out, ROLE_DIM, width, 0, s);
        free(s);
    }
    capacity_free(&cap);
}

/* The profile comparison view: core's profile_compare, one column per
 * libvirt profile, the rows that differ highlighted (and marked with * when
 * there is no colour to show it). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "layout.h"
#include "profile_compare.h"
#include "size.h"
#include "views.h"
#include "xalloc.h"

/* The marker column: "* " on differing rows without colour, else blank. */
static void marker(struct vtext *t, const struct crt *c, bool differs)
{
    vtext_add(t, ROLE_WARN, differs && !c->color ? "* " : "  ");
}

void view_compare_build(const struct plan *p, const struct crt *c, int width, struct vtext *out)
{
    memset(out, 0, sizeof(*out));
    struct profile_compare pc;
    struct mp_error err = { 0 };
    if (profile_compare_run(p->guest, p->host, &pc, &err) < 0) {
        vtext_para(out, ROLE_ERROR, width, 0, err.text);
        return;
    }
    /* Columns: the planner's own step, the oldest, and each step that changes
     * something for this guest with the one before it; the lines below the
     * table list every step. Then as many as fit, newest kept. */
    size_t n = pc.nprofiles;
    bool *show = xcalloc(n, sizeof(*show));
    for (size_t i = 0; i < n; i++) {
        bool step_differs = false;
        if (i > 0) {
            char a[40], b[40];
            profile_compare_format_limit(&pc.results[i], a, sizeof(a));
            profile_compare_format_limit(&pc.results[i - 1], b, sizeof(b));
            step_differs = strcmp(a, b) != 0;
            for (size_t r = 0; r < pc.nrows && !step_differs; r++)
                step_differs = pc.rows[r].present[i] != pc.rows[r].present[i - 1]
                               || pc.rows[r].kib[i] != pc.rows[r].kib[i - 1];
        }
        if (i == 0 || pc.results[i].profile == p->profile || step_differs)
            show[i] = true;
        if (step_differs)
            show[i - 1] = true;
    }
    /* "1023.99 GiB" is 11 columns; labels take what is left (16 at least). */
    int col = 12, np = 0;
    for (size_t i = 0; i < n; i++)
        np += show[i];
    int fit = (width - 2 - 16) / 11;
    for (size_t i = 0; np > fit && fit > 0 && i < n; i++)
        if (show[i] && pc.results[i].profile != p->profile) {
            show[i] = false;
            np--;
        }
    int label_w = width - 2 - np * col;
    if (label_w < 16) {
        col = 11;
        label_w = width - 2 - np * col;
    }
    if (label_w < 8)
        label_w = 8;

    vtext_add(out, ROLE_NORMAL, "  ");
    vtext_add_cell(out, ROLE_HEADING, _("Term"), label_w, c->g.ellipsis);
    for (size_t i = 0; i < pc.nprofiles; i++) {
        if (!show[i])
            continue;
        const struct profile *pr = pc.results[i].profile;
        /* The planner's own profile stands out. */
        vtext_add_right(out, pr == p->profile ? ROLE_SELECTED : ROLE_HEADING, pr->id, col);
    }
    bool any = pc.limit_differs;
    char cell[40];
    for (size_t r = 0; r < pc.nrows; r++) {
        const struct profile_compare_row *row = &pc.rows[r];
        enum crt_role role = row->differs ? ROLE_WARN : ROLE_NORMAL;
        any |= row->differs;
        vtext_line(out);
        marker(out, c, row->differs);
        vtext_add_cell(out, role, _(row->label), label_w, c->g.ellipsis);
        for (size_t i = 0; i < pc.nprofiles; i++) {
            if (!show[i])
                continue;
            if (row->present[i])
                size_format_kib(row->kib[i], cell, sizeof(cell));
            else
                snprintf(cell, sizeof(cell), "-");
            vtext_add_right(out, role, cell, col);
        }
    }
    vtext_line(out);
    marker(out, c, pc.limit_differs);
    vtext_add_cell(out, pc.limit_differs ? ROLE_WARN : ROLE_LIMIT, _("Limit"), label_w,
                   c->g.ellipsis);
    for (size_t i = 0; i < pc.nprofiles; i++) {
        if (!show[i])
            continue;
        profile_compare_format_limit(&pc.results[i], cell, sizeof(cell));
        vtext_add_right(out, pc.limit_differs ? ROLE_WARN : ROLE_LIMIT, cell, col);
    }
    free(show);

    vtext_line(out);
    if (any)
        vtext_para(out, ROLE_NORMAL, width, 0,
                   c->color ? _("Highlighted rows differ between libvirt versions.")
                            : _("* marks what differs between libvirt versions."));
    if (!pc.limit_differs)
        vtext_para(out, ROLE_NORMAL, width, 0,
                   _("Every profile gives the same limit for this guest."));
    char *s = xasprintf(_("Columns are libvirt releases (the first of each step; steps that "
                          "change nothing for this guest are listed below only); the planner "
                          "uses %s (L cycles it)."), p->profile->id);
    vtext_para(out, ROLE_DIM, width, 0, s);
    free(s);
    /* Every step with what it does to this guest: the columns may not all fit. */
    for (size_t i = 0; i < pc.nprofiles; i++) {
        const struct profile *pr = pc.results[i].profile;
        char change[96];
        profile_compare_step_change(&pc, i, change, sizeof(change));
        s = xasprintf("%s%s: %s: %s", pr->pinned ? "" : "~", pr->id, _(pr->label), change);
        vtext_para(out, ROLE_DIM, width, 2, s);
        free(s);
        if (pc.results[i].refusal) {
            s = xasprintf(_("Refused by %s: %s"), pr->id, pc.results[i].refusal);
            vtext_para(out, ROLE_DIM, width, 4, s);
            free(s);
        }
        if (pr->approx) {
            s = xasprintf(_("Note on %s: %s"), pr->id, _(pr->approx));
            vtext_para(out, ROLE_DIM, width, 4, s);
            free(s);
        }
    }
    profile_compare_free(&pc);
}

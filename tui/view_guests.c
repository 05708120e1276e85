/* The running guests view: the QEMU processes probe/proc_scan found, as
 * `memlock-planner guests` lists them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "views.h"
#include "xalloc.h"

#define PID_W 8
#define LIMIT_W 14
#define KIB_W 11
#define HEAD_W 12

void view_guests_build(const struct qemu_process *ps, size_t n, const struct crt *c, int width,
                       struct vtext *out)
{
    memset(out, 0, sizeof(*out));
    if (!n) {
        vtext_add(out, ROLE_DIM, _("No QEMU processes are running on this host."));
        vtext_line(out);
        vtext_add(out, ROLE_DIM, _("r looks again."));
        return;
    }
    int warn_w = 2;
    int name_w = width - PID_W - LIMIT_W - 2 * KIB_W - HEAD_W - warn_w - 1;
    if (name_w < 8)
        name_w = 8;
    vtext_add_cell(out, ROLE_HEADING, _("PID"), PID_W, c->g.ellipsis);
    vtext_add(out, ROLE_NORMAL, " ");
    vtext_add_cell(out, ROLE_HEADING, _("GUEST"), name_w, c->g.ellipsis);
    vtext_add_right(out, ROLE_HEADING, _("MEMLOCK LIMIT"), LIMIT_W);
    vtext_add_right(out, ROLE_HEADING, _("VMLCK"), KIB_W);
    vtext_add_right(out, ROLE_HEADING, _("VMPIN"), KIB_W);
    vtext_add_right(out, ROLE_HEADING, _("HEADROOM"), HEAD_W);
    size_t near = 0;
    for (size_t i = 0; i < n; i++) {
        const struct qemu_process *p = &ps[i];
        struct qemu_proc_row row;
        qemu_proc_format_row(p, &row);
        vtext_line(out);
        if (!p->readable) {
            vtext_add_cell(out, ROLE_DIM, row.pid, PID_W, c->g.ellipsis);
            vtext_add(out, ROLE_NORMAL, " ");
            vtext_add_cell(out, ROLE_DIM, row.name, name_w, c->g.ellipsis);
            vtext_addf(out, ROLE_DIM, " %s", _("(not readable: another user's process)"));
            continue;
        }
        bool warn = row.near_limit;
        near += warn;
        enum crt_role role = warn ? ROLE_WARN : ROLE_NORMAL;
        vtext_add_cell(out, role, row.pid, PID_W, c->g.ellipsis);
        vtext_add(out, ROLE_NORMAL, " ");
        vtext_add_cell(out, role, row.name, name_w, c->g.ellipsis);
        vtext_add_right(out, role, row.limit, LIMIT_W);
        vtext_add_right(out, role, row.vmlck, KIB_W);
        vtext_add_right(out, role, row.vmpin, KIB_W);
        vtext_add_right(out, role, row.headroom, HEAD_W);
        if (warn)
            vtext_addf(out, ROLE_WARN, " %s", c->g.warn);
    }
    vtext_line(out);
    if (near) {
        char *s = xasprintf("%s %s", c->g.warn,
                            /* xgettext:no-c-format */
                            _("locked memory is at 90% or more of the limit: the next VFIO "
                              "mapping or DMA window may fail with \"Cannot allocate memory\""));
        vtext_para(out, ROLE_WARN, width, 0, s);
        free(s);
    }
    vtext_para(out, ROLE_DIM, width, 0,
               _("Limits from /proc/PID/limits, VmLck and VmPin from /proc/PID/status; "
                 "r looks again."));
}

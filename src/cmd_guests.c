/* memlock-planner guests: the QEMU processes running here, their memlock
 * limits and how much they have locked. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "commands.h"
#include "guests_virt.h"
#include "i18n.h"
#include "json.h"
#include "proc_scan.h"
#include "size.h"
#include "text_safe.h"
#include "text_width.h"

static void print_json(const struct qemu_process *ps, size_t n)
{
    struct json j;
    json_init(&j, stdout, true);
    json_begin_array(&j);
    for (size_t i = 0; i < n; i++) {
        const struct qemu_process *p = &ps[i];
        json_begin_object(&j);
        json_key(&j, "pid");
        json_int(&j, p->pid);
        json_key(&j, "name");
        json_string(&j, p->name);
        json_key(&j, "exe");
        json_string(&j, p->exe);
        json_key(&j, "readable");
        json_bool(&j, p->readable);
        json_key(&j, "memlock_limit_bytes");
        if (!p->readable)
            json_null(&j);
        else if (p->limit_kind == HOST_LIMIT_UNLIMITED)
            json_string(&j, "unlimited");
        else
            json_uint(&j, p->limit_bytes);
        json_key(&j, "vmlck_kib");
        if (p->has_vmlck) json_uint(&j, p->vmlck_kib); else json_null(&j);
        json_key(&j, "vmpin_kib");
        if (p->has_vmpin) json_uint(&j, p->vmpin_kib); else json_null(&j);
        json_key(&j, "near_limit");
        json_bool(&j, qemu_proc_near_limit(p));
        json_end_object(&j);
    }
    json_end_array(&j);
    json_finish(&j);
}

static void print_text(const struct qemu_process *ps, size_t n)
{
    if (!n) {
        puts(_("No QEMU processes are running on this host."));
        return;
    }
    fput_ljust(stdout, _("PID"), 8);
    fputc(' ', stdout);
    fput_ljust(stdout, _("GUEST"), 24);
    static const struct { const char *h; size_t w; } cols[] = {
        { N_("MEMLOCK LIMIT"), 14 }, { N_("VMLCK"), 12 }, { N_("VMPIN"), 12 }, { N_("HEADROOM"), 14 },
    };
    for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
        fputc(' ', stdout);
        fput_rjust(stdout, _(cols[c].h), cols[c].w);
    }
    fputc('\n', stdout);
    size_t warned = 0;
    for (size_t i = 0; i < n; i++) {
        const struct qemu_process *p = &ps[i];
        char name[64], limit[32] = "?", lck[32] = "?", pin[32] = "?", head[32] = "-";
        text_safe_copy(name, sizeof(name), p->name ? p->name : p->exe);
        if (!p->readable) {
            printf("%-8d ", (int)p->pid);
            fput_ljust(stdout, name, 24);
            printf(" %s\n", _("(not readable: another user's process)"));
            continue;
        }
        if (p->limit_kind == HOST_LIMIT_UNLIMITED)
            snprintf(limit, sizeof(limit), "%s", _("unlimited"));
        else
            size_format_bytes(p->limit_bytes, limit, sizeof(limit));
        if (p->has_vmlck)
            size_format_kib(p->vmlck_kib, lck, sizeof(lck));
        if (p->has_vmpin)
            size_format_kib(p->vmpin_kib, pin, sizeof(pin));
        uint64_t room;
        bool over;
        if (qemu_proc_headroom(p, &room, &over)) {
            if (over)
                snprintf(head, sizeof(head), "%s", _("over"));
            else
                size_format_bytes(room, head, sizeof(head));
        }
        printf("%-8d ", (int)p->pid);
        fput_ljust(stdout, name, 24);
        printf(" %14s %12s %12s %14s%s\n", limit, lck, pin, head, qemu_proc_near_limit(p) ? " !" : "");
        warned += qemu_proc_near_limit(p);
    }
    if (warned)
        printf(_("! locked memory is at 90%% or more of the limit: the next VFIO mapping or DMA "
                 "window may fail with \"Cannot allocate memory\"\n"));
}

int cmd_guests(struct cli_run *r)
{
    size_t n;
    struct qemu_process *ps = proc_scan_qemu(&n);
    int rc = -1;
    if (r->connect)
        rc = guests_virt(&r->virt, r->host_src, r->libvirt, !strcmp(r->format, "json"), ps, n);
    else if (!strcmp(r->format, "json"))
        print_json(ps, n);
    else
        print_text(ps, n);
    for (size_t i = 0; i < n; i++)
        qemu_process_free(&ps[i]);
    free(ps);
    return rc > 0 ? rc : cli_finish_output();
}

/* memlock-planner guests: the QEMU processes running here, their memlock
 * limits and how much they have locked, each checked against what libvirt
 * computes from its running definition (core/running_check.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "command.h"
#include "commands.h"
#include "guest_xml.h"
#include "guests_virt.h"
#include "i18n.h"
#include "json.h"
#include "memlock.h"
#include "probe.h"
#include "proc_scan.h"
#include "running_check.h"
#include "size.h"
#include "text_safe.h"
#include "text_width.h"
#include "xalloc.h"

/* Where libvirt keeps the status XML of each running guest. */
#define STATUS_DIR "/run/libvirt/qemu"

/* One process, its definition and the check. */
struct row {
    const struct qemu_process *p;
    char *definition;            /* the file read, or NULL */
    struct guest *guest;
    struct memlock_result result;
    bool computed;
    struct running_check check;
};

/* The definition of the guest named `name`: --xml FILE when its <name> is
 * that, else DIR/NAME.xml (libvirt's status XML, a <domstatus>). */
static struct guest *find_definition(const char *xml, const char *name, char **path)
{
    *path = NULL;
    if (!name || !*name || strchr(name, '/') || name[0] == '.')
        return NULL;
    const char *where = xml ? xml : STATUS_DIR;
    struct stat st;
    if (stat(where, &st) != 0)
        return NULL;
    char *file = S_ISDIR(st.st_mode) ? xasprintf("%s/%s.xml", where, name) : xstrdup(where);
    struct mp_error err = { 0 };
    struct guest *g = access(file, R_OK) == 0 ? guest_xml_load_file(file, &err) : NULL;
    if (g && (!g->name || strcmp(g->name, name))) {
        guest_free(g);
        g = NULL;
    }
    if (g)
        *path = file;
    else
        free(file);
    return g;
}

static void check_rows(struct cli_run *r, struct row *rows, size_t n)
{
    struct host *h = NULL;
    bool host_tried = false;
    for (size_t i = 0; i < n; i++) {
        struct row *w = &rows[i];
        w->guest = find_definition(r->xml, w->p->name, &w->definition);
        if (w->guest && !host_tried) {
            /* Host facts only when a definition needs them; none if unreadable. */
            struct mp_error err = { 0 };
            h = probe_load(r->host_src, &err);
            host_tried = true;
        }
        if (w->guest) {
            struct mp_error err = { 0 };
            w->computed = memlock_compute(w->guest, h, r->profile, &w->result, &err) == 0;
        }
        running_check(w->p, w->computed ? w->guest : NULL, w->computed ? &w->result : NULL,
                      &w->check);
    }
    host_free(h);
}

static void json_limit_value(struct json *j, bool known, bool unlimited, uint64_t bytes)
{
    if (!known)
        json_null(j);
    else if (unlimited)
        json_string(j, "unlimited");
    else
        json_uint(j, bytes);
}

static void print_json(const struct row *rows, size_t n)
{
    struct json j;
    json_init(&j, stdout, true);
    json_begin_array(&j);
    for (size_t i = 0; i < n; i++) {
        const struct qemu_process *p = rows[i].p;
        const struct running_check *c = &rows[i].check;
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
        json_limit_value(&j, p->readable, p->limit_kind == HOST_LIMIT_UNLIMITED, p->limit_bytes);
        json_key(&j, "vmlck_kib");
        if (p->has_vmlck) json_uint(&j, p->vmlck_kib); else json_null(&j);
        json_key(&j, "vmpin_kib");
        if (p->has_vmpin) json_uint(&j, p->vmpin_kib); else json_null(&j);
        json_key(&j, "near_limit");
        json_bool(&j, qemu_proc_near_limit(p));
        json_key(&j, "definition");
        json_string(&j, rows[i].definition);
        json_key(&j, "expected_limit_bytes");
        json_limit_value(&j, rows[i].computed && c->has_expected, c->expected_unlimited,
                         c->expected_bytes);
        json_key(&j, "need_bytes");
        if (rows[i].computed)
            json_uint(&j, c->need_bytes);
        else
            json_null(&j);
        json_key(&j, "check");
        json_string(&j, running_verdict_id(c->verdict));
        json_key(&j, "check_text");
        json_string(&j, c->text.c);
        json_key(&j, "warnings");
        json_begin_array(&j);
        for (size_t k = 0; rows[i].computed && k < rows[i].result.warnings.n; k++)
            json_string(&j, rows[i].result.warnings.items[k].c);
        json_end_array(&j);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_finish(&j);
}

static void print_table(const struct row *rows, size_t n)
{
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
        struct qemu_proc_row row;
        qemu_proc_format_row(rows[i].p, &row);
        printf("%-8s ", row.pid);
        fput_ljust(stdout, row.name, 24);
        if (!rows[i].p->readable) {
            printf(" %s\n", _("(not readable: another user's process)"));
            continue;
        }
        printf(" %14s %12s %12s %14s%s\n", row.limit, row.vmlck, row.vmpin, row.headroom,
               row.near_limit ? " !" : "");
        warned += row.near_limit;
    }
    if (warned)
        printf(_("! locked memory is at 90%% or more of the limit: the next VFIO mapping or DMA "
                 "window may fail with \"Cannot allocate memory\"\n"));
}

/* Per guest: the check against its definition, and what the definition warns of
 * QEMU locking all its memory. */
static void print_checks(const struct row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct row *w = &rows[i];
        char name[64];
        text_safe_copy(name, sizeof(name), w->p->name ? w->p->name : w->p->exe);
        char *text = text_safe_dup(w->check.text.local);
        printf("%s: %s\n", name, text);
        free(text);
        if (w->definition) {
            char *def = text_safe_dup(w->definition);
            printf(_("  definition: %s\n"), def);
            free(def);
        }
        for (size_t k = 0; w->computed && k < w->result.warnings.n; k++)
            if (strstr(w->result.warnings.items[k].c, "<qemu:commandline>")) {
                char *warn = text_safe_dup(w->result.warnings.items[k].local);
                printf("  ! %s\n", warn);
                free(warn);
            }
    }
}

int cmd_guests(struct cli_run *r)
{
    size_t n;
    struct qemu_process *ps = proc_scan_qemu(&n);
    /* --connect: the connection's domains beside the processes instead. */
    if (r->connect) {
        int rc = guests_virt(&r->virt, r->host_src, r->libvirt, !strcmp(r->format, "json"),
                             ps, n);
        for (size_t i = 0; i < n; i++)
            qemu_process_free(&ps[i]);
        free(ps);
        return rc ? rc : cli_finish_output();
    }
    struct row *rows = xreallocarray(NULL, n ? n : 1, sizeof(*rows));
    memset(rows, 0, (n ? n : 1) * sizeof(*rows));
    for (size_t i = 0; i < n; i++)
        rows[i].p = &ps[i];
    check_rows(r, rows, n);
    if (!strcmp(r->format, "json")) {
        print_json(rows, n);
    } else if (!n) {
        puts(_("No QEMU processes are running on this host."));
    } else {
        print_table(rows, n);
        fputc('\n', stdout);
        print_checks(rows, n);
    }
    for (size_t i = 0; i < n; i++) {
        running_check_free(&rows[i].check);
        if (rows[i].computed)
            memlock_result_free(&rows[i].result);
        guest_free(rows[i].guest);
        free(rows[i].definition);
        qemu_process_free(&ps[i]);
    }
    free(rows);
    free(ps);
    return cli_finish_output();
}

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guest_xml.h"
#include "guests_virt.h"
#include "i18n.h"
#include "json.h"
#include "memlock.h"
#include "probe.h"
#include "report.h"
#include "running_check.h"
#include "size.h"
#include "text_width.h"

enum pair_check {
    CHECK_NOT_RUNNING,   /* shut off: no process expected */
    CHECK_NO_PROCESS,    /* running, but no QEMU process by that name here */
    CHECK_UNREADABLE,    /* the process's limits cannot be read */
    CHECK_INHERITED,     /* libvirt sets no limit: the process keeps libvirtd's */
    CHECK_OK,
    CHECK_DIFFERS,
};

struct pair {
    const char *name;
    bool running;
    const struct qemu_process *proc;
    struct memlock_result r;
    bool have_result;
    enum pair_check check;
    /* The diagnosis of a paired process against its live definition
     * (core/running_check.c, as guests without a connection judges). */
    bool have_verdict;
    struct running_check verdict;
};

static const char *check_id(enum pair_check c)
{
    switch (c) {
    case CHECK_NOT_RUNNING: return "not_running";
    case CHECK_NO_PROCESS: return "no_process";
    case CHECK_UNREADABLE: return "unreadable";
    case CHECK_INHERITED: return "inherited";
    case CHECK_OK: return "ok";
    case CHECK_DIFFERS: return "differs";
    }
    return "?";
}

static const char *check_text(enum pair_check c)
{
    switch (c) {
    case CHECK_NOT_RUNNING: return _("not running");
    case CHECK_NO_PROCESS: return _("no QEMU process here");
    case CHECK_UNREADABLE: return _("process not readable");
    case CHECK_INHERITED: return _("libvirt sets none");
    case CHECK_OK: return _("as libvirt computes");
    case CHECK_DIFFERS: return _("differs from libvirt's");
    }
    return "?";
}

static enum pair_check judge(const struct pair *p)
{
    if (!p->running)
        return CHECK_NOT_RUNNING;
    if (!p->proc)
        return CHECK_NO_PROCESS;
    if (!p->proc->readable || p->proc->limit_kind == HOST_LIMIT_UNKNOWN)
        return CHECK_UNREADABLE;
    if (p->r.kind == MEMLOCK_NONE)
        return CHECK_INHERITED;
    if (p->r.kind == MEMLOCK_UNLIMITED)
        return p->proc->limit_kind == HOST_LIMIT_UNLIMITED ? CHECK_OK : CHECK_DIFFERS;
    return p->proc->limit_kind == HOST_LIMIT_BYTES && p->proc->limit_bytes == p->r.limit_bytes
               ? CHECK_OK
               : CHECK_DIFFERS;
}

static void format_limit(const struct pair *p, char *buf, size_t len)
{
    if (!p->have_result)
        snprintf(buf, len, "-");
    else if (p->r.kind == MEMLOCK_UNLIMITED)
        snprintf(buf, len, "%s", _("unlimited"));
    else if (p->r.kind == MEMLOCK_NONE)
        snprintf(buf, len, "0");
    else
        size_format_bytes(p->r.limit_bytes, buf, len);
}

static void format_proc_limit(const struct qemu_process *q, char *buf, size_t len)
{
    if (!q || !q->readable || q->limit_kind == HOST_LIMIT_UNKNOWN)
        snprintf(buf, len, "-");
    else if (q->limit_kind == HOST_LIMIT_UNLIMITED)
        snprintf(buf, len, "%s", _("unlimited"));
    else
        size_format_bytes(q->limit_bytes, buf, len);
}

static void print_text(const struct cli_virt *v, const struct profile *profile,
                       const struct pair *ps, int n)
{
    printf(_("Domains at %s (profile %s):\n"), virt_uri(v->conn), profile->id);
    fput_ljust(stdout, _("DOMAIN"), 24);
    fputc(' ', stdout);
    fput_ljust(stdout, _("PID"), 8);
    fputc(' ', stdout);
    fput_rjust(stdout, _("LIBVIRT'S LIMIT"), 16);
    fputc(' ', stdout);
    fput_rjust(stdout, _("PROCESS LIMIT"), 16);
    fputs("  ", stdout);
    fputs(_("CHECK"), stdout);
    fputc('\n', stdout);
    for (int i = 0; i < n; i++) {
        char pid[16] = "-", want[32], got[32];
        if (ps[i].proc)
            snprintf(pid, sizeof(pid), "%d", (int)ps[i].proc->pid);
        format_limit(&ps[i], want, sizeof(want));
        format_proc_limit(ps[i].proc, got, sizeof(got));
        fput_ljust(stdout, ps[i].name, 24);
        printf(" %-8s ", pid);
        fput_rjust(stdout, want, 16);
        fputc(' ', stdout);
        fput_rjust(stdout, got, 16);
        printf("  %s%s\n", check_text(ps[i].check), ps[i].check == CHECK_DIFFERS ? " !" : "");
        if (ps[i].have_verdict) {
            fputs("    ", stdout);
            report_put_safe(stdout, ps[i].verdict.text.local);
            fputc('\n', stdout);
        }
    }
}

static void print_json(const struct cli_virt *v, const struct profile *profile,
                       const struct pair *ps, int n)
{
    struct json j;
    json_init(&j, stdout, true);
    json_begin_object(&j);
    json_key(&j, "uri");
    json_string(&j, virt_uri(v->conn));
    json_key(&j, "profile");
    json_string(&j, profile->id);
    json_key(&j, "domains");
    json_begin_array(&j);
    for (int i = 0; i < n; i++) {
        const struct pair *p = &ps[i];
        json_begin_object(&j);
        json_key(&j, "name");
        json_string(&j, p->name);
        json_key(&j, "running");
        json_bool(&j, p->running);
        json_key(&j, "pid");
        if (p->proc)
            json_int(&j, p->proc->pid);
        else
            json_null(&j);
        json_key(&j, "libvirt_limit_bytes");
        if (!p->have_result)
            json_null(&j);
        else if (p->r.kind == MEMLOCK_UNLIMITED)
            json_string(&j, "unlimited");
        else
            json_uint(&j, p->r.limit_bytes);
        json_key(&j, "process_limit_bytes");
        if (!p->proc || !p->proc->readable || p->proc->limit_kind == HOST_LIMIT_UNKNOWN)
            json_null(&j);
        else if (p->proc->limit_kind == HOST_LIMIT_UNLIMITED)
            json_string(&j, "unlimited");
        else
            json_uint(&j, p->proc->limit_bytes);
        json_key(&j, "check");
        json_string(&j, check_id(p->check));
        json_key(&j, "verdict");
        if (p->have_verdict)
            json_string(&j, running_verdict_id(p->verdict.verdict));
        else
            json_null(&j);
        json_key(&j, "verdict_text");
        if (p->have_verdict)
            json_string(&j, p->verdict.text.c);
        else
            json_null(&j);
        json_key(&j, "need_bytes");
        if (p->have_verdict && p->have_result)
            json_uint(&j, p->verdict.need_bytes);
        else
            json_null(&j);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

int guests_virt(struct cli_virt *v, const char *host_src, const char *version, bool json,
                const struct qemu_process *procs, size_t nprocs)
{
    struct mp_error err = { 0 };
    struct profile_choice choice;
    struct virt_domain **doms = NULL;
    int n = -1, chosen = 0;
    /* --libvirt, else the connection's libvirt picks the profile. */
    if (cli_virt_prepare(v, NULL, 0, true, &err) < 0 ||
        (!version && (chosen = cli_virt_choose(v, &choice, &err)) < 0) ||
        (!chosen && cli_choose(version, NULL, &choice, &err) < 0) ||
        (n = virt_domain_list(v->conn, &doms, &err)) < 0)
        return cli_fail(&err);
    const struct profile *profile = choice.profile;
    struct host *h = probe_load(host_src, &err);
    if (!h) {
        virt_domain_list_free(doms, n);
        return cli_fail(&err);
    }
    struct pair *ps = calloc(n ? (size_t)n : 1, sizeof(*ps));
    int rc = ps ? 0 : cli_failf(EXIT_INTERNAL, _("out of memory"));
    for (int i = 0; i < n && !rc; i++) {
        struct pair *p = &ps[i];
        p->name = virt_domain_name(doms[i]);
        p->running = virt_domain_running(doms[i]);
        for (size_t k = 0; k < nprocs && p->running && !p->proc; k++)
            if (procs[k].name && !strcmp(procs[k].name, p->name))
                p->proc = &procs[k];
        if (p->running) {
            /* The running definition: what libvirt computed the limit from. */
            size_t len;
            char *xml = virt_domain_xml(doms[i], VIRT_LIVE, &len, &err);
            struct guest *g = xml ? guest_xml_load_memory(xml, len, p->name, &err) : NULL;
            free(xml);
            if (!g || memlock_compute(g, h, profile, &p->r, &err) < 0) {
                rc = g ? cli_failf(EXIT_INPUT, "%s: %s", p->name, err.text) : cli_fail(&err);
                guest_free(g);
                break;
            }
            p->have_result = true;
            if (p->proc) {
                running_check(p->proc, g, &p->r, &p->verdict);
                p->have_verdict = true;
            }
            guest_free(g);
        }
        p->check = judge(p);
    }
    if (!rc) {
        if (json)
            print_json(v, profile, ps, n);
        else
            print_text(v, profile, ps, n);
    }
    for (int i = 0; ps && i < n; i++) {
        if (ps[i].have_verdict)
            running_check_free(&ps[i].verdict);
        if (ps[i].have_result)
            memlock_result_free(&ps[i].r);
    }
    free(ps);
    host_free(h);
    virt_domain_list_free(doms, n);
    return rc;
}

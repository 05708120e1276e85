/* memlock-planner guests: the QEMU processes running here, their memlock
 * limits and how much they have locked. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_virt.h"
#include "commands.h"
#include "guests_virt.h"
#include "i18n.h"
#include "json.h"
#include "proc_scan.h"
#include "size.h"
#include "text_safe.h"
#include "text_width.h"

static void guests_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner guests [--format text|json]\n"
            "       memlock-planner guests --connect URI [--host SOURCE] [--libvirt VERSION]\n"),
          out);
    fputs(_("List the QEMU processes on this host with their memory-locking limit and the\n"
            "memory they have locked (VmLck) and pinned (VmPin).\n"), out);
    fputs(_("  --connect URI      each domain of the connection beside its QEMU process: the\n"
            "                     limit libvirt computes from the running definition against\n"
            "                     the process's\n"), out);
    fputs(_("  --host SOURCE      with --connect: host facts (default: live)\n"), out);
    fputs(_("  --libvirt VERSION  with --connect: formula of that libvirt version (default:\n"
            "                     the connection's)\n"), out);
}

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

int cmd_guests(int argc, char **argv)
{
    static const struct option opts[] = {
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { "connect", required_argument, NULL, CLI_OPT_CONNECT },
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { NULL, 0, NULL, 0 },
    };
    struct cli_virt v = { 0 };
    const char *format = "text", *host_src = "live", *version = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'h': guests_usage(stdout); return 0;
        case 'H': host_src = optarg; break;
        case 'L': version = optarg; break;
        default:
            if (cli_virt_option(&v, c, optarg))
                break;
            guests_usage(stderr);
            return EXIT_INPUT;
        }
    }
    if (optind != argc) {
        guests_usage(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text or json"), format);
    size_t n;
    struct qemu_process *ps = proc_scan_qemu(&n);
    int rc = 0;
    if (v.uri)
        rc = guests_virt(&v, host_src, version, !strcmp(format, "json"), ps, n);
    else if (!strcmp(format, "json"))
        print_json(ps, n);
    else
        print_text(ps, n);
    cli_virt_close(&v);
    for (size_t i = 0; i < n; i++)
        qemu_process_free(&ps[i]);
    free(ps);
    if (rc)
        return rc;
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_failf(EXIT_INTERNAL, _("cannot write the result: %s"), strerror(errno));
    return 0;
}

/* memlock-planner calc: the limit for one guest XML, every term explained. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_virt.h"
#include "commands.h"
#include "guest_xml.h"
#include "i18n.h"
#include "json.h"
#include "memlock_output.h"
#include "probe.h"

static void calc_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner calc [OPTIONS] GUEST.xml|-|DOMAIN\n"), out);
    fputs(_("Compute the memory-locking limit libvirt gives the guest, with every term.\n\n"), out);
    fputs(_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file;\n"
            "                     'list' shows the demo hosts\n"), out);
    fputs(_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n"), out);
    fputs(_("  --format FORMAT    text (default) or json\n"), out);
    fputs(_("  --force-vfio       plan for hot-plugging the first VFIO device\n"), out);
    cli_virt_usage(out);
    fputs(_("  -h, --help         show this help\n"), out);
}

int cmd_calc(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "format", required_argument, NULL, 'f' },
        { "force-vfio", no_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        CLI_VIRT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    struct cli_virt v = { 0 };
    const char *host_src = "live", *version = NULL, *format = "text";
    bool force_vfio = false;
    int c;
    optind = 1;
    opterr = 0; /* one line of our own instead of getopt's message and the usage */
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'H': host_src = optarg; break;
        case 'L': version = optarg; break;
        case 'f': format = optarg; break;
        case 'F': force_vfio = true; break;
        case 'h': calc_usage(stdout); return 0;
        default:
            if (cli_virt_option(&v, c, optarg))
                break;
            return cli_failf(EXIT_INPUT, _("calc: unknown option or missing argument '%s' (see "
                                           "'memlock-planner calc --help')"),
                             argv[optind - 1]);
        }
    }
    if (!strcmp(host_src, "list"))
        return cli_list_demo_hosts(stdout);
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text or json"), format);
    if (optind != argc - 1)
        return cli_failf(EXIT_INPUT, _("calc takes exactly one guest XML file (or - for stdin)"));

    struct mp_error err = { 0 };
    bool beyond = false;
    const struct profile *profile = NULL;
    char *label = NULL;
    struct guest *g = NULL;
    if (cli_virt_prepare(&v, argv + optind, 1, true, &err) < 0 ||
        !(profile = cli_virt_profile(&v, version, &beyond, &err)) ||
        !(g = cli_virt_load(&v, argv[optind], &label, NULL, NULL, &err))) {
        cli_virt_close(&v);
        return cli_fail(&err);
    }
    g->force_vfio = force_vfio;
    struct host *h = probe_load(host_src, &err);
    if (!h) {
        guest_free(g);
        free(label);
        cli_virt_close(&v);
        return cli_fail(&err);
    }
    struct memlock_result r;
    int rc = memlock_compute(g, h, profile, &r, &err);
    if (rc < 0) {
        guest_free(g);
        host_free(h);
        cli_virt_close(&v);
        /* Name the file: the calculation's messages speak of sizes only. */
        rc = cli_failf(err.kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL, "%s: %s", label,
                       err.text);
        free(label);
        return rc;
    }
    cli_virt_note(&v, profile, &r.warnings);
    if (beyond)
        msg_list_add(&r.warnings, N_("libvirt %s is newer than the newest profile (%s) the "
                                     "reference notes describe; its formula may differ"),
                     version, profile->id);
    if (!strcmp(format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        memlock_write_json(&j, &r);
        json_finish(&j);
    } else {
        memlock_print_text(stdout, &r);
    }
    memlock_result_free(&r);
    guest_free(g);
    host_free(h);
    free(label);
    cli_virt_close(&v);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_failf(EXIT_INTERNAL, _("cannot write the result: %s"), strerror(errno));
    return 0;
}

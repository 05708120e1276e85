/* memlock-planner report: the plan for one or more guests, as text,
 * Markdown, JSON or HTML; several guests form a fleet view. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_virt.h"
#include "commands.h"
#include "guest_xml.h"
#include "i18n.h"
#include "probe.h"
#include "report.h"
#include "xalloc.h"

static void report_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner report [OPTIONS] GUEST.xml|DOMAIN...\n"
            "       memlock-planner report --connect URI [OPTIONS] --all\n"), out);
    fputs(_("Write the plan for one or more guests: host and guest summary, the limit with\n"
            "every term, warnings and what to configure. Several guests add a fleet view.\n\n"),
          out);
    fputs(_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file;\n"
            "                     'list' shows the demo hosts\n"), out);
    fputs(_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n"), out);
    fputs(_("  --format FORMAT    text (default), md, json or html\n"), out);
    fputs(_("  -o, --output FILE  write to FILE (replaced atomically) instead of standard output\n"),
          out);
    fputs(_("  --force-vfio       plan for hot-plugging the first VFIO device\n"), out);
    cli_virt_usage(out);
    fputs(_("  --all              every domain of the connection: the host's fleet\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "force-vfio", no_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        { "all", no_argument, NULL, 'A' },
        CLI_VIRT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    struct cli_common o = { .host = "live", .format = "text" };
    struct cli_virt v = { 0 };
    bool force_vfio = false, all = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'H': o.host = optarg; break;
        case 'L': o.libvirt = optarg; break;
        case 'f': o.format = optarg; break;
        case 'o': o.output = optarg; break;
        case 'F': force_vfio = true; break;
        case 'h': report_usage(stdout); return 0;
        case 'A': all = true; break;
        default:
            if (cli_virt_option(&v, c, optarg))
                break;
            report_usage(stderr);
            return EXIT_INPUT;
        }
    }
    if (!strcmp(o.host, "list"))
        return cli_list_demo_hosts(stdout);
    enum report_format fmt;
    if (!report_format_parse(o.format, &fmt))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text, md, json or html"), o.format);
    if (all && (optind < argc || !v.uri))
        return cli_failf(EXIT_INPUT, _("report --all takes no guest arguments and needs "
                                       "--connect URI"));
    if (optind >= argc && !all) {
        report_usage(stderr);
        return cli_failf(EXIT_INPUT, _("report needs at least one guest XML file"));
    }
    size_t nstdin = 0;
    struct stat out_st;
    bool out_exists = o.output && strcmp(o.output, "-") && stat(o.output, &out_st) == 0 &&
                      S_ISREG(out_st.st_mode);
    for (int i = optind; i < argc; i++) {
        nstdin += !strcmp(argv[i], "-");
        /* A report written over one of its own guest XMLs is surely a slip. */
        struct stat in_st;
        if (out_exists && stat(argv[i], &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
            in_st.st_ino == out_st.st_ino)
            return cli_failf(EXIT_INPUT, _("-o %s names an input file"), o.output);
    }
    if (nstdin > 1)
        return cli_failf(EXIT_INPUT, _("standard input (-) can be read only once"));

    struct mp_error err = { 0 };
    bool beyond = false;
    const struct profile *profile = NULL;
    if (cli_virt_prepare(&v, argv + optind, argc - optind, true, &err) < 0 ||
        !(profile = cli_virt_profile(&v, o.libvirt, &beyond, &err))) {
        cli_virt_close(&v);
        return cli_fail(&err);
    }
    /* --all: the connection's domains by name, as the guest arguments. */
    struct virt_domain **doms = NULL;
    int ndoms = all ? virt_domain_list(v.conn, &doms, &err) : 0;
    char **names = NULL;
    if (ndoms < 0) {
        cli_virt_close(&v);
        return cli_fail(&err);
    }
    if (all) {
        names = xcalloc((size_t)ndoms + 1, sizeof(*names));
        for (int i = 0; i < ndoms; i++)
            names[i] = xstrdup(virt_domain_name(doms[i]));
        virt_domain_list_free(doms, ndoms);
        argv = names;
        argc = ndoms;
        optind = 0;
    }
    struct host *h = probe_load(o.host, &err);
    int rc = h ? 0 : cli_fail(&err);
    struct report rep;
    report_init(&rep, h, profile);
    for (int i = optind; i < argc && !rc; i++) {
        char *label = NULL;
        struct guest *g = cli_virt_load(&v, argv[i], &label, NULL, NULL, &err);
        if (!g) {
            rc = cli_fail(&err);
            break;
        }
        g->force_vfio = force_vfio;
        rc = report_add_guest(&rep, g, label, &err) < 0 ? cli_fail(&err) : 0;
        free(label);
        if (rc)
            break;
        cli_virt_note(&v, profile, &rep.guests[rep.n - 1].result.warnings);
        if (beyond)   /* as calc says it, so that the JSON objects match */
            msg_list_add(&rep.guests[rep.n - 1].result.warnings,
                         N_("libvirt %s is newer than the newest profile (%s) the "
                            "reference notes describe; its formula may differ"),
                         o.libvirt, profile->id);
    }
    if (!rc) {
        report_finish(&rep);
        if (report_write_file(&rep, fmt, o.output, &err) < 0)
            rc = cli_fail(&err);
    }
    report_free(&rep);
    host_free(h);
    for (int i = 0; names && i < ndoms; i++)
        free(names[i]);
    free(names);
    cli_virt_close(&v);
    return rc;
}

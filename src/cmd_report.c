/* memlock-planner report: the plan for one or more guests, as text,
 * Markdown, JSON or HTML; several guests form a fleet view. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "cli.h"
#include "commands.h"
#include "guest_xml.h"
#include "i18n.h"
#include "probe.h"
#include "report.h"

static void report_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner report [OPTIONS] GUEST.xml...\n"), out);
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
    fputs(_("  --headroom SIZE|N% above libvirt's figure in a recommended hard_limit\n"
            "                     (default 1 GiB; 0 for none)\n"), out);
    fputs(_("  --check            exit 3 when a guest, or the guests together, cannot start\n"
            "                     as defined, one line per reason on stderr\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

/* --check: each guest's reasons under its name, then the fleet's. */
static int report_check(const struct report *rep)
{
    int status = 0;
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        struct check_list l = { 0 };
        check_guest(rg->guest, rep->host, &rg->result, &l);
        char name[64];
        if (cli_check_report(&l, report_guest_name(rg, name, sizeof(name))))
            status = EXIT_CHECK;
        check_list_free(&l);
    }
    if (cli_check_report(&rep->fleet.checks, NULL))
        status = EXIT_CHECK;
    return status;
}

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "force-vfio", no_argument, NULL, 'F' },
        { "check", no_argument, NULL, 'C' },
        { "headroom", required_argument, NULL, 'R' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    struct cli_common o = { .host = "live", .format = "text" };
    bool force_vfio = false, check = false;
    const char *headroom = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'H': o.host = optarg; break;
        case 'L': o.libvirt = optarg; break;
        case 'f': o.format = optarg; break;
        case 'o': o.output = optarg; break;
        case 'F': force_vfio = true; break;
        case 'C': check = true; break;
        case 'R': headroom = optarg; break;
        case 'h': report_usage(stdout); return 0;
        default: report_usage(stderr); return EXIT_INPUT;
        }
    }
    if (!strcmp(o.host, "list"))
        return cli_list_demo_hosts(stdout);
    enum report_format fmt;
    if (!report_format_parse(o.format, &fmt))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text, md, json or html"), o.format);
    if (optind >= argc) {
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
    struct headroom hr = headroom_default();
    if (headroom && headroom_parse(headroom, &hr, &err) < 0)
        return cli_fail(&err);
    bool beyond = false;
    const struct profile *profile = cli_profile(o.libvirt, &beyond, &err);
    if (!profile)
        return cli_fail(&err);
    struct host *h = probe_load(o.host, &err);
    if (!h)
        return cli_fail(&err);
    struct report rep;
    report_init(&rep, h, profile);
    rep.headroom = hr;
    int rc = 0;
    for (int i = optind; i < argc && !rc; i++) {
        struct guest *g = guest_xml_load_file(argv[i], &err);
        if (!g) {
            rc = cli_fail(&err);
            break;
        }
        g->force_vfio = force_vfio;
        if (report_check_name(&rep, g, argv[i], &err) < 0) {
            guest_free(g);
            rc = cli_fail(&err);
            break;
        }
        if (report_add_guest(&rep, g, argv[i], &err) < 0) {
            rc = cli_fail(&err);
            break;
        }
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
    if (!rc && check)
        rc = report_check(&rep);
    report_free(&rep);
    host_free(h);
    return rc;
}

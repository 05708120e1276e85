/* memlock-planner probe: the host as the planner sees it. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "host_snapshot.h"
#include "commands.h"
#include "i18n.h"
#include "json.h"
#include "probe.h"
#include "probe_output.h"

static void probe_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner probe [OPTIONS]\n"), out);
    fputs(_("Show the host: PCI host bridges and their devices, drivers, IOMMU groups, NUMA\n"
            "nodes, NVLink2 bridges and the GPUs they serve.\n\n"), out);
    fputs(_("  --host SOURCE      live (default), none, demo:NAME, a snapshot file;\n"
            "                     'list' shows the demo hosts\n"), out);
    fputs(_("  --format FORMAT    text (default), json or xml (a host snapshot)\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

int cmd_probe(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *host_src = "live", *format = "text";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'H': host_src = optarg; break;
        case 'f': format = optarg; break;
        case 'h': probe_usage(stdout); return 0;
        default: probe_usage(stderr); return EXIT_INPUT;
        }
    }
    if (optind != argc) {
        probe_usage(stderr);
        return cli_failf(EXIT_INPUT, _("probe takes no arguments ('%s')"), argv[optind]);
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "xml"))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text, json or xml"), format);
    if (!strcmp(host_src, "list"))
        return cli_list_demo_hosts(stdout);

    struct mp_error err = { 0 };
    struct host *h = probe_load(host_src, &err);
    if (!h)
        return cli_fail(&err);
    int rc = 0;
    if (!strcmp(format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        probe_write_json(&j, h);
        json_finish(&j);
    } else if (!strcmp(format, "xml")) {
        rc = host_snapshot_write(stdout, h, &err);
    } else {
        probe_print_text(stdout, h);
    }
    host_free(h);
    if (rc < 0)
        return cli_fail(&err);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_failf(EXIT_INTERNAL, _("cannot write the result: %s"), strerror(errno));
    return 0;
}

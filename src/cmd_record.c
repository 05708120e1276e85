/* memlock-planner record: the host as a snapshot file, to plan elsewhere. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "commands.h"
#include "host_snapshot.h"
#include "i18n.h"
#include "probe.h"

static void record_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner record [OPTIONS]\n"), out);
    fputs(_("Save the host as a snapshot file (XML) that --host FILE loads elsewhere.\n\n"), out);
    fputs(_("  -o, --output FILE  write to FILE (replaced atomically); default: standard output\n"),
          out);
    fputs(_("  --host SOURCE      what to record: live (default), demo:NAME or a snapshot file\n"),
          out);
    fputs(_("  -h, --help         show this help\n"), out);
}

static int fill(FILE *out, void *ctx, struct mp_error *err)
{
    return host_snapshot_write(out, ctx, err);
}

int cmd_record(int argc, char **argv)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' },
        { "host", required_argument, NULL, 'H' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *output = NULL, *host_src = "live";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 'H': host_src = optarg; break;
        case 'h': record_usage(stdout); return 0;
        default: record_usage(stderr); return EXIT_INPUT;
        }
    }
    if (optind != argc) {
        record_usage(stderr);
        return cli_failf(EXIT_INPUT, _("record takes no arguments ('%s')"), argv[optind]);
    }
    if (!strcmp(host_src, "list"))
        return cli_list_demo_hosts(stdout);
    if (output && !*output)
        return cli_failf(EXIT_INPUT, _("-o: empty file name"));
    struct mp_error err = { 0 };
    struct host *h = probe_load(host_src, &err);
    if (!h)
        return cli_fail(&err);
    /* Replaced whole or not at all: readers never see half a snapshot. */
    int rc = output && strcmp(output, "-") ? atomic_file_write(output, fill, h, &err)
                                           : host_snapshot_write(stdout, h, &err);
    host_free(h);
    return rc < 0 ? cli_fail(&err) : 0;
}

/* memlock-planner tour: the guided walk on the AC922 demo host, printed. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_plan.h"
#include "commands.h"
#include "i18n.h"
#include "probe.h"
#include "tour.h"

static void tour_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner tour [--step N] [--format text|json]\n"), out);
    fputs(_("Walk through the limit on the AC922 demo host, one change at a time.\n"
            "In the planner (memlock-planner tui) press T for the same tour with Next/Back.\n\n"),
          out);
    fputs(_("  --step N           print only step N (1 is the start)\n"), out);
    fputs(_("  --format FORMAT    text (default), json, or xml: the guest of --step N as\n"
            "                     libvirt domain XML\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

int cmd_tour(int argc, char **argv)
{
    static const struct option opts[] = {
        { "step", required_argument, NULL, 's' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *format = "text";
    long step = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 's': {
            char *end;
            step = strtol(optarg, &end, 10);
            if (*end || step < 1 || (size_t)step > tour_nsteps())
                return cli_failf(EXIT_INPUT, _("--step %s: expected a number from 1 to %zu"),
                                 optarg, tour_nsteps());
            break;
        }
        case 'f': format = optarg; break;
        case 'h': tour_usage(stdout); return 0;
        default: return cli_failf(EXIT_INPUT, _("see 'tour --help'"));
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "xml"))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text, json or xml"), format);
    if (!strcmp(format, "xml")) {
        if (!step)
            return cli_failf(EXIT_INPUT, _("--format xml needs --step N (the guest of one step)"));
        tour_write_guest_xml(stdout, (size_t)step - 1);
        return cli_finish_output();
    }
    if (optind != argc)
        return cli_failf(EXIT_INPUT, _("tour takes no file arguments"));

    struct mp_error err = { 0 };
    struct host *h = probe_load(TOUR_HOST, &err);
    if (!h)
        return cli_fail(&err);
    int rc = 0;
    if (!strcmp(format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        rc = tour_write_json(&j, h, &err);
        json_finish(&j);
    } else {
        for (size_t i = step ? (size_t)step - 1 : 0; rc == 0 && i < tour_nsteps(); i++) {
            rc = tour_print_step(stdout, i, h, &err);
            if (step)
                break;
            fputc('\n', stdout);
        }
    }
    host_free(h);
    if (rc < 0)
        return cli_fail(&err);
    return cli_finish_output();
}

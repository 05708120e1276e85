#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_plan.h"
#include "guest_xml.h"
#include "i18n.h"
#include "probe.h"

void cli_plan_usage_options(FILE *out)
{
    fputs(_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file;\n"
            "                     'list' shows the demo hosts\n"), out);
    fputs(_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n"), out);
    fputs(_("  --format FORMAT    text (default) or json\n"), out);
    cli_virt_usage(out);
    fputs(_("  -h, --help         show this help\n"), out);
}

int cli_plan_load(int argc, char **argv, void (*usage)(FILE *out), struct cli_plan *plan)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        CLI_VIRT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    const char *host_src = "live", *version = NULL;
    memset(plan, 0, sizeof(*plan));
    plan->format = "text";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'H': host_src = optarg; break;
        case 'L': version = optarg; break;
        case 'f': plan->format = optarg; break;
        case 'h': usage(stdout); return 0;
        default:
            if (cli_virt_option(&plan->virt, c, optarg))
                break;
            return cli_failf(EXIT_INPUT, _("see '%s --help'"), argv[0]);
        }
    }
    if (!strcmp(host_src, "list"))
        return cli_list_demo_hosts(stdout);
    if (strcmp(plan->format, "text") && strcmp(plan->format, "json"))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text or json"), plan->format);
    if (optind != argc - 1)
        return cli_failf(EXIT_INPUT, _("%s takes exactly one guest XML file (or - for stdin)"),
                         argv[0]);
    struct mp_error err = { 0 };
    if (cli_virt_prepare(&plan->virt, argv + optind, 1, true, &err) < 0 ||
        !(plan->profile = cli_virt_profile(&plan->virt, version, &plan->beyond, &err)) ||
        !(plan->guest = cli_virt_load(&plan->virt, argv[optind], &plan->label, NULL, NULL,
                                      &err))) {
        cli_plan_free(plan);
        return cli_fail(&err);
    }
    plan->path = plan->label;
    plan->host = probe_load(host_src, &err);
    if (!plan->host) {
        cli_plan_free(plan);
        return cli_fail(&err);
    }
    return -1;
}

void cli_plan_free(struct cli_plan *plan)
{
    guest_free(plan->guest);
    host_free(plan->host);
    plan->guest = NULL;
    plan->host = NULL;
    cli_virt_close(&plan->virt);
    free(plan->label);
    plan->label = NULL;
}

int cli_finish_output(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_failf(EXIT_INTERNAL, _("cannot write the result: %s"), strerror(errno));
    return 0;
}

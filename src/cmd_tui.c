/* memlock-planner tui: the interactive planner (also the default on a terminal). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "guest_xml.h"
#include "i18n.h"
#include "keys.h"
#include "probe.h"
#include "tui.h"

static void tui_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner [tui] [OPTIONS] [GUEST.xml]\n"), out);
    fputs(_("Shape a guest and watch its memory-locking limit, every term explained.\n\n"), out);
    fputs(_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file;\n"
            "                     'list' shows the demo hosts\n"), out);
    fputs(_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n"), out);
    fputs(_("  --ascii            ASCII line drawing (default in non-UTF-8 locales, TERM=linux)\n"), out);
    fputs(_("  --no-color         no colours (also when NO_COLOR is set)\n"), out);
    fputs(_("  --no-mouse         leave mouse reporting off\n"), out);
    fputs(_("  --list-keys        print the planner's keys: mode, keys, what they do\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
    fputs(_("\nWithout GUEST.xml the planner starts a new guest for the host's architecture.\n"), out);
}

int cmd_tui(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "ascii", no_argument, NULL, 'a' },
        { "no-color", no_argument, NULL, 'C' },
        { "no-colour", no_argument, NULL, 'C' },
        { "no-mouse", no_argument, NULL, 'M' },
        { "list-keys", no_argument, NULL, 'K' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *host_src = "live", *version = NULL;
    struct crt_options co = { 0 };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'H': host_src = optarg; break;
        case 'L': version = optarg; break;
        case 'a': co.ascii = true; break;
        case 'C': co.no_color = true; break;
        case 'M': co.no_mouse = true; break;
        case 'K': keys_print(stdout); return 0;
        case 'h': tui_usage(stdout); return 0;
        default: tui_usage(stderr); return EXIT_INPUT;
        }
    }
    if (!strcmp(host_src, "list"))
        return cli_list_demo_hosts(stdout);
    if (argc - optind > 1) {
        tui_usage(stderr);
        return cli_failf(EXIT_INPUT, _("the planner takes at most one guest XML file"));
    }
    const char *path = optind < argc ? argv[optind] : NULL;
    if (path && !strcmp(path, "-"))
        return cli_failf(EXIT_INPUT, _("the planner reads keys from standard input: give the "
                                       "guest XML as a file"));

    struct mp_error err = { 0 };
    bool beyond = false;
    const struct profile *profile = cli_profile(version, &beyond, &err);
    if (!profile)
        return cli_fail(&err);
    struct host *h = probe_load(host_src, &err);
    if (!h)
        return cli_fail(&err);
    struct guest *g = path ? guest_xml_load_file(path, &err) : guest_new_for_arch(h->arch);
    if (!g) {
        host_free(h);
        return cli_fail(&err);
    }
    if (tui_run(h, g, profile, path, &co, &err) < 0)
        return cli_fail(&err);
    return 0;
}

/* memlock-planner: plan the memory-locking limit libvirt gives a QEMU guest. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "i18n.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;  /* msgid */
};

static const struct command commands[] = {
    { "calc", cmd_calc, N_("compute the limit for a guest XML and explain every term") },
    { "guests", cmd_guests, N_("list running QEMU guests with their limits and locked memory") },
    { "report", cmd_report, N_("write the plan for guests as text, Markdown, JSON or HTML") },
    { "apply", cmd_apply, N_("write a guest XML with the computed <memtune><hard_limit>") },
    { "probe", cmd_probe, N_("show the host: PCI tree, drivers, IOMMU groups, NVLink2 bridges") },
    { "record", cmd_record, N_("save the live host as a snapshot file for planning elsewhere") },
    { "compare", cmd_compare, N_("the same guest under every libvirt version's formula") },
    { "diff", cmd_diff, N_("two definitions of a guest: the limits term by term and what changed") },
    { "map", cmd_map, N_("a pseries guest's address space and DMA windows, drawn") },
    { "capacity", cmd_capacity, N_("how many guests of this shape fit, and what runs out first") },
    { "tour", cmd_tour, N_("a guided walk through the limit on the AC922 demo host") },
    { "tui", cmd_tui, N_("the interactive planner (the default on a terminal)") },
};

static void usage(FILE *out)
{
    fprintf(out, _("Usage: %s [COMMAND] [OPTIONS] [ARGS]\n"), "memlock-planner");
    fputs(_("Plan the memory-locking limit (RLIMIT_MEMLOCK) libvirt gives a QEMU guest.\n"), out);
    fputs("\n", out);
    fputs(_("Commands:\n"), out);
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fputs("\n", out);
    fputs(_("Options:\n"), out);
    fputs(_("  -h, --help      show this help and exit\n"), out);
    fputs(_("  -V, --version   show the version and exit\n"), out);
    fputs("\n", out);
    fputs(_("Run 'memlock-planner COMMAND --help' for a command's options.\n"), out);
    fputs(_("Exit status: 0 success, 1 internal error, 2 bad input, 3 --check found a reason\n"
            "the guest cannot start.\n"), out);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
#if ENABLE_NLS
    /* Tests and uninstalled builds point at their own compiled catalogs. */
    const char *localedir = getenv("MEMLOCK_PLANNER_LOCALEDIR");
    bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
    textdomain(PACKAGE);
#endif
    mp_i18n_init();
    if (argc >= 2) {
        if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
            printf("memlock-planner %s\n", PACKAGE_VERSION);
            return 0;
        }
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
            if (!strcmp(argv[1], commands[i].name))
                return commands[i].run(argc - 1, argv + 1);
        /* Options without a command are the planner's: memlock-planner --host demo:ac922 */
        if (argv[1][0] == '-' && argv[1][1])
            return cmd_tui(argc, argv);
        /* One line, as for every input error; --help has the list. */
        return cli_failf(EXIT_INPUT, _("unknown command '%s' (see 'memlock-planner --help')"),
                         argv[1]);
    }
    /* No command: the interactive planner on a terminal, the usage elsewhere. */
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        return cmd_tui(argc, argv);
    usage(stderr);
    return EXIT_INPUT;
}

/* memlock-planner: plan the memory-locking limit libvirt gives a QEMU guest. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "close_stdout.h"
#include "command.h"
#include "i18n.h"

static void usage(FILE *out)
{
    fprintf(out, _("Usage: %s [COMMAND] [OPTIONS] [ARGS]\n"), "memlock-planner");
    fputs(_("Plan the memory-locking limit (RLIMIT_MEMLOCK) libvirt gives a QEMU guest.\n"), out);
    fputs("\n", out);
    fputs(_("Commands:\n"), out);
    for (size_t i = 0; i < n_commands; i++)
        if (!(commands[i].flags & HIDE_IN_LIST))
            fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
    fputs("\n", out);
    fputs(_("Options:\n"), out);
    fputs(_("  -h, --help      show this help and exit\n"), out);
    fputs(_("  -V, --version   show the version and exit\n"), out);
    fputs("\n", out);
    fputs(_("Run 'memlock-planner COMMAND --help' for a command's options.\n"), out);
    fputs(_("Exit status: 0 success, 1 internal error, 2 bad input, 3 --check found a reason\n"
            "the guest cannot start (explain: no memory-locking failure in the log).\n"), out);
}

/* A first argument that is no command but looks like a file is the guest
 * the planner opens: memlock-planner GUEST.xml */
static bool looks_like_file(const char *arg)
{
    return strchr(arg, '/') || strchr(arg, '.') || access(arg, F_OK) == 0;
}

int main(int argc, char **argv)
{
    close_stdout_init();
    setlocale(LC_ALL, "");
#if ENABLE_NLS
    /* Tests and uninstalled builds point at their own compiled catalogs. */
    const char *localedir = getenv("MEMLOCK_PLANNER_LOCALEDIR");
    bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
    textdomain(PACKAGE);
#endif
    mp_i18n_init();
    const struct command *tui = command_find("tui");
    if (argc < 2) {
        /* No command: the interactive planner on a terminal, the usage elsewhere. */
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
            return cli_front_run(tui, argc, argv);
        usage(stderr);
        return EXIT_INPUT;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("memlock-planner %s\n", PACKAGE_VERSION);
        return 0;
    }
    const struct command *cmd = command_find(argv[1]);
    if (cmd)
        return cli_front_run(cmd, argc - 1, argv + 1);
    /* Options without a command, or a guest file, are the planner's:
     * memlock-planner --host demo:ac922, memlock-planner guest.xml */
    if ((argv[1][0] == '-' && argv[1][1]) || looks_like_file(argv[1]))
        return cli_front_run(tui, argc, argv);
    /* One line, as for every input error; --help has the list. */
    return cli_failf(EXIT_INPUT, _("unknown command '%s' (see 'memlock-planner --help')"),
                     argv[1]);
}

/* The common front of every subcommand: options, --help, --host list, the
 * file arguments, and loading profile, guest and host. Bad input is one line
 * on stderr and exit status 2, the same for every command. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "command.h"
#include "guest_xml.h"
#include "i18n.h"
#include "keys.h"
#include "probe.h"

/* getopt_long values of options without a short name. */
#define LONG_BASE 256

static void usage(const struct command *cmd, FILE *out)
{
    fputs(_(cmd->usage), out);
    fputs(_(cmd->help), out);
    for (int id = 0; id < O_COUNT; id++)
        if (cmd->options & OPT(id))
            fputs(_(cmd->opt_help[id] ? cmd->opt_help[id] : cli_options[id].help), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

static int bad_input(const struct command *cmd, const char *what, const char *arg)
{
    return cli_failf(EXIT_INPUT, what, cmd->name, arg, cmd->name);
}

static int parse_options(const struct command *cmd, int argc, char **argv, struct cli_run *r)
{
    struct option longopts[2 * O_COUNT + 2];
    char shortopts[2 * O_COUNT + 4] = ":h";
    size_t nl = 0, ns = strlen(shortopts);
    for (int id = 0; id < O_COUNT; id++) {
        const struct cli_option *o = &cli_options[id];
        if (!(cmd->options & OPT(id)))
            continue;
        int val = o->short_name ? o->short_name : LONG_BASE + id;
        int has = o->has_arg ? required_argument : no_argument;
        longopts[nl++] = (struct option){ o->name, has, NULL, val };
        if (o->alias)
            longopts[nl++] = (struct option){ o->alias, has, NULL, val };
        if (o->short_name) {
            shortopts[ns++] = o->short_name;
            if (o->has_arg)
                shortopts[ns++] = ':';
        }
    }
    longopts[nl++] = (struct option){ "help", no_argument, NULL, 'h' };
    longopts[nl] = (struct option){ NULL, 0, NULL, 0 };
    shortopts[ns] = '\0';

    optind = 0;  /* 0: glibc starts afresh (the front may run more than once in tests) */
    opterr = 0;  /* our one line instead of getopt's */
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == 'h') {
            usage(cmd, stdout);
            return 0;
        }
        if (c == ':')
            return bad_input(cmd, _("%s: option '%s' needs an argument (see 'memlock-planner "
                                    "%s --help')"), argv[optind - 1]);
        if (c == '?' && optopt && !strncmp(argv[optind - 1], "--", 2))  /* --flag=VALUE */
            return bad_input(cmd, _("%s: option '%s' takes no argument (see 'memlock-planner "
                                    "%s --help')"), argv[optind - 1]);
        if (c == '?') {
            char opt[3] = { '-', (char)optopt, '\0' };
            return bad_input(cmd, _("%s: unknown option '%s' (see 'memlock-planner %s "
                                    "--help')"), optopt > 0 ? opt : argv[optind - 1]);
        }
        int id = 0;
        while (id < O_COUNT && (cli_options[id].short_name ? cli_options[id].short_name
                                                           : LONG_BASE + id) != c)
            id++;
        if (id == O_COUNT)
            abort();
        char *field = (char *)r + cli_options[id].offset;
        if (cli_options[id].has_arg)
            *(const char **)field = optarg;
        else
            *(bool *)field = true;
    }
    r->nargs = argc - optind;
    r->args = argv + optind;
    return -1;
}

/* --connect, --live, --config, --readonly, --all: into r->virt. */
static int check_virt(const struct command *cmd, struct cli_run *r)
{
    if (r->live && r->config)
        return cli_failf(EXIT_INPUT, _("%s: --live and --config exclude each other"), cmd->name);
    if (r->all && (!r->connect || r->nargs))
        return cli_failf(EXIT_INPUT, _("%s --all takes no guest arguments and needs --connect "
                                       "URI"), cmd->name);
    r->virt.uri = r->connect;
    r->virt.which = r->live ? VIRT_LIVE : r->config ? VIRT_CONFIG : VIRT_CURRENT;
    r->virt.readonly = r->readonly || r->dry_run || !(cmd->flags & VIRT_WRITE);
    return -1;
}

/* The option values and file arguments make sense together. */
static int check(const struct command *cmd, struct cli_run *r)
{
    int rc = check_virt(cmd, r);
    if (rc >= 0)
        return rc;
    /* A domain is changed through libvirt, never written to a file. */
    bool domain = r->nargs && cli_virt_is_domain(&r->virt, r->args[0]);
    if (r->host_src && !strcmp(r->host_src, "list"))
        return cli_list_demo_hosts(stdout);
    if (r->list_keys) {
        keys_print(stdout);
        return cli_finish_output();
    }
    if (cmd->formats) {
        size_t i = 0;
        r->format_given = r->format != NULL;
        if (!r->format)
            r->format = cmd->formats[0];
        while (cmd->formats[i] && strcmp(cmd->formats[i], r->format))
            i++;
        if (!cmd->formats[i]) {
            char list[80] = "";
            for (i = 0; cmd->formats[i]; i++)
                snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
                         i ? ", " : "", cmd->formats[i]);
            return cli_failf(EXIT_INPUT, _("--format %s: expected one of %s"), r->format, list);
        }
    }
    if (r->output && !*r->output)
        return cli_failf(EXIT_INPUT, _("-o: empty file name"));
    if ((cmd->flags & NEED_OUTPUT) && !r->output && !domain)
        return cli_failf(EXIT_INPUT, _("%s needs -o FILE (it never writes over its input "
                                       "unless -o names it)"), cmd->name);
    switch (cmd->args) {
    case ARGS_NONE:
        if (r->nargs)
            return cli_failf(EXIT_INPUT, _("%s takes no arguments ('%s')"), cmd->name,
                             r->args[0]);
        break;
    case ARGS_ONE:
        if (r->nargs != 1)
            return cli_failf(EXIT_INPUT, _("%s takes exactly one guest XML file (or - for "
                                           "stdin)"), cmd->name);
        break;
    case ARGS_OPTIONAL:
        if (r->nargs > 1)
            return cli_failf(EXIT_INPUT, _("%s takes at most one guest XML file"), cmd->name);
        if (r->nargs && !strcmp(r->args[0], "-"))
            return cli_failf(EXIT_INPUT, _("%s reads keys from standard input: give the "
                                           "guest XML as a file"), cmd->name);
        break;
    case ARGS_STREAM:
        /* With --connect the domain comes first: NAME [LOG]. */
        if (r->nargs > (r->connect ? 2 : 1))
            return cli_failf(EXIT_INPUT, r->connect ? _("%s --connect takes a domain and at most "
                                                        "one log")
                                                    : _("%s reads at most one file (none or - "
                                                        "for standard input)"), cmd->name);
        if (r->connect && !r->nargs)
            return cli_failf(EXIT_INPUT, _("%s --connect needs the domain's name or UUID"),
                             cmd->name);
        break;
    case ARGS_SOME:
        if (!r->nargs && !r->all)
            return cli_failf(EXIT_INPUT, _("%s needs at least one guest XML file"), cmd->name);
        break;
    case ARGS_TWO:
        if (r->nargs != 2)
            return cli_failf(EXIT_INPUT, _("%s takes two guest XML files, OLD and NEW (- for "
                                           "standard input)"), cmd->name);
        if (!strcmp(r->args[0], "-") && !strcmp(r->args[1], "-"))
            return cli_failf(EXIT_INPUT, _("standard input (-) can be read only once"));
        break;
    }
    return -1;
}

static int load(const struct command *cmd, struct cli_run *r)
{
    struct mp_error err = { 0 };
    /* Domains among the arguments (or --connect): the connection first, since
     * its libvirt names the release. */
    if ((cmd->options & OPT(O_CONNECT)) &&
        cli_virt_prepare(&r->virt, r->args, r->nargs, r->virt.readonly, &err) < 0)
        return cli_fail(&err);
    /* A bad --libvirt is reported first; the host may name the release. */
    if ((cmd->flags & LOAD_PROFILE) && cli_choose(r->libvirt, NULL, &r->choice, &err) < 0)
        return cli_fail(&err);
    /* A domain, a file, or (NEW_GUEST_OK) a file that does not exist yet. */
    bool domain = r->nargs && cli_virt_is_domain(&r->virt, r->args[0]);
    bool absent = !domain && (cmd->flags & NEW_GUEST_OK) && r->nargs &&
                  access(r->args[0], F_OK) < 0 && errno == ENOENT;
    if ((cmd->flags & LOAD_GUEST) && r->nargs && !absent) {
        char *label = NULL;
        r->guest = cli_virt_load(&r->virt, r->args[0], &label, &err);
        free(label);
        if (!r->guest)
            return cli_fail(&err);
        r->guest->force_vfio = r->force_vfio;
    }
    if (cmd->flags & LOAD_HOST) {
        r->host = probe_load(r->host_src, &err);
        if (!r->host)
            return cli_fail(&err);
    }
    if (cmd->flags & LOAD_PROFILE) {
        /* Without --libvirt the connection's libvirt decides, else the host's. */
        int chosen = r->libvirt ? 0 : cli_virt_choose(&r->virt, &r->choice, &err);
        if (chosen < 0)
            return cli_fail(&err);
        if (!chosen)
            cli_choose(r->libvirt, r->host, &r->choice, NULL);
        r->profile = r->choice.profile;
        r->beyond = r->choice.beyond;
    }
    return -1;
}

int cli_front_run(const struct command *cmd, int argc, char **argv)
{
    struct cli_run r = { .cmd = cmd, .host_src = cmd->host_default ? cmd->host_default : "live" };
    int rc = parse_options(cmd, argc, argv, &r);
    if (rc < 0)
        rc = check(cmd, &r);
    if (rc < 0)
        rc = load(cmd, &r);
    if (rc < 0)
        rc = cmd->run(&r);
    guest_free(r.guest);
    host_free(r.host);
    cli_virt_close(&r.virt);
    return rc;
}

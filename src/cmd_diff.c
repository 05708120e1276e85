/* memlock-planner diff: two definitions of a guest, their limits term by
 * term and what in the definitions caused each change (core/limit_diff.c). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_plan.h"
#include "commands.h"
#include "guest_xml.h"
#include "i18n.h"
#include "json.h"
#include "limit_diff.h"
#include "probe.h"

static void diff_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner diff [OPTIONS] OLD.xml NEW.xml\n"), out);
    fputs(_("Compare the limits of two definitions of a guest term by term and name what in\n"
            "the definitions caused each change. Either file may be - (standard input).\n\n"),
          out);
    fputs(_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file;\n"
            "                     'list' shows the demo hosts\n"), out);
    fputs(_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n"), out);
    fputs(_("  --old-libvirt VERSION\n"
            "                     OLD.xml under that version's formula (default: --libvirt)\n"),
          out);
    fputs(_("  --format FORMAT    text (default) or json\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

/* The same file named twice (or the same path): nothing to compare. */
static bool same_file(const char *a, const char *b)
{
    if (!strcmp(a, "-") || !strcmp(b, "-"))
        return false;
    if (!strcmp(a, b))
        return true;
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static int run(const char *old_path, const char *new_path, const struct profile *old_p,
               const struct profile *new_p, const char *host_src, bool json)
{
    struct mp_error err = { 0 };
    struct guest *o = guest_xml_load_file(old_path, &err);
    if (!o)
        return cli_fail(&err);
    struct guest *n = guest_xml_load_file(new_path, &err);
    if (!n) {
        guest_free(o);
        return cli_fail(&err);
    }
    struct host *h = probe_load(host_src, &err);
    if (!h) {
        guest_free(o);
        guest_free(n);
        return cli_fail(&err);
    }
    struct limit_diff d;
    int rc = limit_diff_run(o, old_p, n, new_p, h, &d, &err);
    guest_free(o);
    guest_free(n);
    host_free(h);
    if (rc < 0)
        return cli_failf(err.kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL, "%s", err.text);
    if (json) {
        struct json j;
        json_init(&j, stdout, true);
        limit_diff_write_json(&j, &d);
        json_finish(&j);
    } else {
        limit_diff_print_text(stdout, &d);
    }
    limit_diff_free(&d);
    return cli_finish_output();
}

int cmd_diff(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "old-libvirt", required_argument, NULL, 'O' },
        { "format", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *host_src = "live", *version = NULL, *old_version = NULL, *format = "text";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'H': host_src = optarg; break;
        case 'L': version = optarg; break;
        case 'O': old_version = optarg; break;
        case 'f': format = optarg; break;
        case 'h': diff_usage(stdout); return 0;
        default:
            return cli_failf(EXIT_INPUT, _("diff: unknown option or missing argument '%s' (see "
                                           "'memlock-planner diff --help')"), argv[optind - 1]);
        }
    }
    if (!strcmp(host_src, "list"))
        return cli_list_demo_hosts(stdout);
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text or json"), format);
    if (optind != argc - 2)
        return cli_failf(EXIT_INPUT, _("diff takes two guest XML files, OLD and NEW (- for "
                                       "standard input)"));
    const char *old_path = argv[optind], *new_path = argv[optind + 1];
    if (!strcmp(old_path, "-") && !strcmp(new_path, "-"))
        return cli_failf(EXIT_INPUT, _("standard input (-) can be read only once"));
    struct mp_error err = { 0 };
    bool beyond = false, old_beyond = false;
    const struct profile *new_p = cli_profile(version, &beyond, &err);
    if (!new_p)
        return cli_fail(&err);
    const struct profile *old_p = old_version ? cli_profile(old_version, &old_beyond, &err) : new_p;
    if (!old_p)
        return cli_fail(&err);
    if (old_p == new_p && same_file(old_path, new_path))
        return cli_failf(EXIT_INPUT, _("diff: %s and %s are the same file under the same "
                                       "profile: nothing to compare"), old_path, new_path);
    return run(old_path, new_path, old_p, new_p, host_src, !strcmp(format, "json"));
}

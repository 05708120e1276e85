/* memlock-planner apply: the guest XML written back with the computed
 * <memtune><hard_limit>, every other byte as it was. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply_virt.h"
#include "cli.h"
#include "cli_virt.h"
#include "commands.h"
#include "guest_xml.h"
#include "guest_xml_apply.h"
#include "i18n.h"
#include "probe.h"
#include "report_rec.h"
#include "size.h"

static void apply_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner apply [OPTIONS] GUEST.xml -o NEW.xml\n"
            "       memlock-planner apply --connect URI [OPTIONS] DOMAIN\n"), out);
    fputs(_("Write the guest XML with the computed <memtune><hard_limit unit='KiB'>; nothing\n"
            "else in the file changes. NEW.xml is replaced atomically; - writes to standard\n"
            "output.\n\n"), out);
    fputs(_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file\n"),
          out);
    fputs(_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n"), out);
    fputs(_("  -o, --output FILE  where to write (required; may name GUEST.xml itself)\n"), out);
    fputs(_("  --force-vfio       plan for hot-plugging the first VFIO device\n"), out);
    fputs(_("  --dry-run          say what would be written or set, change nothing\n"), out);
    cli_virt_usage(out);
    fputs(_("With --connect the domain's persistent definition gets the hard_limit through\n"
            "libvirt (virDomainSetMemoryParameters; --live: the running domain too), which\n"
            "is then read back; no file is written.\n"), out);
    fputs(_("  -h, --help         show this help\n"), out);
}

int cmd_apply(int argc, char **argv)
{
    static const struct option opts[] = {
        { "host", required_argument, NULL, 'H' },
        { "libvirt", required_argument, NULL, 'L' },
        { "output", required_argument, NULL, 'o' },
        { "force-vfio", no_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        { "dry-run", no_argument, NULL, 'n' },
        CLI_VIRT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    struct cli_common o = { .host = "live" };
    struct cli_virt v = { 0 };
    bool force_vfio = false, dry_run = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'H': o.host = optarg; break;
        case 'L': o.libvirt = optarg; break;
        case 'o': o.output = optarg; break;
        case 'F': force_vfio = true; break;
        case 'h': apply_usage(stdout); return 0;
        case 'n': dry_run = true; break;
        default:
            if (cli_virt_option(&v, c, optarg))
                break;
            apply_usage(stderr);
            return EXIT_INPUT;
        }
    }
    if (optind != argc - 1) {
        apply_usage(stderr);
        return cli_failf(EXIT_INPUT, _("apply takes exactly one guest XML file"));
    }
    if (cli_virt_is_domain(&v, argv[optind])) {
        if (o.output)
            return cli_failf(EXIT_INPUT, _("apply --connect sets hard_limit through libvirt and "
                                           "writes no file: drop -o"));
        return apply_virt(&o, &v, argv[optind], force_vfio, dry_run);
    }
    if (!o.output)
        return cli_failf(EXIT_INPUT, _("apply needs -o FILE (it never writes over its input "
                                       "unless -o names it)"));
    const char *in = argv[optind];

    struct mp_error err = { 0 };
    bool beyond = false;
    const struct profile *profile = cli_profile(o.libvirt, &beyond, &err);
    if (!profile)
        return cli_fail(&err);
    size_t len;
    char *buf = guest_xml_read(in, &len, &err);
    if (!buf)
        return cli_fail(&err);
    struct guest *g = guest_xml_load_memory(buf, len, in, &err);
    if (!g) {
        free(buf);
        return cli_fail(&err);
    }
    g->force_vfio = force_vfio;
    struct host *h = probe_load(o.host, &err);
    int rc = 0;
    struct memlock_rec rec = { 0 };
    if (!h) {
        rc = cli_fail(&err);
    } else if (memlock_recommend(g, h, profile, &rec, &err) < 0) {
        rc = cli_failf(err.kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL, "%s: %s", in,
                       err.text);
    } else if (rec.kind != REC_HARD_LIMIT) {
        rc = cli_failf(EXIT_INPUT, _("%s: no hard_limit written: %s"), in,
                       rec.notes.n ? rec.notes.items[0].local : rec_kind_id(rec.kind));
    } else if (dry_run) {
        printf(_("dry run: would write %s with hard_limit %" PRIu64 " KiB\n"), o.output,
               rec.kib);
    } else if (guest_xml_apply_buffer(buf, len, in, rec.kib, o.output, &err) < 0) {
        rc = cli_fail(&err);
    } else if (strcmp(o.output, "-")) {
        char human[32];
        size_format_kib(rec.kib, human, sizeof(human));
        printf(_("%s: hard_limit %" PRIu64 " KiB (%s)\n"), o.output, rec.kib, human);
    }
    memlock_rec_free(&rec);
    host_free(h);
    guest_free(g);
    free(buf);
    return rc;
}

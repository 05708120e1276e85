/* memlock-planner record: the host as a snapshot file, to plan elsewhere. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "host_snapshot.h"
#include "i18n.h"
#include "probe.h"
#include "text_safe.h"
#include "xalloc.h"

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

/* Writes next to `path` and renames over it: readers never see half a file. */
static int save_atomic(const char *path, const struct host *h, struct mp_error *err)
{
    char *safe = text_safe_dup(path);
    char *copy = xstrdup(path);
    char *tmp = xasprintf("%s/.%s.XXXXXX", dirname(copy), "memlock-planner-record");
    int rc = -1;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot create a file in its directory: %s"), safe,
                     strerror(errno));
        goto out;
    }
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        mp_error_set(err, MP_ERR_INTERNAL, _("%s: %s"), safe, strerror(errno));
        unlink(tmp);
        goto out;
    }
    rc = host_snapshot_write(f, h, err);
    if (rc == 0 && fsync(fileno(f)) < 0)
        rc = mp_error_set(err, MP_ERR_INTERNAL, _("%s: cannot write: %s"), safe, strerror(errno));
    if (fclose(f) != 0 && rc == 0)
        rc = mp_error_set(err, MP_ERR_INTERNAL, _("%s: cannot write: %s"), safe, strerror(errno));
    if (rc == 0 && rename(tmp, path) < 0)
        rc = mp_error_set(err, MP_ERR_INPUT, _("%s: cannot replace: %s"), safe, strerror(errno));
    if (rc < 0)
        unlink(tmp);
out:
    free(tmp);
    free(copy);
    free(safe);
    return rc;
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
    int rc = output && strcmp(output, "-") ? save_atomic(output, h, &err)
                                           : host_snapshot_write(stdout, h, &err);
    host_free(h);
    return rc < 0 ? cli_fail(&err) : 0;
}

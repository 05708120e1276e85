#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "close_stdout.h"
#include "command.h"
#include "i18n.h"
#include "probe.h"
#include "text_safe.h"

/* Every message of the command line leaves here: the whole line made safe
 * for a terminal (core/text_safe.c), so no argument echoed in it (a file
 * name, a --libvirt value, a guest name) reaches the terminal raw. */
static void print_line(const char *text)
{
    char *safe = text_safe_dup(text);
    fprintf(stderr, "memlock-planner: %s\n", safe);
    free(safe);
    close_stdout_error_reported();
}

int cli_fail(const struct mp_error *err)
{
    print_line(err->text);
    return err->kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL;
}

int cli_failf(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    if (vasprintf(&text, fmt, ap) < 0)
        text = NULL;
    va_end(ap);
    print_line(text ? text : fmt);
    free(text);
    return status;
}

int cli_fail_file(const char *path, const struct mp_error *err)
{
    return cli_failf(err->kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL, "%s: %s", path,
                     err->text);
}

int cli_choose(const char *version, const struct host *h, struct profile_choice *c,
               struct mp_error *err)
{
    if (version)
        return profile_choose(version, N_("--libvirt"), c, err);
    /* The host's own libvirt decides, as it sets the limit: found on the live
     * host, or recorded in a snapshot. */
    if (h && h->libvirt && profile_choose(h->libvirt, h->libvirt_source, c, NULL) == 0)
        return 0;
    return profile_choose(NULL, NULL, c, err);
}

void cli_note_choice(const struct cli_run *r, struct memlock_result *res)
{
    memlock_note_choice(res, &r->choice);
}

int cli_list_demo_hosts(FILE *out)
{
    size_t n;
    const struct demo_host_info *d = probe_demo_list(&n);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "demo:%-14s %s\n", d[i].name, _(d[i].description));
    return 0;
}

int cli_finish_output(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_failf(EXIT_INTERNAL, _("cannot write the result: %s"), strerror(errno));
    return 0;
}

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "cli.h"
#include "i18n.h"
#include "probe.h"

int cli_fail(const struct mp_error *err)
{
    fprintf(stderr, "memlock-planner: %s\n", err->text);
    return err->kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL;
}

int cli_failf(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("memlock-planner: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return status;
}

const struct profile *cli_profile(const char *version, bool *beyond, struct mp_error *err)
{
    *beyond = false;
    if (!version)
        return profile_default();
    const struct profile *p = profile_for_version(version, beyond);
    if (!p) {
        struct libvirt_version v;
        if (profile_parse_version(version, &v))
            mp_error_set(err, MP_ERR_INPUT,
                         _("--libvirt %s: older than the oldest profile (libvirt %s)"),
                         version, profiles[0].id);
        else
            mp_error_set(err, MP_ERR_INPUT,
                         _("--libvirt %s: not a libvirt release number (X.Y or X.Y.Z)"), version);
        return NULL;
    }
    return p;
}

int cli_list_demo_hosts(FILE *out)
{
    size_t n;
    const struct demo_host_info *d = probe_demo_list(&n);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "demo:%-14s %s\n", d[i].name, _(d[i].description));
    return 0;
}

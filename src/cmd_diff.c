/* memlock-planner diff: two definitions of a guest, their limits term by
 * term and what in the definitions caused each change (core/limit_diff.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_virt.h"
#include "commands.h"
#include "i18n.h"
#include "json.h"
#include "limit_diff.h"

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

int cmd_diff(struct cli_run *r)
{
    const char *old_path = r->args[0], *new_path = r->args[1];
    struct mp_error err = { 0 };
    const struct profile *old_p = r->profile;
    if (r->old_libvirt) {
        struct profile_choice choice;
        if (profile_choose(r->old_libvirt, N_("--old-libvirt"), &choice, &err) < 0)
            return cli_fail(&err);
        old_p = choice.profile;
    }
    if (old_p == r->profile && same_file(old_path, new_path))
        return cli_failf(EXIT_INPUT, _("diff: %s and %s are the same file under the same "
                                       "profile: nothing to compare"), old_path, new_path);
    /* Files, or domains with --connect (or LIBVIRT_DEFAULT_URI), as calc reads them. */
    char *label = NULL;
    struct guest *o = cli_virt_load(&r->virt, old_path, &label, &err);
    free(label);
    if (!o)
        return cli_fail(&err);
    label = NULL;
    struct guest *n = cli_virt_load(&r->virt, new_path, &label, &err);
    free(label);
    if (!n) {
        guest_free(o);
        return cli_fail(&err);
    }
    o->force_vfio = n->force_vfio = r->force_vfio;
    struct limit_diff d;
    const char *const paths[2] = { old_path, new_path };
    int rc = limit_diff_run(o, old_p, n, r->profile, r->host, paths, &d, &err);
    guest_free(o);
    guest_free(n);
    if (rc < 0)
        return cli_failf(err.kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL, "%s", err.text);
    if (!strcmp(r->format, "json")) {
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

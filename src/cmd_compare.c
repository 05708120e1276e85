/* memlock-planner compare: one guest under every libvirt profile. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "cli_plan.h"
#include "commands.h"
#include "i18n.h"
#include "profile_compare.h"

static void compare_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner compare [OPTIONS] GUEST.xml|-\n"), out);
    fputs(_("Compute the guest's limit under every libvirt profile and mark what differs.\n\n"), out);
    cli_plan_usage_options(out);
}

int cmd_compare(int argc, char **argv)
{
    struct cli_plan plan;
    int rc = cli_plan_load(argc, argv, compare_usage, &plan);
    if (rc >= 0)
        return rc;
    struct profile_compare c;
    struct mp_error err = { 0 };
    rc = profile_compare_run(plan.guest, plan.host, &c, &err);
    if (rc < 0) {
        rc = cli_failf(EXIT_INPUT, "%s: %s", plan.path, err.text);
        cli_plan_free(&plan);
        return rc;
    }
    if (!strcmp(plan.format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        profile_compare_write_json(&j, &c);
        json_finish(&j);
    } else {
        profile_compare_print_text(stdout, &c);
    }
    profile_compare_free(&c);
    cli_plan_free(&plan);
    return cli_finish_output();
}

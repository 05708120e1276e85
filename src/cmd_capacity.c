/* memlock-planner capacity: how many guests of this shape the host runs. */
#include "config.h"

#include <string.h>

#include "capacity.h"
#include "cli.h"
#include "cli_plan.h"
#include "commands.h"
#include "i18n.h"

static void capacity_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner capacity [OPTIONS] GUEST.xml|-\n"), out);
    fputs(_("Count how many guests of this shape fit on the host and what runs out first:\n"
            "host RAM or the IOMMU groups their devices need.\n\n"), out);
    cli_plan_usage_options(out);
}

int cmd_capacity(int argc, char **argv)
{
    struct cli_plan plan;
    int rc = cli_plan_load(argc, argv, capacity_usage, &plan);
    if (rc >= 0)
        return rc;
    struct memlock_result r;
    struct mp_error err = { 0 };
    if (memlock_compute(plan.guest, plan.host, plan.profile, &r, &err) < 0) {
        rc = cli_failf(EXIT_INPUT, "%s: %s", plan.path, err.text);
        cli_plan_free(&plan);
        return rc;
    }
    struct capacity c;
    capacity_compute(plan.guest, plan.host, &r, &c);
    if (!strcmp(plan.format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        capacity_write_json(&j, &c);
        json_finish(&j);
    } else {
        capacity_print_text(stdout, &c);
    }
    capacity_free(&c);
    memlock_result_free(&r);
    cli_plan_free(&plan);
    return cli_finish_output();
}

/* memlock-planner map: the pseries guest's address space and DMA windows. */
#include "config.h"

#include <string.h>

#include "address_map.h"
#include "cli.h"
#include "cli_plan.h"
#include "commands.h"
#include "i18n.h"

static void map_usage(FILE *out)
{
    fputs(_("Usage: memlock-planner map [OPTIONS] GUEST.xml|-\n"), out);
    fputs(_("Draw the pseries guest's address space on a log scale: RAM, the MMIO window,\n"
            "NVLink2 GPU RAM, and each PHB's DMA windows with their TCE tables.\n\n"), out);
    cli_plan_usage_options(out);
}

int cmd_map(int argc, char **argv)
{
    struct cli_plan plan;
    int rc = cli_plan_load(argc, argv, map_usage, &plan);
    if (rc >= 0)
        return rc;
    struct address_map m;
    struct mp_error err = { 0 };
    rc = address_map_build(plan.guest, plan.host, plan.profile, &m, &err);
    if (rc < 0) {
        rc = cli_failf(EXIT_INPUT, "%s: %s", plan.path, err.text);
        cli_plan_free(&plan);
        return rc;
    }
    if (!strcmp(plan.format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        address_map_write_json(&j, &m);
        json_finish(&j);
    } else {
        address_map_print_text(stdout, &m, 40);
    }
    address_map_free(&m);
    cli_plan_free(&plan);
    return cli_finish_output();
}

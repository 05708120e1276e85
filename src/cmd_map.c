/* memlock-planner map: the pseries guest's address space and DMA windows. */
#include "config.h"

#include <string.h>

#include "address_map.h"
#include "cli.h"
#include "commands.h"

int cmd_map(struct cli_run *r)
{
    struct address_map m;
    struct mp_error err = { 0 };
    if (address_map_build(r->guest, r->host, r->profile, &m, &err) < 0)
        return cli_fail_file(r->args[0], &err);
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        address_map_write_json(&j, &m);
        json_finish(&j);
    } else {
        address_map_print_text(stdout, &m, 40);
    }
    address_map_free(&m);
    return cli_finish_output();
}

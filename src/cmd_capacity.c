/* memlock-planner capacity: how many guests of this shape the host runs. */
#include "config.h"

#include <string.h>

#include "capacity.h"
#include "cli.h"
#include "commands.h"

int cmd_capacity(struct cli_run *r)
{
    struct memlock_result res;
    struct mp_error err = { 0 };
    if (memlock_compute(r->guest, r->host, r->profile, &res, &err) < 0)
        return cli_fail_file(r->args[0], &err);
    struct capacity c;
    capacity_compute(r->guest, r->host, &res, &c);
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        capacity_write_json(&j, &c);
        json_finish(&j);
    } else {
        capacity_print_text(stdout, &c);
    }
    capacity_free(&c);
    memlock_result_free(&res);
    return cli_finish_output();
}

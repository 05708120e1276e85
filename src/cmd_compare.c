/* memlock-planner compare: one guest under every libvirt profile. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "commands.h"
#include "profile_compare.h"

int cmd_compare(struct cli_run *r)
{
    struct profile_compare c;
    struct mp_error err = { 0 };
    if (profile_compare_run(r->guest, r->host, &c, &err) < 0)
        return cli_fail_file(r->args[0], &err);
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        profile_compare_write_json(&j, &c);
        json_finish(&j);
    } else {
        profile_compare_print_text(stdout, &c);
        profile_compare_print_steps(stdout, &c);
    }
    profile_compare_free(&c);
    return cli_finish_output();
}

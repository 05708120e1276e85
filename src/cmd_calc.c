/* memlock-planner calc: the limit for one guest XML, every term explained. */
#include "config.h"

#include <string.h>

#include "check.h"
#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "json.h"
#include "memlock_output.h"

int cmd_calc(struct cli_run *r)
{
    struct memlock_result res;
    struct mp_error err = { 0 };
    if (memlock_compute(r->guest, r->host, r->profile, &res, &err) < 0)
        return cli_fail_file(r->args[0], &err);
    cli_note_choice(r, &res);
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        memlock_write_json(&j, &res);
        json_finish(&j);
    } else {
        memlock_print_text(stdout, &res);
    }
    int status = 0;
    if (r->check) {   /* after the result: stdout first, then the reasons */
        struct check_list l = { 0 };
        check_guest(r->guest, r->host, &res, &l);
        status = cli_check_report(&l, r->guest->name ? r->guest->name : r->args[0]);
        check_list_free(&l);
    }
    memlock_result_free(&res);
    int rc = cli_finish_output();
    return rc ? rc : status;
}

/* memlock-planner explain: why a start failed, from its log. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "commands.h"
#include "explain.h"
#include "explain_output.h"
#include "guest_xml.h"
#include "headroom.h"
#include "i18n.h"

/* Exit status when the log holds no memory-locking failure. */
#define EXIT_NOT_MEMLOCK 3

int cmd_explain(struct cli_run *r)
{
    struct mp_error err = { 0 };
    struct headroom hr = headroom_default();
    if (r->headroom && headroom_parse(r->headroom, &hr, &err) < 0)
        return cli_fail(&err);
    struct guest *def = NULL;
    if (r->xml) {
        def = guest_xml_load_file(r->xml, &err);
        if (!def)
            return cli_fail(&err);
    }
    struct qemu_log *log = qemu_log_new();
    if (qemu_log_read_file(r->nargs ? r->args[0] : "-", log, &err) < 0) {
        qemu_log_free(log);
        guest_free(def);
        return cli_fail(&err);
    }
    int rc;
    struct explain e;
    bool has_host_facts = r->host_src && strcmp(r->host_src, "none");
    if (explain_build(log, def, r->libvirt, has_host_facts ? r->host : NULL, &hr, &e, &err) < 0) {
        explain_free(&e);
        qemu_log_free(log);
        guest_free(def);
        return cli_fail(&err);
    }
    if (!strcmp(r->format, "json"))
        explain_write_json(stdout, log, &e);
    else
        explain_print_text(stdout, log, &e);
    rc = explain_is_memlock(&e) ? 0 : EXIT_NOT_MEMLOCK;
    explain_free(&e);
    qemu_log_free(log);
    guest_free(def);
    int out = cli_finish_output();
    return out ? out : rc;
}

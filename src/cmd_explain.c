/* memlock-planner explain: why a start failed, from its log. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_virt.h"
#include "commands.h"
#include "explain.h"
#include "explain_output.h"
#include "guest_xml.h"
#include "headroom.h"
#include "i18n.h"
#include "xalloc.h"

/* Exit status when the log holds no memory-locking failure. */
#define EXIT_NOT_MEMLOCK 3
/* Where libvirt's QEMU driver writes a domain's log (qemu.conf log_dir). */
#define EXPLAIN_QEMU_LOG_DIR "/var/log/libvirt/qemu"

int cmd_explain(struct cli_run *r)
{
    struct mp_error err = { 0 };
    struct headroom hr = headroom_default();
    if (r->headroom && headroom_parse(r->headroom, &hr, &err) < 0)
        return cli_fail(&err);
    struct guest *def = NULL;
    const char *log_path = r->nargs ? r->args[0] : "-";
    char *default_log = NULL;
    if (r->connect && r->xml)
        return cli_failf(EXIT_INPUT, "%s", _("explain takes --xml or --connect, not both"));
    if (r->connect) {
        /* The domain's definition; its log where libvirt's QEMU driver keeps
         * it (qemu.conf's log_dir default) unless one is named. */
        char *label = NULL;
        def = cli_virt_load(&r->virt, r->args[0], &label, &err);
        if (!def)
            return cli_fail(&err);
        free(label);
        if (r->nargs > 1) {
            log_path = r->args[1];
        } else {
            default_log = xasprintf("%s/%s.log", EXPLAIN_QEMU_LOG_DIR, def->name);
            log_path = default_log;
        }
    } else if (r->xml) {
        def = guest_xml_load_file(r->xml, &err);
        if (!def)
            return cli_fail(&err);
    }
    struct qemu_log *log = qemu_log_new();
    int read_rc = qemu_log_read_file(log_path, log, &err);
    free(default_log);
    if (read_rc < 0) {
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

/* memlock-planner explain: why a start failed, from its log. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "commands.h"
#include "explain.h"
#include "explain_output.h"
#include "guest_xml.h"
#include "i18n.h"
#include "input_file.h"

/* Exit status when the log holds no memory-locking failure. */
#define EXIT_NOT_MEMLOCK 3

/* Reads the log in blocks: memory stays bounded whatever its length. */
static int read_log(const char *path, struct qemu_log *log)
{
    struct mp_error err = { 0 };
    struct input_stream in;
    if (input_stream_open(path ? path : "-", _("a log"), &in, &err) < 0)
        return cli_fail(&err);
    static char buf[1 << 16];
    long n;
    unsigned long long total = 0;
    while ((n = input_stream_read(&in, buf, sizeof(buf), &err)) > 0) {
        qemu_log_feed(log, buf, (size_t)n);
        total += (unsigned long long)n;
    }
    if (n == 0 && in.fifo && total == 0)
        mp_error_set(&err, MP_ERR_INPUT, _("%s: a FIFO with no writer (nothing to read), "
                                           "expected %s"), in.name, _("a log"));
    input_stream_close(&in);
    if (err.kind)
        return cli_fail(&err);
    qemu_log_finish(log);
    return -1;
}

int cmd_explain(struct cli_run *r)
{
    struct mp_error err = { 0 };
    struct guest *def = NULL;
    if (r->xml) {
        def = guest_xml_load_file(r->xml, &err);
        if (!def)
            return cli_fail(&err);
    }
    struct qemu_log *log = qemu_log_new();
    int rc = read_log(r->nargs ? r->args[0] : NULL, log);
    if (rc >= 0) {
        qemu_log_free(log);
        guest_free(def);
        return rc;
    }
    if (qemu_log_lines(log) == 0) {
        qemu_log_free(log);
        guest_free(def);
        return cli_failf(EXIT_INPUT, _("the log is empty"));
    }
    struct explain e;
    bool has_host_facts = r->host_src && strcmp(r->host_src, "none");
    if (explain_build(log, def, r->libvirt, has_host_facts ? r->host : NULL, &e, &err) < 0) {
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

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "explain.h"
#include "explain_output.h"
#include "guest_xml.h"
#include "limit_diff.h"
#include "i18n.h"
#include "probe.h"
#include "report.h"
#include "report_path.h"
#include "text_safe.h"

int tui_action_export(const struct plan *p, const char *path, char *msg, size_t len,
                      struct mp_error *err)
{
    if (!path || !*path)
        return mp_error_set(err, MP_ERR_INPUT, _("no file name given"));
    /* The format from the extension (report_path.h); text without one. */
    enum report_format f = REPORT_TEXT;
    if (report_format_for_path(path, &f) == REPORT_PATH_UNKNOWN) {
        char safe[256];
        text_safe_copy(safe, sizeof(safe), path);
        return mp_error_set(err, MP_ERR_INPUT, _("%s: not a report extension (%s)"), safe,
                            REPORT_PATH_EXTENSIONS);
    }
    const struct guest *gs[] = { p->guest };
    const char *srcs[] = { p->path };
    if (report_write_guests(p->host, p->profile, gs, srcs, 1, f, path, err) < 0)
        return -1;
    char safe[256];
    text_safe_copy(safe, sizeof(safe), path);
    snprintf(msg, len, _("Report written to %s."), safe);
    return 0;
}

struct guest *tui_action_open(const char *path, struct mp_error *err)
{
    return guest_xml_load_file(path, err);
}

int tui_action_explain(const struct plan *p, const char *path, char **text, struct guest **guest,
                       const struct profile **profile, struct mp_error *err)
{
    *text = NULL;
    *guest = NULL;
    struct qemu_log *log = qemu_log_new();
    if (qemu_log_read_file(path, log, err) < 0) {
        qemu_log_free(log);
        return -1;
    }
    struct explain e;
    int rc = explain_build(log, NULL, NULL, p->host, NULL, &e, err);
    if (rc == 0) {
        *text = explain_text(log, &e);
        *profile = e.profile;
        if (e.guest && e.guest_source == EXPLAIN_GUEST_CMDLINE) {
            *guest = e.guest;
            e.guest = NULL;
        }
    }
    explain_free(&e);
    qemu_log_free(log);
    return rc;
}

int tui_action_diff(const struct plan *p, char **text, bool *same, struct mp_error *err)
{
    *text = NULL;
    *same = false;
    if (!p->path)
        return mp_error_set(err, MP_ERR_INPUT, "%s",
                            _("The guest has no file yet: w writes one, then d compares."));
    struct guest *disk = guest_xml_load_file(p->path, err);
    if (!disk)
        return -1;
    struct limit_diff d;
    const char *const paths[2] = { p->path, _("the planner") };
    int rc = limit_diff_run(disk, p->profile, p->guest, p->profile, p->host, paths, &d, err);
    guest_free(disk);
    if (rc < 0)
        return -1;
    *same = limit_diff_same(&d);
    size_t len = 0;
    FILE *f = open_memstream(text, &len);
    if (f) {
        limit_diff_print_text(f, &d);
        fclose(f);
    }
    limit_diff_free(&d);
    return 0;
}

struct host *tui_action_load_host(const char *source, struct mp_error *err)
{
    return probe_load(source, err);
}

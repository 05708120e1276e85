#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "guest_xml.h"
#include "guest_xml_apply.h"
#include "i18n.h"
#include "probe.h"
#include "report.h"
#include "report_path.h"
#include "size.h"
#include "text_safe.h"

int tui_action_write_xml(const struct plan *p, const char *path, char *msg, size_t len,
                         struct mp_error *err)
{
    if (!p->path)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("this guest has no XML file to write back; open one with o"));
    if (!path || !*path)
        path = p->path;
    uint64_t kib = 0;
    if (guest_xml_save(p->guest, p->host, p->profile, p->path, path, &kib, err) < 0)
        return -1;
    char size[32], safe[256];
    size_format_kib(kib, size, sizeof(size));
    text_safe_copy(safe, sizeof(safe), path);
    snprintf(msg, len, _("Wrote %s with hard_limit %s (other edits are not written back)."), safe,
             size);
    return 0;
}


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

struct host *tui_action_load_host(const char *source, struct mp_error *err)
{
    return probe_load(source, err);
}

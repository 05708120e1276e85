#include "config.h"

#include "actions.h"
#include "guest_xml.h"
#include "i18n.h"
#include "probe.h"

int tui_action_write_xml(const struct plan *p, const char *path, char *msg, size_t len,
                         struct mp_error *err)
{
    (void)p;
    (void)path;
    (void)msg;
    (void)len;
    return mp_error_set(err, MP_ERR_INTERNAL, _("writing the guest XML is not available yet"));
}

int tui_action_export(const struct plan *p, const char *path, char *msg, size_t len,
                      struct mp_error *err)
{
    (void)p;
    (void)path;
    (void)msg;
    (void)len;
    return mp_error_set(err, MP_ERR_INTERNAL, _("exporting a report is not available yet"));
}

struct guest *tui_action_open(const char *path, struct mp_error *err)
{
    return guest_xml_load_file(path, err);
}

struct host *tui_action_load_host(const char *source, struct mp_error *err)
{
    return probe_load(source, err);
}

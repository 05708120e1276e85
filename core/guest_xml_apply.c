#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "guest_xml.h"
#include "guest_xml_apply.h"
#include "i18n.h"
#include "input_file.h"
#include "report_rec.h"
#include "xalloc.h"
#include "xml_edit.h"

char *guest_xml_read(const char *path, size_t *len, struct mp_error *err)
{
    struct input_file in;
    if (input_file_read(path, GUEST_XML_MAX_BYTES, _("a domain XML file"), &in, err) < 0)
        return NULL;
    free(in.name);
    *len = in.len;
    return in.data;
}

int guest_xml_apply_buffer(const char *buf, size_t len, const char *name, uint64_t kib,
                           const char *out_path, struct mp_error *err)
{
    size_t olen;
    char *edited = xml_set_hard_limit(buf, len, name, kib, &olen, err);
    if (!edited)
        return -1;
    int rc = 0;
    if (!strcmp(out_path, "-")) {
        if (fwrite(edited, 1, olen, stdout) != olen || fflush(stdout) != 0)
            rc = mp_error_set(err, MP_ERR_INTERNAL, _("cannot write to standard output: %s"),
                              strerror(errno));
    } else {
        rc = atomic_file_write_buf(out_path, edited, olen, err);
    }
    free(edited);
    return rc;
}

int guest_xml_save(const struct guest *g, const struct host *h, const struct profile *p,
                   const char *source_path, const char *out_path, uint64_t *written_kib,
                   struct mp_error *err)
{
    if (!source_path)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("this guest was not loaded from an XML file: nothing to write into"));
    struct memlock_rec rec;
    if (memlock_recommend(g, h, p, &rec, err) < 0)
        return -1;
    int rc;
    if (rec.kind != REC_HARD_LIMIT) {
        rc = mp_error_set(err, MP_ERR_INPUT, _("%s: no hard_limit to write: %s"), source_path,
                          rec.notes.n ? rec.notes.items[0].local : rec_kind_id(rec.kind));
    } else {
        size_t len;
        char *buf = guest_xml_read(source_path, &len, err);
        rc = buf ? guest_xml_apply_buffer(buf, len, source_path, rec.kib, out_path, err) : -1;
        free(buf);
        if (rc == 0 && written_kib)
            *written_kib = rec.kib;
    }
    memlock_rec_free(&rec);
    return rc;
}

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

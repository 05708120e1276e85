/* memlock-planner apply: the guest XML written back with the computed
 * <memtune><hard_limit>, every other byte as it was. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply_virt.h"
#include "cli.h"
#include "commands.h"
#include "guest_xml.h"
#include "guest_xml_apply.h"
#include "i18n.h"
#include "report_rec.h"
#include "size.h"
#include "text_safe.h"

int cmd_apply(struct cli_run *r)
{
    const char *in = r->args[0];
    struct mp_error err = { 0 };
    struct headroom hr = headroom_default();
    if (r->headroom && headroom_parse(r->headroom, &hr, &err) < 0)
        return cli_fail(&err);
    if (cli_virt_is_domain(&r->virt, in)) {
        if (r->output)
            return cli_failf(EXIT_INPUT, _("apply --connect sets hard_limit through libvirt and "
                                           "writes no file: drop -o"));
        return apply_virt(r, in, &hr);
    }
    /* The bytes themselves: everything but the hard_limit is written back as read. */
    size_t len;
    char *buf = guest_xml_read(in, &len, &err);
    if (!buf)
        return cli_fail(&err);
    struct guest *g = guest_xml_load_memory(buf, len, in, &err);
    if (!g) {
        free(buf);
        return cli_fail(&err);
    }
    g->force_vfio = r->force_vfio;
    int rc = 0;
    struct memlock_rec rec = { 0 };
    if (memlock_recommend(g, r->host, r->profile, &hr, &rec, &err) < 0) {
        rc = cli_fail_file(in, &err);
    } else if (rec.kind != REC_HARD_LIMIT) {
        rc = cli_failf(EXIT_INPUT, _("%s: no hard_limit written: %s"), in,
                       rec.notes.n ? rec.notes.items[0].local : rec_kind_id(rec.kind));
    } else if (r->dry_run) {
        printf(_("dry run: would write %s with hard_limit %" PRIu64 " KiB\n"), r->output,
               rec.kib);
    } else if (guest_xml_apply_buffer(buf, len, in, rec.kib, r->output, &err) < 0) {
        rc = cli_fail(&err);
    } else if (strcmp(r->output, "-")) {
        char human[32];
        size_format_kib(rec.kib, human, sizeof(human));
        char *shown = text_safe_name(r->output);
        printf(_("%s: hard_limit %" PRIu64 " KiB (%s)\n"), shown, rec.kib, human);
        if (rec.locked)   /* what writing it changes for a <locked/> guest */
            printf(_("%s: the guest keeps <locked/>; libvirt now sets the memory-locking limit "
                     "to this hard_limit instead of removing it\n"), shown);
        free(shown);
    }
    memlock_rec_free(&rec);
    guest_free(g);
    free(buf);
    return rc;
}

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply_virt.h"
#include "cli.h"
#include "guest_xml.h"
#include "i18n.h"
#include "report_rec.h"
#include "size.h"

static void print_limit(uint64_t kib)
{
    if (kib >= VIRT_UNLIMITED_KIB) {
        fputs(_("unlimited"), stdout);
        return;
    }
    char human[32];
    size_format_kib(kib, human, sizeof(human));
    printf(_("%" PRIu64 " KiB (%s)"), kib, human);
}

/* `xml` without its <memtune> element: libvirt formats every element on a
 * line of its own (virDomainDefFormat), so whole lines go. */
static char *without_memtune(const char *xml)
{
    size_t n = strlen(xml);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    bool inside = false;
    for (const char *line = xml; *line;) {
        const char *end = strchr(line, '\n');
        end = end ? end + 1 : line + strlen(line);
        const char *t = line + strspn(line, " ");
        bool opens = !strncmp(t, "<memtune>", 9), closes = !strncmp(t, "</memtune>", 10);
        if (!inside && !opens) {
            memcpy(o, line, (size_t)(end - line));
            o += end - line;
        }
        if (opens)
            inside = true;
        if (closes)
            inside = false;
        line = end;
    }
    *o = '\0';
    return out;
}

/* The persistent definition differs from `before` in <memtune> only. */
static bool only_memtune_changed(const char *before, const char *after)
{
    char *a = without_memtune(before), *b = without_memtune(after);
    bool same = a && b && !strcmp(a, b);
    free(a);
    free(b);
    return same;
}

static int read_back(struct virt_domain *d, bool live, uint64_t want, struct mp_error *err)
{
    uint64_t got;
    if (virt_hard_limit_get(d, live, &got, err) < 0)
        return -1;
    printf(live ? _("read back (virDomainGetMemoryParameters, live): hard_limit ")
                : _("read back (virDomainGetMemoryParameters, config): hard_limit "));
    print_limit(got);
    putchar('\n');
    if (got != want)
        return mp_error_set(err, MP_ERR_INTERNAL,
                            _("libvirt reports hard_limit %" PRIu64 " KiB after setting %" PRIu64
                              " KiB"),
                            got, want);
    return 0;
}

/* The persistent definition first, then with --live the running domain; when
 * that is refused the persistent one gets its old value back, so that a
 * refusal changes nothing. */
static int set_and_check(struct cli_virt *v, struct virt_domain *d, uint64_t kib,
                         uint64_t old_config, const char *before, struct mp_error *err)
{
    bool live = v->which == VIRT_LIVE;
    if (virt_hard_limit_set(d, kib, false, err) < 0)
        return -1;
    if (live && virt_hard_limit_set(d, kib, true, err) < 0) {
        struct mp_error ignored = { 0 };
        virt_hard_limit_set(d, old_config, false, &ignored);
        return -1;
    }
    if (read_back(d, false, kib, err) < 0 || (live && read_back(d, true, kib, err) < 0))
        return -1;
    size_t len;
    char *after = virt_domain_xml(d, VIRT_CONFIG, &len, err);
    if (!after)
        return -1;
    bool same = only_memtune_changed(before, after);
    free(after);
    if (!same)
        return mp_error_set(err, MP_ERR_INTERNAL,
                            _("the persistent definition of '%s' changed beyond <memtune>"),
                            virt_domain_name(d));
    puts(_("the persistent definition differs in <memtune> only"));
    return 0;
}

int apply_virt(struct cli_run *r, const char *domain, const struct headroom *hr)
{
    struct cli_virt *v = &r->virt;
    const struct profile *profile = r->profile;
    struct mp_error err = { 0 };
    struct virt_domain *d = NULL;
    struct guest *g = NULL;
    struct memlock_rec rec = { 0 };
    char *config = NULL;
    size_t len = 0;
    int rc = 0;
    /* The hard_limit is computed from the definition it is set in: the
     * persistent one, or with --live the running one (both are set). */
    enum virt_which which = v->which == VIRT_LIVE ? VIRT_LIVE : VIRT_CONFIG;
    v->which = which;
    if (!(d = virt_domain_open(v->conn, domain, &err)) ||
        !(config = virt_domain_xml(d, VIRT_CONFIG, &len, &err))) {
        rc = cli_fail(&err);
        goto out;
    }
    char *xml = config;
    if (which == VIRT_LIVE && !(xml = virt_domain_xml(d, VIRT_LIVE, &len, &err))) {
        rc = cli_fail(&err);
        goto out;
    }
    g = guest_xml_load_memory(xml, len, virt_domain_name(d), &err);
    if (xml != config)
        free(xml);
    if (!g) {
        rc = cli_fail(&err);
        goto out;
    }
    g->force_vfio = r->force_vfio;
    uint64_t current, current_live = 0;
    if (memlock_recommend(g, r->host, profile, hr, &rec, &err) < 0) {
        rc = cli_failf(err.kind == MP_ERR_INPUT ? EXIT_INPUT : EXIT_INTERNAL, "%s: %s",
                       virt_domain_name(d), err.text);
        goto out;
    }
    if (rec.kind != REC_HARD_LIMIT) {
        rc = cli_failf(EXIT_INPUT, _("%s: no hard_limit set: %s"), virt_domain_name(d),
                       rec.notes.n ? rec.notes.items[0].local : rec_kind_id(rec.kind));
        goto out;
    }
    if (virt_hard_limit_get(d, false, &current, &err) < 0 ||
        (which == VIRT_LIVE && virt_hard_limit_get(d, true, &current_live, &err) < 0)) {
        rc = cli_fail(&err);
        goto out;
    }
    printf(_("%s at %s (profile %s):\n"), virt_domain_name(d), virt_uri(v->conn), profile->id);
    fputs(_("  persistent definition: hard_limit "), stdout);
    print_limit(current);
    fputs(" -> ", stdout);
    print_limit(rec.kib);
    putchar('\n');
    if (which == VIRT_LIVE) {
        fputs(_("  running domain:        hard_limit "), stdout);
        print_limit(current_live);
        fputs(" -> ", stdout);
        print_limit(rec.kib);
        putchar('\n');
    }
    if (current == rec.kib && (which != VIRT_LIVE || current_live == rec.kib)) {
        puts(_("nothing to change"));
    } else if (r->dry_run) {
        printf(_("dry run: would call virDomainSetMemoryParameters(hard_limit=%" PRIu64
                 ", VIR_DOMAIN_AFFECT_CONFIG)\n"),
               rec.kib);
        if (which == VIRT_LIVE)
            printf(_("dry run: would call virDomainSetMemoryParameters(hard_limit=%" PRIu64
                     ", VIR_DOMAIN_AFFECT_LIVE)\n"),
                   rec.kib);
    } else if (set_and_check(v, d, rec.kib, current, config, &err) < 0) {
        rc = cli_fail(&err);
    }
    if (fflush(stdout) != 0 && !rc)
        rc = cli_failf(EXIT_INTERNAL, _("cannot write the result"));
out:
    memlock_rec_free(&rec);
    guest_free(g);
    free(config);
    virt_domain_close(d);
    return rc;
}

/* Pieces the report formats share: summary rows and escaping. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"

static void row(struct report_kv *rows, size_t *n, const char *label, char *value)
{
    if (*n >= REPORT_MAX_ROWS) {
        free(value);
        return;
    }
    rows[*n].label = label;
    rows[*n].value = value;
    (*n)++;
}

static char *kib_text(uint64_t kib)
{
    char buf[32];
    size_format_kib(kib, buf, sizeof(buf));
    return xstrdup(buf);
}

static char *or_unknown(const char *s)
{
    return xstrdup(s && *s ? s : _("unknown"));
}

size_t report_host_rows(const struct report *rep, struct report_kv *rows)
{
    size_t n = 0;
    const struct host *h = rep->host;
    if (!h) {
        row(rows, &n, _("Source"), xstrdup(_("none (no host facts)")));
        return n;
    }
    row(rows, &n, _("Source"), or_unknown(h->source));
    if (h->description)
        row(rows, &n, _("Description"), xstrdup(*h->description ? _(h->description) : ""));
    row(rows, &n, _("Host name"), or_unknown(h->hostname));
    row(rows, &n, _("Model"), or_unknown(h->model));
    row(rows, &n, _("Architecture"), or_unknown(h->arch));
    row(rows, &n, _("Kernel"), or_unknown(h->kernel));
    row(rows, &n, _("RAM"), h->memory_known ? kib_text(h->memory_kib) : xstrdup(_("unknown")));
    char buf[32];
    switch (h->memlock_kind) {
    case HOST_LIMIT_UNKNOWN: row(rows, &n, _("Memlock limit"), xstrdup(_("unknown"))); break;
    case HOST_LIMIT_UNLIMITED: row(rows, &n, _("Memlock limit"), xstrdup(_("unlimited"))); break;
    case HOST_LIMIT_BYTES:
        size_format_bytes(h->memlock_bytes, buf, sizeof(buf));
        row(rows, &n, _("Memlock limit"), xstrdup(buf));
        break;
    }
    row(rows, &n, _("KVM"), xstrdup(h->has_kvm == HOST_UNKNOWN ? _("unknown")
                                    : h->has_kvm ? _("yes") : _("no")));
    row(rows, &n, _("PHBs (PCI domains)"), xasprintf("%zu", rep->hs.nphbs));
    row(rows, &n, _("GPUs"), xasprintf("%zu", rep->hs.ngpus));
    row(rows, &n, _("NVLink2 bridges"), xasprintf("%zu", rep->hs.nnv2));
    row(rows, &n, _("IOMMU groups"), xasprintf("%zu", rep->hs.ngroups));
    return n;
}

size_t report_guest_rows(const struct report_guest *rg, struct report_kv *rows)
{
    size_t n = 0;
    const struct guest *g = rg->guest;
    const struct memlock_result *r = &rg->result;
    row(rows, &n, _("Name"), or_unknown(g->name));
    if (rg->source)
        row(rows, &n, _("File"), xstrdup(rg->source));
    row(rows, &n, _("Domain type"), or_unknown(g->virt_name));
    row(rows, &n, _("Architecture"), or_unknown(g->arch));
    row(rows, &n, _("Machine"), or_unknown(g->machine));
    row(rows, &n, _("Memory (aligned)"), kib_text(r->memory_kib));
    row(rows, &n, _("Max memory (aligned)"), kib_text(r->max_memory_kib));
    row(rows, &n, _("PCI hostdevs (VFIO)"), xasprintf("%zu", rg->npci));
    if (rg->nmdev)
        row(rows, &n, _("mdev hostdevs"), xasprintf("%zu", rg->nmdev));
    if (g->nvme_disks)
        row(rows, &n, _("NVMe disks"), xasprintf("%zu", g->nvme_disks));
    if (g->vdpa_interfaces)
        row(rows, &n, _("vDPA interfaces"), xasprintf("%zu", g->vdpa_interfaces));
    if (g->vdpa_disks)
        row(rows, &n, _("vDPA block disks"), xasprintf("%zu", g->vdpa_disks));
    row(rows, &n, _("NVLink2 bridge assigned"), xstrdup(r->nvlink2 ? _("yes") : _("no")));
    if (r->has_phbs)
        row(rows, &n, _("PHBs"), xasprintf("%zu", r->nphbs));
    row(rows, &n, _("vIOMMU"), xstrdup(g->has_iommu ? _("yes") : _("no")));
    row(rows, &n, _("hard_limit"), g->has_hard_limit ? kib_text(g->hard_limit_kib)
                                                     : xstrdup(_("not set")));
    row(rows, &n, _("<locked/>"), xstrdup(g->locked ? _("yes") : _("no")));
    return n;
}

void report_rows_free(struct report_kv *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rows[i].value);
}

char *report_safe_lines(const char *s)
{
    size_t n = strlen(s);
    char *out = xmalloc(n + 1), *o = out;
    while (*s) {
        size_t len = strcspn(s, "\n");
        char *line = xstrndup(s, len);
        char *safe = text_safe_dup(line);
        size_t sl = strlen(safe);   /* never longer than the line */
        memcpy(o, safe, sl);
        o += sl;
        free(safe);
        free(line);
        s += len;
        if (*s == '\n')
            *o++ = *s++;
    }
    *o = '\0';
    return out;
}

void report_put_safe(FILE *out, const char *s)
{
    char *t = text_safe_dup(s ? s : "");
    fputs(t, out);
    free(t);
}

void report_put_lines(FILE *out, const char *label, char *text, const char *indent)
{
    if (!text)
        return;
    fprintf(out, "  %s\n", label);
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        fputs(indent, out);
        report_put_safe(out, l);
        fputc('\n', out);
    }
    free(text);
}

void report_put_md(FILE *out, const char *s)
{
    char *t = text_safe_dup(s ? s : "");
    for (const char *c = t; *c; c++) {
        switch (*c) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '|': case '\\': case '`': case '*': case '_': case '[': case ']':
        case '#': case '~':
            fputc('\\', out);
            fputc(*c, out);
            break;
        default: fputc(*c, out);
        }
    }
    free(t);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void put_html(FILE *out, const char *s, bool nowrap)
{
    char *t = report_safe_lines(s ? s : "");
    for (const char *c = t; *c; c++) {
        switch (*c) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case ' ':
            /* "4.02 GiB", "4218880 KiB", "512 MiB": one piece. */
            if (nowrap && c > t && is_digit(c[-1]) && ((c[1] >= 'A' && c[1] <= 'Z') || c[1] == 'B'))
                fputs("&#160;", out);
            else
                fputc(' ', out);
            break;
        default: fputc(*c, out);
        }
    }
    free(t);
}

void report_put_html(FILE *out, const char *s)
{
    put_html(out, s, false);
}

void report_put_html_nowrap(FILE *out, const char *s)
{
    put_html(out, s, true);
}

/* The report for programs: per guest the `calc --format json` object, then
 * what the people's formats add. Never translated. Format: doc/report-format.md. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "memlock_output.h"
#include "report.h"
#include "report_views.h"
#include "xalloc.h"

#define REPORT_JSON_VERSION 1

/* A string member (null when v is NULL); `key` is a literal. */
#define str_or_null(j, key, v) (json_key_lit(j, key), json_string(j, v))

static void host(struct json *j, const struct report *rep)
{
    const struct host *h = rep->host;
    json_key_lit(j, "host");
    if (!h) {
        json_null(j);
        return;
    }
    json_begin_object(j);
    str_or_null(j, "source", h->source);
    str_or_null(j, "description", h->description);
    str_or_null(j, "hostname", h->hostname);
    str_or_null(j, "model", h->model);
    str_or_null(j, "arch", h->arch);
    str_or_null(j, "kernel", h->kernel);
    json_key_lit(j, "memory_kib");
    if (h->memory_known)
        json_uint(j, h->memory_kib);
    else
        json_null(j);
    json_key_lit(j, "memlock_bytes");
    switch (h->memlock_kind) {
    case HOST_LIMIT_UNKNOWN: json_null(j); break;
    case HOST_LIMIT_UNLIMITED: json_string(j, "unlimited"); break;
    case HOST_LIMIT_BYTES: json_uint(j, h->memlock_bytes); break;
    }
    json_key_lit(j, "kvm");
    if (h->has_kvm == HOST_UNKNOWN)
        json_null(j);
    else
        json_bool(j, h->has_kvm);
    json_key_lit(j, "phbs");
    json_uint(j, rep->hs.nphbs);
    json_key_lit(j, "gpus");
    json_uint(j, rep->hs.ngpus);
    json_key_lit(j, "nvlink2_bridges");
    json_uint(j, rep->hs.nnv2);
    json_key_lit(j, "iommu_groups");
    json_uint(j, rep->hs.ngroups);
    json_key_lit(j, "warnings");
    json_begin_array(j);
    for (size_t i = 0; i < h->warnings.n; i++)
        json_string(j, h->warnings.items[i].c);
    json_end_array(j);
    json_end_object(j);
}

static void guest_info(struct json *j, const struct report *rep, const struct report_guest *rg)
{
    (void)rep;
    const struct guest *g = rg->guest;
    json_begin_object(j);
    str_or_null(j, "name", g->name);
    str_or_null(j, "source", rg->source);
    str_or_null(j, "type", g->virt_name);
    str_or_null(j, "arch", g->arch);
    str_or_null(j, "machine", g->machine);
    json_key_lit(j, "memory_kib");
    json_uint(j, g->memory_kib);
    json_key_lit(j, "max_memory_kib");
    json_uint(j, g->max_memory_kib);
    json_key_lit(j, "pci_hostdevs");
    json_uint(j, rg->npci);
    json_key_lit(j, "mdev_hostdevs");
    json_uint(j, rg->nmdev);
    json_key_lit(j, "nvme_disks");
    json_uint(j, g->nvme_disks);
    json_key_lit(j, "vdpa_interfaces");
    json_uint(j, g->vdpa_interfaces);
    json_key_lit(j, "vdpa_disks");
    json_uint(j, g->vdpa_disks);
    json_key_lit(j, "viommu");
    json_bool(j, g->has_iommu);
    json_key_lit(j, "hard_limit_kib");
    if (g->has_hard_limit)
        json_uint(j, g->hard_limit_kib);
    else
        json_null(j);
    json_key_lit(j, "locked");
    json_bool(j, g->locked);
    json_key_lit(j, "arch_matches_host");
    json_bool(j, !rg->arch_mismatch);
    json_key_lit(j, "warnings");
    json_begin_array(j);
    for (size_t i = 0; i < rg->warnings.n; i++)
        json_string(j, rg->warnings.items[i].c);
    json_end_array(j);
    json_end_object(j);
}

static void owned_string_value(struct json *j, char *v)
{
    json_string(j, v);
    free(v);
}
/* A string member the caller allocated; `key` is a literal. */
#define owned_string(j, key, v) (json_key_lit(j, key), owned_string_value(j, v))

static void recommendation(struct json *j, const struct report *rep,
                           const struct report_guest *rg)
{
    (void)rep;
    const struct memlock_rec *rec = &rg->rec;
    json_begin_object(j);
    str_or_null(j, "guest", rg->guest->name);
    str_or_null(j, "source", rg->source);
    json_key_lit(j, "kind");
    json_string(j, rec_kind_id(rec->kind));
    json_key_lit(j, "libvirt_limit_kib");
    if (rec->kind == REC_HARD_LIMIT || rec->kind == REC_BELOW_MEMORY)
        json_uint(j, rec->base_kib);
    else
        json_null(j);
    json_key_lit(j, "hard_limit_kib");
    if (rec->kind == REC_HARD_LIMIT)
        json_uint(j, rec->kib);
    else
        json_null(j);
    json_key_lit(j, "headroom_kib");
    if (rec->kind == REC_HARD_LIMIT)
        json_uint(j, rec->headroom_kib);
    else
        json_null(j);
    char spec[32];
    headroom_describe(&rec->headroom, spec, sizeof(spec));
    str_or_null(j, "headroom", spec);
    owned_string(j, "memtune_xml", rec_hard_limit_xml(rec));
    owned_string(j, "virsh", rec_virsh_command(rec, rg->guest->name));
    owned_string(j, "systemd", rec_systemd_line(rec));
    owned_string(j, "limits_conf", rec_limits_conf(rec, REPORT_QEMU_USER));
    json_key_lit(j, "notes");
    json_begin_array(j);
    for (size_t i = 0; i < rec->notes.n; i++)
        json_string(j, rec->notes.items[i].c);
    json_end_array(j);
    json_end_object(j);
}

/* The views of one guest, each as its own command writes it. */
static void views(struct json *j, const struct report *rep, const struct report_guest *rg)
{
    struct report_views v;
    report_views_compute(rep, rg, &v);
    json_begin_object(j);
    str_or_null(j, "guest", rg->guest->name);
    str_or_null(j, "source", rg->source);
    json_key_lit(j, "compare");
    if (v.has_compare)
        profile_compare_write_json(j, &v.compare);
    else
        json_null(j);
    str_or_null(j, "compare_error", v.has_compare ? NULL : REPORT_COMPARE_ERROR_C);
    json_key_lit(j, "address_map");
    if (v.has_map)
        address_map_write_json(j, &v.map);
    else
        json_null(j);
    str_or_null(j, "address_map_error", v.map_error ? REPORT_MAP_ERROR_C : NULL);
    json_key_lit(j, "capacity");
    capacity_write_json(j, &v.capacity);
    json_end_object(j);
    report_views_free(&v);
}

/* The calculation's object, as `calc --format json` writes it. */
static void result(struct json *j, const struct report *rep, const struct report_guest *rg)
{
    (void)rep;
    memlock_write_json(j, &rg->result);
}

/* The arrays with an object per guest, in the document's order. One writer
 * each, for the report held whole and for the stream alike. */
enum part { PART_GUESTS, PART_INFO, PART_RECS, PART_VIEWS, NPARTS };
static void (*const part_writer[NPARTS])(struct json *j, const struct report *rep,
                                         const struct report_guest *rg) = {
    result, guest_info, recommendation, views,
};

/* A stream's parts: each written by its own writer, as the items of the
 * document's array (depth 2: in the top object, in the array), to an
 * anonymous temporary file (tmpfile: nothing is left behind, whatever ends
 * the program). */
struct report_stream {
    FILE *file[NPARTS];
    int error;                /* errno of the first failure */
    struct json j[NPARTS];
};

#define PART_DEPTH 2

int report_stream_json(struct report *rep, struct mp_error *err)
{
    struct report_stream *s = xcalloc(1, sizeof(*s));
    for (int k = 0; k < NPARTS; k++) {
        s->file[k] = tmpfile();
        if (!s->file[k]) {
            int e = errno;
            report_stream_free(s);
            /* No temporary file (a full or read-only /tmp): nothing can be written. */
            return mp_error_set(err, MP_ERR_INTERNAL, _("cannot write the report: %s"),
                                strerror(e));
        }
        json_init_at(&s->j[k], s->file[k], true, PART_DEPTH);
    }
    rep->stream = s;
    return 0;
}

void report_stream_guest(struct report *rep, const struct report_guest *rg)
{
    for (int k = 0; k < NPARTS; k++)
        part_writer[k](&rep->stream->j[k], rep, rg);
}

int report_stream_failed(const struct report *rep)
{
    struct report_stream *s = rep->stream;
    if (!s)
        return 0;
    int e = errno;   /* the output's error, for its writer to say */
    for (int k = 0; k < NPARTS && !s->error; k++) {
        errno = 0;
        json_flush(&s->j[k]);
        if (fflush(s->file[k]) != 0 || ferror(s->file[k]))
            s->error = errno ? errno : EIO;
    }
    errno = e;
    return s->error;
}

void report_stream_free(struct report_stream *s)
{
    if (!s)
        return;
    for (int k = 0; k < NPARTS; k++)
        if (s->file[k])
            fclose(s->file[k]);
    free(s);
}

/* The array of part `k`: from the guests held, or copied from the stream. */
static void part(struct json *j, const struct report *rep, enum part k)
{
    json_begin_array(j);
    struct report_stream *s = rep->stream;
    if (s && !report_stream_failed(rep)) {
        int e = errno;
        errno = 0;
        if (fseek(s->file[k], 0, SEEK_SET) != 0 || json_copy_items(j, s->file[k]) < 0)
            s->error = errno ? errno : EIO;
        errno = e;
    }
    for (size_t i = 0; i < rep->n; i++)
        part_writer[k](j, rep, &rep->guests[i]);
    json_end_array(j);
}

static void fleet(struct json *j, const struct report *rep)
{
    const struct report_fleet *f = &rep->fleet;
    json_key_lit(j, "fleet");
    json_begin_object(j);
    json_key_lit(j, "guests");
    json_uint(j, rep->nmembers);
    json_key_lit(j, "limit_kib_total");
    if (f->limit_overflow)
        json_null(j);
    else
        json_uint(j, f->limit_kib);
    json_key_lit(j, "unlimited");
    json_uint(j, f->nunlimited);
    json_key_lit(j, "none");
    json_uint(j, f->nnone);
    json_key_lit(j, "memory_kib_total");
    if (f->memory_overflow)
        json_null(j);
    else
        json_uint(j, f->memory_kib);
    json_key_lit(j, "host_memory_kib");
    if (rep->host && rep->host->memory_known)
        json_uint(j, rep->host->memory_kib);
    else
        json_null(j);
    json_key_lit(j, "percent_of_host_ram");
    int pct = report_fleet_percent(rep);
    if (pct >= 0)
        json_uint(j, (uint64_t)pct);
    else
        json_null(j);
    json_key_lit(j, "warnings");
    json_begin_array(j);
    for (size_t i = 0; i < f->warnings.n; i++)
        json_string(j, f->warnings.items[i].c);
    json_end_array(j);
    json_key_lit(j, "checks");
    json_begin_array(j);
    for (size_t i = 0; i < f->checks.n; i++) {
        check_reason_write_json(j, &f->checks.items[i]);
    }
    json_end_array(j);
    json_end_object(j);
}

void report_render_json(FILE *out, const struct report *rep)
{
    struct json j;
    json_init(&j, out, true);
    json_begin_object(&j);
    json_key_lit(&j, "report_version");
    json_uint(&j, REPORT_JSON_VERSION);
    json_key_lit(&j, "date");
    json_uint(&j, (uint64_t)rep->when);
    json_key_lit(&j, "generator");
    json_string(&j, PACKAGE_STRING);
    json_key_lit(&j, "profile");
    json_string(&j, rep->profile->id);
    host(&j, rep);
    json_key_lit(&j, "guests");
    part(&j, rep, PART_GUESTS);
    /* Guests that could not be read: the others are reported in full. */
    json_key_lit(&j, "errors");
    json_begin_array(&j);
    for (size_t i = 0; i < rep->nerrors; i++) {
        json_begin_object(&j);
        str_or_null(&j, "source", rep->errors[i].source);
        str_or_null(&j, "error", rep->errors[i].message);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key_lit(&j, "guest_info");
    part(&j, rep, PART_INFO);
    json_key_lit(&j, "recommendations");
    part(&j, rep, PART_RECS);
    json_key_lit(&j, "views");
    part(&j, rep, PART_VIEWS);
    fleet(&j, rep);
    json_end_object(&j);
    json_finish(&j);
}

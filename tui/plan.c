#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "plan.h"
#include "report_rec.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"

static int compute(struct plan *p, const struct guest *g, const struct profile *prof,
                   struct memlock_result *r, struct mp_error *err)
{
    memset(err, 0, sizeof(*err));
    return memlock_compute(g, p->host, prof, r, err);
}

/* Recomputes the current guest; on failure the plan shows the error instead of a result. */
/* A hard_limit below libvirt's own limit for the guest: memory QEMU must
 * lock (DMA windows, VFIO) would not fit under it. */
static void check_need(struct plan *p)
{
    p->below_need = false;
    p->need_kib = 0;
    if (!p->have_result || !p->guest->has_hard_limit)
        return;
    struct memlock_rec rec;
    struct mp_error err = { 0 };
    if (memlock_recommend(p->guest, p->host, p->profile, NULL, &rec, &err) < 0)
        return;
    /* libvirt's own figure: the headroom is advice, not need. */
    if (rec.kind == REC_HARD_LIMIT && p->guest->hard_limit_kib < rec.base_kib) {
        p->below_need = true;
        p->need_kib = rec.base_kib;
    }
    memlock_rec_free(&rec);
}

static void recompute(struct plan *p)
{
    if (p->have_result)
        memlock_result_free(&p->result);
    p->have_result = compute(p, p->guest, p->profile, &p->result, &p->error) == 0;
    check_need(p);
}

void plan_init(struct plan *p, struct host *h, struct guest *g, const struct profile *profile,
               const char *path)
{
    memset(p, 0, sizeof(*p));
    p->host = h;
    p->guest = g;
    p->profile = profile ? profile : profile_default();
    p->path = path ? xstrdup(path) : NULL;
    recompute(p);
}

static void clear_snapshots(struct plan_snapshot *s, size_t *n)
{
    for (size_t i = 0; i < *n; i++) {
        guest_free(s[i].guest);
        free(s[i].what);
    }
    *n = 0;
}

static void clear_undo(struct plan *p)
{
    clear_snapshots(p->undo, &p->nundo);
    clear_snapshots(p->redo, &p->nredo);
}

void plan_free(struct plan *p)
{
    clear_undo(p);
    free(p->undo);
    free(p->redo);
    if (p->have_result)
        memlock_result_free(&p->result);
    guest_free(p->guest);
    host_free(p->host);
    free(p->path);
    free(p->last_edit);
    memset(p, 0, sizeof(*p));
}

/* Remembers the current limit so the next result can show what changed. */
static void note_previous(struct plan *p, const char *what)
{
    p->have_delta = p->have_result;
    if (p->have_result) {
        p->prev_kind = p->result.kind;
        p->prev_bytes = p->result.limit_bytes;
    }
    free(p->last_edit);
    p->last_edit = xstrdup(what);
}

int plan_apply(struct plan *p, struct guest *edited, const struct profile *profile,
               const char *what, struct mp_error *err)
{
    struct memlock_result r;
    if (compute(p, edited, profile, &r, err) < 0) {
        guest_free(edited);
        return -1;
    }
    if (p->nundo == PLAN_UNDO_MAX) {
        /* The oldest edit goes; undoing everything then no longer reaches the file. */
        guest_free(p->undo[0].guest);
        free(p->undo[0].what);
        memmove(p->undo, p->undo + 1, (p->nundo - 1) * sizeof(*p->undo));
        p->nundo--;
        p->undo_dropped = true;
    }
    XGROW(p->undo, p->undo_cap, p->nundo + 1);
    p->undo[p->nundo++] = (struct plan_snapshot){ p->guest, p->profile, xstrdup(what) };
    clear_snapshots(p->redo, &p->nredo);   /* a new edit: what was undone stays undone */
    note_previous(p, what);
    if (p->have_result)
        memlock_result_free(&p->result);
    p->guest = edited;
    p->profile = profile;
    p->result = r;
    p->have_result = true;
    p->dirty = true;
    check_need(p);
    return 0;
}

/* Moves the plan one step along: from `from` (undo or redo) back to the
 * state it holds, the current state going onto `to`. */
static void step_history(struct plan *p, struct plan_snapshot *from, size_t *nfrom,
                         struct plan_snapshot **to, size_t *nto, size_t *to_cap,
                         const char *label_fmt, char *what, size_t len)
{
    struct plan_snapshot s = from[--*nfrom];
    char *label = xasprintf(label_fmt, s.what);
    note_previous(p, label);
    free(label);
    XGROW(*to, *to_cap, *nto + 1);
    (*to)[(*nto)++] = (struct plan_snapshot){ p->guest, p->profile, xstrdup(s.what) };
    p->guest = s.guest;
    p->profile = s.profile;
    recompute(p);
    if (what && len)
        snprintf(what, len, "%s", s.what);
    free(s.what);
}

bool plan_undo(struct plan *p, char *what, size_t len)
{
    if (!p->nundo)
        return false;
    step_history(p, p->undo, &p->nundo, &p->redo, &p->nredo, &p->redo_cap, _("undo: %s"), what,
                 len);
    p->dirty = p->nundo > 0 || p->undo_dropped;
    return true;
}

bool plan_redo(struct plan *p, char *what, size_t len)
{
    if (!p->nredo)
        return false;
    step_history(p, p->redo, &p->nredo, &p->undo, &p->nundo, &p->undo_cap, _("redo: %s"), what,
                 len);
    p->dirty = true;
    return true;
}

static int edit_done(struct plan *p, struct guest *c, const char *what, struct mp_error *err)
{
    return plan_apply(p, c, p->profile, what, err);
}

int plan_set_memory(struct plan *p, uint64_t kib, struct mp_error *err)
{
    if (!kib)
        return mp_error_set(err, MP_ERR_INPUT, _("memory must be more than 0"));
    struct guest *c = guest_dup(p->guest);
    c->memory_kib = kib;
    /* The guest boots with what the planner shows: a balloon target, when
     * the guest has one, follows memory. */
    if (c->current_memory_kib)
        c->current_memory_kib = kib;
    if (c->nnuma) {
        /* libvirt takes memory from the NUMA cells: spread it evenly over them. */
        uint64_t modules = 0;
        for (size_t i = 0; i < c->nmemdevs; i++)
            modules += c->memdevs[i].size_kib;
        if (modules >= kib) {
            guest_free(c);
            return mp_error_set(err, MP_ERR_INPUT, _("memory devices add up to more than that"));
        }
        /* Whole alignment units per cell (libvirt rounds each cell up to
         * them when the guest starts: qemuDomainAlignMemorySizes), the
         * rest on the last; a split libvirt would round is refused. */
        uint64_t cells = kib - modules, align = guest_is_ppc64(c) ? 256 * KIB_PER_MIB : KIB_PER_MIB;
        uint64_t per = cells / c->nnuma / align * align, last = cells - per * (c->nnuma - 1);
        char sz[32], al[32];
        size_format_kib(align, al, sizeof(al));
        if (!per || last % align) {
            size_format_kib(kib, sz, sizeof(sz));
            size_t n = c->nnuma;
            guest_free(c);
            return mp_error_set(err, MP_ERR_INPUT,
                                _("memory %s does not split into %zu NUMA cells of whole %s "
                                  "(libvirt aligns each cell to %s): try a multiple of %s"),
                                sz, n, al, al, al);
        }
        for (size_t i = 0; i < c->nnuma; i++)
            c->numa_cells_kib[i] = i == c->nnuma - 1 ? last : per;
    }
    char s[32], what[64];
    size_format_kib(kib, s, sizeof(s));
    snprintf(what, sizeof(what), _("memory %s"), s);
    return edit_done(p, c, what, err);
}

int plan_set_max_memory(struct plan *p, uint64_t kib, struct mp_error *err)
{
    struct guest *c = guest_dup(p->guest);
    c->max_memory_kib = kib;
    /* libvirt needs slots for memory hot-plug; 16 as virt-manager offers. */
    if (kib && !c->max_memory_slots)
        c->max_memory_slots = PLAN_DEFAULT_SLOTS;
    char s[32], what[64];
    size_format_kib(kib, s, sizeof(s));
    if (kib)
        snprintf(what, sizeof(what), _("max memory %s"), s);
    else
        snprintf(what, sizeof(what), "%s", _("no max memory"));
    return edit_done(p, c, what, err);
}

int plan_set_hard_limit(struct plan *p, bool set, uint64_t kib, struct mp_error *err)
{
    struct guest *c = guest_dup(p->guest);
    c->has_hard_limit = set;
    c->hard_limit_kib = set ? kib : 0;
    char s[32], what[64];
    size_format_kib(kib, s, sizeof(s));
    if (set)
        snprintf(what, sizeof(what), _("hard_limit %s"), s);
    else
        snprintf(what, sizeof(what), "%s", _("no hard_limit"));
    return edit_done(p, c, what, err);
}

int plan_set_phbs(struct plan *p, unsigned count, struct mp_error *err)
{
    if (count > MEMLOCK_MAX_PHBS)
        return mp_error_set(err, MP_ERR_INPUT, _("a PHB count is 1 to %u, or auto"), MEMLOCK_MAX_PHBS);
    struct guest *c = guest_dup(p->guest);
    c->phb_override = count;
    char what[64];
    if (count)
        snprintf(what, sizeof(what), P_("%u PHB", "%u PHBs", count), count);
    else
        snprintf(what, sizeof(what), "%s", _("PHBs as libvirt places them"));
    return edit_done(p, c, what, err);
}

int plan_toggle_locked(struct plan *p, struct mp_error *err)
{
    struct guest *c = guest_dup(p->guest);
    c->locked = !c->locked;
    return edit_done(p, c, c->locked ? _("locked on") : _("locked off"), err);
}

static const char *iommu_model_for(const char *arch)
{
    if (arch && !strcmp(arch, "x86_64"))
        return "intel";
    if (arch && !strcmp(arch, "aarch64"))
        return "smmuv3";
    return "virtio";
}

int plan_toggle_viommu(struct plan *p, struct mp_error *err)
{
    struct guest *c = guest_dup(p->guest);
    c->has_iommu = !c->has_iommu;
    free(c->iommu_model);
    c->iommu_model = c->has_iommu ? xstrdup(iommu_model_for(c->arch)) : NULL;
    return edit_done(p, c, c->has_iommu ? _("vIOMMU on") : _("vIOMMU off"), err);
}

int plan_toggle_virt(struct plan *p, struct mp_error *err)
{
    struct guest *c = guest_dup(p->guest);
    bool kvm = c->virt != GUEST_VIRT_KVM;
    c->virt = kvm ? GUEST_VIRT_KVM : GUEST_VIRT_QEMU;
    free(c->virt_name);
    c->virt_name = xstrdup(kvm ? "kvm" : "qemu");
    return edit_done(p, c, kvm ? _("domain type kvm") : _("domain type qemu (TCG)"), err);
}

int plan_toggle_force_vfio(struct plan *p, struct mp_error *err)
{
    struct guest *c = guest_dup(p->guest);
    c->force_vfio = !c->force_vfio;
    return edit_done(p, c, c->force_vfio ? _("plan a VFIO hot-plug") : _("no VFIO hot-plug"), err);
}

int plan_cycle_arch(struct plan *p, struct mp_error *err)
{
    static const char *const arches[][2] = {
        { "x86_64", "q35" }, { "ppc64le", "pseries" }, { "aarch64", "virt" },
        { "s390x", "s390-ccw-virtio" },
    };
    size_t n = sizeof(arches) / sizeof(arches[0]), next = 0;
    for (size_t i = 0; i < n; i++)
        if (p->guest->arch && !strcmp(p->guest->arch, arches[i][0]))
            next = (i + 1) % n;
    struct guest *c = guest_dup(p->guest);
    free(c->arch);
    free(c->machine);
    c->arch = xstrdup(arches[next][0]);
    c->machine = xstrdup(arches[next][1]);
    if (c->has_iommu) {
        free(c->iommu_model);
        c->iommu_model = xstrdup(iommu_model_for(c->arch));
    }
    char what[64];
    snprintf(what, sizeof(what), _("architecture %s"), c->arch);
    return edit_done(p, c, what, err);
}

int plan_next_profile(struct plan *p, struct mp_error *err)
{
    /* Steps whose release cannot parse this guest are passed over (L would
     * otherwise stop at them), and named. */
    const struct profile *next = profile_next(p->profile);
    char skipped[64] = "";
    struct mp_error refusal = { 0 };
    while (next != p->profile && memlock_release_refuses(p->guest, next, &refusal) < 0) {
        size_t used = strlen(skipped);
        snprintf(skipped + used, sizeof(skipped) - used, "%s%s", used ? ", " : "", next->id);
        next = profile_next(next);
    }
    char what[160];
    if (skipped[0])
        snprintf(what, sizeof(what), _("profile %s (%s); %s cannot parse this guest"), next->id,
                 _(next->span), skipped);
    else
        snprintf(what, sizeof(what), _("profile %s (%s)"), next->id, _(next->span));
    return plan_apply(p, guest_dup(p->guest), next, what, err);
}

int plan_set_name(struct plan *p, const char *name, struct mp_error *err)
{
    if (!name[0])
        return mp_error_set(err, MP_ERR_INPUT, _("a guest needs a name"));
    struct guest *c = guest_dup(p->guest);
    free(c->name);
    c->name = text_safe_dup(name);
    char what[96];
    snprintf(what, sizeof(what), _("name %.60s"), c->name);
    return edit_done(p, c, what, err);
}

void plan_replace_guest(struct plan *p, struct guest *g, const char *path)
{
    clear_undo(p);
    p->undo_dropped = false;
    note_previous(p, _("opened a guest"));
    guest_free(p->guest);
    p->guest = g;
    free(p->path);
    p->path = path ? xstrdup(path) : NULL;
    recompute(p);
    p->dirty = false;
}

void plan_load_rebuilt(struct plan *p, struct guest *g, const struct profile *profile)
{
    p->profile = profile;
    plan_replace_guest(p, g, NULL);
    p->dirty = true;
}

void plan_saved(struct plan *p, const char *path)
{
    if (path != p->path) {
        free(p->path);
        p->path = xstrdup(path);
    }
    p->dirty = false;
}

void plan_replace_host(struct plan *p, struct host *h)
{
    char what[128];
    snprintf(what, sizeof(what), _("host %.100s"), h->source ? h->source : "?");
    note_previous(p, what);
    host_free(p->host);
    p->host = h;
    recompute(p);
}

bool plan_device_assigned(const struct plan *p, size_t dev)
{
    return dev < p->host->ndevices &&
           guest_find_pci_hostdev(p->guest, &p->host->devices[dev].addr) >= 0;
}

size_t plan_group_others(const struct plan *p, size_t dev)
{
    if (dev >= p->host->ndevices || p->host->devices[dev].iommu_group < 0)
        return 0;
    size_t n, count = 0;
    size_t *m = host_group_members(p->host, p->host->devices[dev].iommu_group, &n);
    bool state = plan_device_assigned(p, dev);
    /* Bridges stay on their own driver: never part of the whole group. */
    for (size_t i = 0; i < n; i++)
        if (m[i] != dev && plan_device_assigned(p, m[i]) == state &&
            !(host_device_is_bridge(&p->host->devices[m[i]]) && !state))
            count++;
    free(m);
    return count;
}

/* Puts `addr` into or out of guest `c`. */
static void set_assigned(struct guest *c, const struct pci_addr *addr, bool on)
{
    long i = guest_find_pci_hostdev(c, addr);
    if (on && i < 0)
        guest_add_hostdev(c, GUEST_HOSTDEV_PCI)->host = *addr;
    else if (!on)
        while ((i = guest_find_pci_hostdev(c, addr)) >= 0)
            guest_remove_hostdev(c, (size_t)i);
}

int plan_toggle_device(struct plan *p, size_t dev, bool whole_group, struct mp_error *err)
{
    if (dev >= p->host->ndevices)
        return mp_error_set(err, MP_ERR_INTERNAL, _("no such device"));
    const struct host_device *d = &p->host->devices[dev];
    bool on = !plan_device_assigned(p, dev);
    struct guest *c = guest_dup(p->guest);
    char a[PCI_ADDR_STRLEN], what[128];
    pci_addr_format(&d->addr, a);
    if (whole_group && d->iommu_group >= 0) {
        size_t n;
        size_t *m = host_group_members(p->host, d->iommu_group, &n);
        for (size_t i = 0; i < n; i++)
            if (!on || !host_device_is_bridge(&p->host->devices[m[i]]))
                set_assigned(c, &p->host->devices[m[i]].addr, on);
        free(m);
        snprintf(what, sizeof(what),
                 on ? P_("assign IOMMU group %d (%zu device)", "assign IOMMU group %d (%zu devices)", n)
                    : P_("unassign IOMMU group %d (%zu device)", "unassign IOMMU group %d (%zu devices)",
                         n),
                 d->iommu_group, n);
    } else {
        set_assigned(c, &d->addr, on);
        snprintf(what, sizeof(what), on ? _("assign %s") : _("unassign %s"), a);
    }
    return edit_done(p, c, what, err);
}

int plan_add_hostdev(struct plan *p, const struct pci_addr *addr, struct mp_error *err)
{
    char a[PCI_ADDR_STRLEN], what[128];
    pci_addr_format(addr, a);
    if (guest_find_pci_hostdev(p->guest, addr) >= 0)
        return mp_error_set(err, MP_ERR_INPUT, _("%s is assigned already"), a);
    struct guest *c = guest_dup(p->guest);
    guest_add_hostdev(c, GUEST_HOSTDEV_PCI)->host = *addr;
    if (p->host && !host_find(p->host, addr))
        snprintf(what, sizeof(what), _("add %s (not on this host)"), a);
    else
        snprintf(what, sizeof(what), _("assign %s"), a);
    return edit_done(p, c, what, err);
}

int plan_remove_hostdev(struct plan *p, size_t index, struct mp_error *err)
{
    if (index >= p->guest->nhostdevs)
        return mp_error_set(err, MP_ERR_INTERNAL, _("no such hostdev"));
    struct guest *c = guest_dup(p->guest);
    const struct guest_hostdev *h = &c->hostdevs[index];
    char what[128], a[PCI_ADDR_STRLEN];
    if (h->kind == GUEST_HOSTDEV_PCI) {
        pci_addr_format(&h->host, a);
        snprintf(what, sizeof(what), _("unassign %s"), a);
    } else {
        snprintf(what, sizeof(what), _("remove mdev %.40s"), h->mdev_uuid ? h->mdev_uuid : "?");
    }
    guest_remove_hostdev(c, index);
    return edit_done(p, c, what, err);
}

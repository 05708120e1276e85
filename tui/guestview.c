#include "config.h"

#include <stdio.h>
#include <string.h>

#include "guestview.h"
#include "hostview.h"
#include "i18n.h"
#include "size.h"
#include "text_safe.h"

size_t guestview_rows(const struct plan *p, struct grow *rows, size_t max)
{
    size_t n = 0;
    for (int f = GF_NAME; f <= GF_DEVHEADER; f++) {
        if (n < max)
            rows[n] = (struct grow){ (enum gfield)f, 0 };
        n++;
    }
    for (size_t i = 0; i < p->guest->nhostdevs; i++) {
        if (n < max)
            rows[n] = (struct grow){ GF_HOSTDEV, i };
        n++;
    }
    return n;
}

static void fmt_kib(uint64_t kib, char *buf, size_t len)
{
    size_format_kib(kib, buf, len);
}

static void phbs_text(const struct plan *p, char *value, size_t vlen)
{
    const struct guest *g = p->guest;
    if (!guest_is_ppc64(g)) {
        snprintf(value, vlen, "%s", _("- (pseries only)"));
        return;
    }
    if (g->phb_override) {
        snprintf(value, vlen, _("%u (manual)"), g->phb_override);
        return;
    }
    if (!p->have_result) {
        snprintf(value, vlen, "%s", _("auto"));
        return;
    }
    size_t added = 0;
    for (size_t i = 0; i < p->result.nphbs; i++)
        if (p->result.phbs[i].origin == PHB_ADDED_ISOLATION)
            added++;
    if (added)
        snprintf(value, vlen, _("auto: %zu (%zu added)"), p->result.nphbs, added);
    else
        snprintf(value, vlen, _("auto: %zu"), p->result.nphbs);
}

static void hostdev_text(const struct plan *p, size_t i, char *value, size_t vlen)
{
    const struct guest_hostdev *h = &p->guest->hostdevs[i];
    if (h->kind == GUEST_HOSTDEV_MDEV) {
        char u[64];
        text_safe_copy(u, sizeof(u), h->mdev_uuid ? h->mdev_uuid : "?");
        snprintf(value, vlen, _("mdev %s"), u);
        return;
    }
    char a[PCI_ADDR_STRLEN];
    pci_addr_format(&h->host, a);
    const struct host_device *d = p->host ? host_find(p->host, &h->host) : NULL;
    if (!d)
        snprintf(value, vlen, _("%s (not on this host)"), a);
    else if (d->iommu_group >= 0)
        snprintf(value, vlen, "%s %s g%d", a, hostview_tag(d, p->profile->nv2_files), d->iommu_group);
    else
        snprintf(value, vlen, "%s %s", a, hostview_tag(d, p->profile->nv2_files));
}

void guestview_text(const struct plan *p, const struct grow *r, char *label, size_t llen,
                    char *value, size_t vlen)
{
    const struct guest *g = p->guest;
    char s[32], t[32];
    value[0] = '\0';
    switch (r->field) {
    case GF_NAME:
        snprintf(label, llen, "%s", _("Name"));
        text_safe_copy(value, vlen, g->name ? g->name : _("(none)"));
        break;
    case GF_ARCH:
        snprintf(label, llen, "%s", _("Arch"));
        snprintf(value, vlen, "%s / %s", g->arch ? g->arch : "?", g->machine ? g->machine : "?");
        text_safe_copy(value, vlen, value);
        break;
    case GF_TYPE:
        snprintf(label, llen, "%s", _("Type"));
        text_safe_copy(value, vlen, g->virt == GUEST_VIRT_QEMU ? _("qemu (TCG)")
                                    : g->virt_name ? g->virt_name : "kvm");
        break;
    case GF_MEMORY:
        snprintf(label, llen, "%s", _("Memory [m]"));
        if (p->have_result) {
            fmt_kib(p->result.memory_kib, s, sizeof(s));
            snprintf(value, vlen, "%s", s);
            /* What was written when alignment or NUMA cells change it. */
            if (g->memory_kib && g->memory_kib != p->result.memory_kib && !g->nnuma) {
                fmt_kib(g->memory_kib, t, sizeof(t));
                snprintf(value, vlen, _("%s (written %s)"), s, t);
            }
        } else {
            fmt_kib(g->memory_kib, s, sizeof(s));
            snprintf(value, vlen, "%s", s);
        }
        break;
    case GF_MAXMEM:
        snprintf(label, llen, "%s", _("Max mem [M]"));
        if (g->max_memory_kib) {
            fmt_kib(g->max_memory_kib, s, sizeof(s));
            snprintf(value, vlen, "%s", s);
        } else {
            snprintf(value, vlen, "%s", _("none (= memory)"));
        }
        break;
    case GF_PHBS:
        snprintf(label, llen, "%s", _("PHBs [p]"));
        phbs_text(p, value, vlen);
        break;
    case GF_HARD:
        snprintf(label, llen, "%s", _("hard_limit [H]"));
        if (g->has_hard_limit) {
            fmt_kib(g->hard_limit_kib, s, sizeof(s));
            snprintf(value, vlen, "%s", s);
        } else {
            snprintf(value, vlen, "%s", _("none"));
        }
        break;
    case GF_LOCKED:
        snprintf(label, llen, "%s", _("Locked [l]"));
        snprintf(value, vlen, "%s", g->locked ? _("yes") : _("no"));
        break;
    case GF_VIOMMU:
        snprintf(label, llen, "%s", _("vIOMMU [v]"));
        if (g->has_iommu) {
            char m[32];
            text_safe_copy(m, sizeof(m), g->iommu_model ? g->iommu_model : "?");
            snprintf(value, vlen, _("yes (%s)"), m);
        } else {
            snprintf(value, vlen, "%s", _("no"));
        }
        break;
    case GF_HOTPLUG:
        snprintf(label, llen, "%s", _("VFIO hotplug [f]"));
        snprintf(value, vlen, "%s", g->force_vfio ? _("yes") : _("no"));
        break;
    case GF_PROFILE:
        snprintf(label, llen, "%s", _("libvirt [L]"));
        snprintf(value, vlen, "%s (%s)", p->profile->id, _(p->profile->span));
        break;
    case GF_DEVHEADER:
        snprintf(label, llen, _("Devices (%zu)"), g->nhostdevs);
        snprintf(value, vlen, "%s", g->nhostdevs ? "" : _("none: Space on a host device"));
        break;
    case GF_HOSTDEV:
        snprintf(label, llen, "  %s", g->hostdevs[r->hostdev].kind == GUEST_HOSTDEV_MDEV ? "mdev" : "PCI");
        hostdev_text(p, r->hostdev, value, vlen);
        break;
    }
}

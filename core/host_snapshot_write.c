/* Host snapshot out: every string made terminal- and XML-safe first. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "host_snapshot.h"
#include "i18n.h"
#include "text_safe.h"
#include "xalloc.h"

const char *const host_snapshot_nv2_names[4] = { "ibm,gpu", "ibm,nvlink", "ibm,nvlink-speed",
                                                  "memory-region" };

/* Text with control characters and bad UTF-8 replaced (XML 1.0 has no room
 * for them) and markup escaped. */
static void put_text(FILE *out, const char *s)
{
    /* Readers refuse longer values: cut here rather than write an unreadable file. */
    char *cut = xstrndup(s, HOST_SNAPSHOT_MAX_TEXT);
    char *safe = text_safe_dup(cut);
    free(cut);
    for (const char *p = safe; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*p, out); break;
        }
    }
    free(safe);
}

static void attr(FILE *out, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(out, " %s=\"", name);
    put_text(out, value);
    fputc('"', out);
}

static void attr_addr(FILE *out, const char *name, const struct pci_addr *a)
{
    char buf[PCI_ADDR_STRLEN];
    pci_addr_format(a, buf);
    attr(out, name, buf);
}

static void element(FILE *out, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(out, "  <%s>", name);
    put_text(out, value);
    fprintf(out, "</%s>\n", name);
}

static void write_device(FILE *out, const struct host_device *d)
{
    fputs("    <device", out);
    attr_addr(out, "address", &d->addr);
    if (d->has_parent)
        attr_addr(out, "parent", &d->parent);
    if (d->ids_known)
        fprintf(out, " vendor=\"%04x\" device=\"%04x\" subsystem_vendor=\"%04x\""
                     " subsystem_device=\"%04x\" class=\"%06x\" revision=\"%02x\"",
                d->vendor, d->device, d->subsystem_vendor, d->subsystem_device,
                (unsigned)d->class_code, d->revision);
    if (!d->driver_known)
        fputs(" driver_known=\"no\"", out);
    else
        attr(out, "driver", d->driver);
    if (d->iommu_group >= 0)
        fprintf(out, " iommu_group=\"%d\"", d->iommu_group);
    if (d->numa_node >= 0)
        fprintf(out, " numa_node=\"%d\"", d->numa_node);
    attr(out, "vendor_name", d->vendor_name);
    attr(out, "device_name", d->device_name);
    if (d->vendor_name)
        attr(out, "name_source", host_name_source_str(d->name_source));
    attr(out, "of_node", d->of_node);
    if (d->nv2_files) {
        fputs(" nv2_files=\"", out);
        bool first = true;
        for (unsigned b = 0; b < 4; b++)
            if (d->nv2_files & (1u << b)) {
                fprintf(out, "%s%s", first ? "" : " ", host_snapshot_nv2_names[b]);
                first = false;
            }
        fputc('"', out);
    }
    if (d->has_gpu_link)
        attr_addr(out, "gpu", &d->gpu);
    if (d->gpu_ram_size) {
        fprintf(out, " gpu_ram_base=\"0x%llx\" gpu_ram_size=\"0x%llx\"",
                (unsigned long long)d->gpu_ram_base, (unsigned long long)d->gpu_ram_size);
        if (d->gpu_ram_numa_node >= 0)
            fprintf(out, " gpu_ram_numa_node=\"%d\"", d->gpu_ram_numa_node);
    }
    fputs("/>\n", out);
}

int host_snapshot_write(FILE *out, const struct host *h, struct mp_error *err)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    fprintf(out, "<memlock-planner-host version=\"%d\">\n", HOST_SNAPSHOT_VERSION);
    element(out, "recorded-from", h->source);
    element(out, "description", h->description);
    element(out, "hostname", h->hostname);
    element(out, "arch", h->arch);
    element(out, "kernel", h->kernel);
    element(out, "libvirt", h->libvirt);
    element(out, "model", h->model);
    if (h->memory_known)
        fprintf(out, "  <memory unit=\"KiB\">%llu</memory>\n", (unsigned long long)h->memory_kib);
    if (h->memlock_kind == HOST_LIMIT_BYTES)
        fprintf(out, "  <memlock unit=\"bytes\">%llu</memlock>\n",
                (unsigned long long)h->memlock_bytes);
    else if (h->memlock_kind == HOST_LIMIT_UNLIMITED)
        fputs("  <memlock>unlimited</memlock>\n", out);
    if (h->has_kvm != HOST_UNKNOWN)
        fprintf(out, "  <kvm>%s</kvm>\n", h->has_kvm ? "yes" : "no");
    fputs("  <devices>\n", out);
    for (size_t i = 0; i < h->ndevices; i++)
        write_device(out, &h->devices[i]);
    fputs("  </devices>\n", out);
    if (h->warnings.n) {
        fputs("  <warnings>\n", out);
        for (size_t i = 0; i < h->warnings.n; i++) {
            fputs("    <warning>", out);
            put_text(out, h->warnings.items[i].c);
            fputs("</warning>\n", out);
        }
        fputs("  </warnings>\n", out);
    }
    fputs("</memlock-planner-host>\n", out);
    if (fflush(out) != 0 || ferror(out))
        return mp_error_set(err, MP_ERR_INTERNAL, _("cannot write the snapshot: %s"),
                            strerror(errno));
    return 0;
}

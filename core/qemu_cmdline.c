#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qemu_cmdline.h"
#include "qemu_opts.h"
#include "size.h"
#include "xalloc.h"

struct argv_list {
    char **v;
    size_t n, cap;
};

/* Shell words: '...' literal, "..." with \" \\ \$ \` escapes, \x outside
 * quotes, backslash-newline dropped. An unclosed quote ends the word. */
static void split_words(const char *s, struct argv_list *out)
{
    size_t len = strlen(s);
    char *w = xmalloc(len + 1);
    while (*s && out->n < QEMU_CMDLINE_MAX_ARGS) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'
               || (*s == '\\' && (s[1] == '\n' || (s[1] == '\r' && s[2] == '\n'))))
            s += (*s == '\\') ? (s[1] == '\r' ? 3 : 2) : 1;
        if (!*s)
            break;
        size_t n = 0;
        while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
            if (*s == '\'') {
                for (s++; *s && *s != '\''; s++)
                    w[n++] = *s;
                if (*s)
                    s++;
            } else if (*s == '"') {
                for (s++; *s && *s != '"'; s++) {
                    if (*s == '\\' && s[1] && strchr("\"\\$`", s[1]))
                        s++;
                    w[n++] = *s;
                }
                if (*s)
                    s++;
            } else if (*s == '\\' && s[1]) {
                if (s[1] != '\n')
                    w[n++] = s[1];
                s += 2;
            } else {
                w[n++] = *s++;
            }
        }
        XGROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = xstrndup(w, n);
    }
    free(w);
}

static bool is_env_assignment(const char *w)
{
    if (!isalpha((unsigned char)*w) && *w != '_')
        return false;
    for (; *w && *w != '='; w++)
        if (!isalnum((unsigned char)*w) && *w != '_')
            return false;
    return *w == '=';
}

static bool is_qemu_binary(const char *w)
{
    const char *base = strrchr(w, '/');
    base = base ? base + 1 : w;
    if (!strcmp(base, "qemu-kvm"))
        return true;
    if (strncmp(base, "qemu-system-", 12) || !base[12])
        return false;
    /* "qemu-system-x86_64:" starts QEMU's own error lines, not a command. */
    for (const char *p = base + 12; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return false;
    return true;
}

bool qemu_cmdline_starts(const char *line)
{
    while (*line == ' ')
        line++;
    /* Environment words then the binary; the first few words decide. */
    for (int i = 0; i < 64 && *line; i++) {
        const char *end = line;
        while (*end && *end != ' ')
            end++;
        char word[512];
        size_t n = (size_t)(end - line);
        if (n >= sizeof(word))
            return false;
        memcpy(word, line, n);
        word[n] = '\0';
        if (is_qemu_binary(word))
            return true;
        if (!is_env_assignment(word))
            return false;
        line = end;
        while (*line == ' ')
            line++;
    }
    return false;
}

/* ---- from options to the guest model ---- */

struct backend {
    char *id;
    uint64_t kib;
};

struct reader {
    struct qemu_cmdline *c;
    struct guest *g;
    struct backend *backends;
    size_t nbackends, bcap;
    char **numa_memdevs;       /* -numa node,memdev=ID in order */
    size_t nnuma, ncap;
    struct { char *model; char *memdev; } *dimms;
    size_t ndimms, dcap;
    uint64_t initial_kib;
    bool have_m;
};

static void add_controller(struct guest *g, unsigned index, const char *model_name)
{
    for (size_t i = 0; i < g->ncontrollers; i++)
        if (g->controllers[i].index == index)
            return;
    g->controllers = xreallocarray(g->controllers, g->ncontrollers + 1, sizeof(*g->controllers));
    struct guest_pci_controller *ctl = &g->controllers[g->ncontrollers++];
    memset(ctl, 0, sizeof(*ctl));
    ctl->model = GUEST_PCI_ROOT;
    ctl->index = index;
    ctl->model_name = xstrdup(model_name);
}

/* "pci.3" -> 3 (libvirt names a PCI controller's bus "pci.INDEX"). */
static bool bus_index(const char *bus, unsigned *index)
{
    if (!bus || strncmp(bus, "pci.", 4) || !isdigit((unsigned char)bus[4]))
        return false;
    char *end;
    unsigned long v = strtoul(bus + 4, &end, 10);
    if (*end || v > 0xffff)
        return false;
    *index = (unsigned)v;
    return true;
}

static void read_device(struct reader *r, const struct qemu_opts *o)
{
    struct guest *g = r->g;
    const char *driver = qemu_opts_get(o, "driver");
    if (!driver)
        return;
    if (!strcmp(driver, "vfio-pci")) {
        const char *host = qemu_opts_get(o, "host");
        const char *sysfsdev = qemu_opts_get(o, "sysfsdev");
        struct guest_hostdev *hd;
        if (host) {
            struct pci_addr a;
            if (!pci_addr_parse(host, &a)) {
                msg_list_add(&r->c->notes, N_("vfio-pci host=%s is not a PCI address: left out"),
                             host);
                return;
            }
            hd = guest_add_hostdev(g, GUEST_HOSTDEV_PCI);
            hd->host = a;
        } else if (sysfsdev && strstr(sysfsdev, "/mdev")) {
            hd = guest_add_hostdev(g, GUEST_HOSTDEV_MDEV);
            const char *uuid = strrchr(sysfsdev, '/');
            hd->mdev_uuid = xstrdup(uuid ? uuid + 1 : sysfsdev);
        } else {
            return;
        }
        unsigned idx;
        if (bus_index(qemu_opts_get(o, "bus"), &idx)) {
            hd->has_guest_addr = true;
            hd->guest_bus = idx;
        }
    } else if (!strcmp(driver, "vfio-ccw") || !strcmp(driver, "vfio-ap")) {
        struct guest_hostdev *hd = guest_add_hostdev(g, GUEST_HOSTDEV_MDEV);
        const char *dev = qemu_opts_get(o, "sysfsdev");
        const char *uuid = dev ? strrchr(dev, '/') : NULL;
        hd->mdev_uuid = xstrdup(uuid ? uuid + 1 : driver);
    } else if (!strcmp(driver, "spapr-pci-host-bridge")) {
        unsigned idx;
        if (bus_index(qemu_opts_get(o, "id"), &idx))
            add_controller(g, idx, "pci-root");
    } else if (!strcmp(driver, "intel-iommu") || !strcmp(driver, "virtio-iommu-pci")
               || !strcmp(driver, "virtio-iommu") || !strcmp(driver, "amd-iommu")
               || !strcmp(driver, "arm-smmuv3")) {
        g->has_iommu = true;
        free(g->iommu_model);
        g->iommu_model = xstrdup(!strncmp(driver, "intel", 5)    ? "intel"
                                 : !strncmp(driver, "virtio", 6) ? "virtio"
                                 : !strncmp(driver, "amd", 3)    ? "amd"
                                                                 : "smmuv3");
    } else if (!strcmp(driver, "pc-dimm") || !strcmp(driver, "nvdimm")
               || !strcmp(driver, "virtio-mem-pci") || !strcmp(driver, "virtio-pmem-pci")) {
        const char *memdev = qemu_opts_get(o, "memdev");
        if (!memdev)
            return;
        XGROW(r->dimms, r->dcap, r->ndimms + 1);
        r->dimms[r->ndimms].model = xstrdup(!strcmp(driver, "pc-dimm")          ? "dimm"
                                            : !strcmp(driver, "nvdimm")         ? "nvdimm"
                                            : !strcmp(driver, "virtio-mem-pci") ? "virtio-mem"
                                                                                : "virtio-pmem");
        r->dimms[r->ndimms++].memdev = xstrdup(memdev);
    }
}

static void read_object(struct reader *r, const struct qemu_opts *o)
{
    const char *type = qemu_opts_get(o, "qom-type");
    const char *id = qemu_opts_get(o, "id");
    const char *size = qemu_opts_get(o, "size");
    uint64_t kib;
    if (!type || !id || strncmp(type, "memory-backend-", 15) || !size
        || !qemu_size_to_kib(size, 1, &kib))
        return;
    XGROW(r->backends, r->bcap, r->nbackends + 1);
    r->backends[r->nbackends].id = xstrdup(id);
    r->backends[r->nbackends++].kib = kib;
}

static const struct backend *find_backend(const struct reader *r, const char *id)
{
    for (size_t i = r->nbackends; i-- > 0;)
        if (!strcmp(r->backends[i].id, id))
            return &r->backends[i];
    return NULL;
}

static void read_memory(struct reader *r, const struct qemu_opts *o)
{
    const char *size = qemu_opts_get(o, "size");
    const char *maxmem = qemu_opts_get(o, "maxmem");
    const char *slots = qemu_opts_get(o, "slots");
    uint64_t kib;
    if (size) {
        /* -m 4096 is MiB; libvirt writes size=NNNk. */
        if (qemu_size_to_kib(size, KIB_PER_MIB * 1024, &kib)) {
            r->initial_kib = kib;
            r->have_m = true;
        } else {
            msg_list_add(&r->c->notes, N_("-m size=%s is not a size: memory unknown"), size);
        }
    }
    if (maxmem && qemu_size_to_kib(maxmem, KIB_PER_MIB * 1024, &kib))
        r->g->max_memory_kib = kib;
    if (slots)
        r->g->max_memory_slots = (unsigned)strtoul(slots, NULL, 10);
}

static void read_machine(struct reader *r, const struct qemu_opts *o)
{
    const char *type = qemu_opts_get(o, "type");
    const char *accel = qemu_opts_get(o, "accel");
    if (type) {
        free(r->g->machine);
        r->g->machine = xstrdup(type);
    }
    if (accel)
        r->g->virt = strstr(accel, "kvm") ? GUEST_VIRT_KVM : GUEST_VIRT_QEMU;
    const char *iommu = qemu_opts_get(o, "iommu");
    if (iommu && !strcmp(iommu, "smmuv3")) {
        r->g->has_iommu = true;
        free(r->g->iommu_model);
        r->g->iommu_model = xstrdup("smmuv3");
    }
}

static void read_blockdev(struct reader *r, const struct qemu_opts *o)
{
    const char *driver = qemu_opts_get(o, "driver");
    if (driver && !strcmp(driver, "nvme"))
        r->g->nvme_disks++;
    else if (driver && !strcmp(driver, "virtio-blk-vhost-vdpa"))
        msg_list_add(&r->c->notes,
                     N_("a vDPA block device (%s) is counted as a vDPA interface"), driver);
}

static void read_netdev(struct reader *r, const struct qemu_opts *o)
{
    const char *type = qemu_opts_get(o, "type");
    if (type && !strcmp(type, "vhost-vdpa"))
        r->g->vdpa_interfaces++;
}

static void finish_memory(struct reader *r)
{
    struct guest *g = r->g;
    uint64_t total = r->initial_kib;
    for (size_t i = 0; i < r->ndimms; i++) {
        const struct backend *b = find_backend(r, r->dimms[i].memdev);
        if (!b)
            continue;
        g->memdevs = xreallocarray(g->memdevs, g->nmemdevs + 1, sizeof(*g->memdevs));
        g->memdevs[g->nmemdevs].model = xstrdup(r->dimms[i].model);
        g->memdevs[g->nmemdevs++].size_kib = b->kib;
        if (!size_add(total, b->kib, &total))
            total = UINT64_MAX;
    }
    /* libvirt's <memory> is the total: initial memory plus memory devices
     * (virDomainDefGetMemoryTotal); -m size= is the initial part. */
    g->memory_kib = total;
    for (size_t i = 0; i < r->nnuma; i++) {
        const struct backend *b = find_backend(r, r->numa_memdevs[i]);
        if (!b) {
            free(g->numa_cells_kib);
            g->numa_cells_kib = NULL;
            g->nnuma = 0;
            break;
        }
        g->numa_cells_kib = xreallocarray(g->numa_cells_kib, g->nnuma + 1, sizeof(uint64_t));
        g->numa_cells_kib[g->nnuma++] = b->kib;
    }
    if (!r->have_m)
        msg_list_add(&r->c->notes, N_("no -m option: the guest's memory is unknown (0)"));
}

static void set_arch(struct guest *g, const char *binary)
{
    const char *base = strrchr(binary, '/');
    base = base ? base + 1 : binary;
    const char *arch = NULL;
    if (!strncmp(base, "qemu-system-", 12))
        arch = base + 12;
    else if (g->machine && !strncmp(g->machine, "pseries", 7))
        arch = "ppc64le";
    else if (g->machine && (!strncmp(g->machine, "pc", 2) || strstr(g->machine, "q35")))
        arch = "x86_64";
    /* qemu-system-ppc64 runs both ppc64 and ppc64le guests; libvirt treats
     * them alike (ARCH_IS_PPC64). */
    if (arch && !strcmp(arch, "ppc64"))
        arch = "ppc64le";
    free(g->arch);
    g->arch = arch ? xstrdup(arch) : NULL;
}

static const char *implied_key(const char *opt)
{
    if (!strcmp(opt, "-device"))
        return "driver";
    if (!strcmp(opt, "-object"))
        return "qom-type";
    if (!strcmp(opt, "-machine") || !strcmp(opt, "-M") || !strcmp(opt, "-netdev"))
        return "type";
    if (!strcmp(opt, "-m"))
        return "size";
    if (!strcmp(opt, "-accel"))
        return "accel";
    if (!strcmp(opt, "-numa"))
        return "type";
    return NULL;
}

static void read_option(struct reader *r, const char *opt, const char *arg)
{
    struct qemu_opts o = { 0 };
    if (!qemu_opts_parse(arg, implied_key(opt), &o))
        msg_list_add(&r->c->notes, N_("%s: the JSON argument is malformed; read in part"), opt);
    if (!strcmp(opt, "-device"))
        read_device(r, &o);
    else if (!strcmp(opt, "-object"))
        read_object(r, &o);
    else if (!strcmp(opt, "-m"))
        read_memory(r, &o);
    else if (!strcmp(opt, "-machine") || !strcmp(opt, "-M"))
        read_machine(r, &o);
    else if (!strcmp(opt, "-accel")) {
        const char *a = qemu_opts_get(&o, "accel");
        if (a)
            r->g->virt = !strcmp(a, "kvm") ? GUEST_VIRT_KVM : GUEST_VIRT_QEMU;
    } else if (!strcmp(opt, "-blockdev"))
        read_blockdev(r, &o);
    else if (!strcmp(opt, "-netdev"))
        read_netdev(r, &o);
    else if (!strcmp(opt, "-numa")) {
        const char *type = qemu_opts_get(&o, "type");
        const char *memdev = qemu_opts_get(&o, "memdev");
        if (type && !strcmp(type, "node") && memdev) {
            XGROW(r->numa_memdevs, r->ncap, r->nnuma + 1);
            r->numa_memdevs[r->nnuma++] = xstrdup(memdev);
        }
    } else if (!strcmp(opt, "-overcommit")) {
        if (qemu_opt_is_true(qemu_opts_get(&o, "mem-lock"))) {
            r->c->mem_lock = true;
            r->c->mem_lock_option = "-overcommit mem-lock=on";
        }
    } else if (!strcmp(opt, "-realtime")) {
        if (qemu_opt_is_true(qemu_opts_get(&o, "mlock"))) {
            r->c->mem_lock = true;
            r->c->mem_lock_option = "-realtime mlock=on";
        }
    } else if (!strcmp(opt, "-name")) {
        const char *name = qemu_opts_get(&o, "guest");
        if (!name && o.n && !strchr(arg, '='))
            name = o.items[0].value;
        if (name) {
            free(r->g->name);
            r->g->name = xstrdup(name);
        }
    }
    qemu_opts_free(&o);
}

/* Options QEMU takes without an argument; every other option takes one. */
static bool is_flag(const char *opt)
{
    static const char *const flags[] = {
        "-S", "-enable-kvm", "-no-user-config", "-nodefaults", "-no-shutdown", "-no-acpi",
        "-nographic", "-daemonize", "-snapshot", "-no-hpet", "-no-reboot", "-enable-fips",
        "-no-kvm", "-no-kvm-pit-reinjection", "-no-fd-bootchk", "-full-screen", "-preconfig",
        "-s", "-sandbox-off", "-nodefconfig", "-no-frame", "-alt-grab", "-ctrl-grab",
    };
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
        if (!strcmp(opt, flags[i]))
            return true;
    return false;
}

int qemu_cmdline_parse(const char *text, struct qemu_cmdline *out, struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    struct argv_list a = { 0 };
    split_words(text, &a);
    size_t i = 0;
    while (i < a.n && is_env_assignment(a.v[i]))
        i++;
    int rc = 0;
    struct reader r = { .c = out };
    out->guest = r.g = guest_new();
    if (i >= a.n || !is_qemu_binary(a.v[i])) {
        rc = mp_error_set(err, MP_ERR_INPUT, "%s", _("no QEMU binary on the command line"));
        goto done;
    }
    out->binary = xstrdup(a.v[i++]);
    r.g->virt = GUEST_VIRT_QEMU; /* TCG unless an accelerator says kvm */
    bool accel_seen = false;
    for (; i < a.n; i++) {
        const char *opt = a.v[i];
        if (opt[0] != '-' || opt[1] == '\0')
            continue;
        if (!strcmp(opt, "-enable-kvm")) {
            r.g->virt = GUEST_VIRT_KVM;
            accel_seen = true;
            continue;
        }
        if (is_flag(opt) || i + 1 >= a.n)
            continue;
        if (!strcmp(opt, "-accel") || !strcmp(opt, "-machine") || !strcmp(opt, "-M"))
            accel_seen = accel_seen || !strcmp(opt, "-accel") || strstr(a.v[i + 1], "accel");
        read_option(&r, opt, a.v[++i]);
    }
    if (!accel_seen)
        msg_list_add(&out->notes, N_("no accelerator on the command line: TCG assumed"));
    free(r.g->virt_name);
    r.g->virt_name = xstrdup(r.g->virt == GUEST_VIRT_KVM ? "kvm" : "qemu");
    set_arch(r.g, out->binary);
    finish_memory(&r);
    if (out->mem_lock)
        r.g->locked = true;
    /* pseries always has the default PHB (index 0) even when libvirt does not
     * write it (qemuBuildControllersCommandLine skips it). */
    if (guest_is_ppc64(r.g))
        add_controller(r.g, 0, "pci-root");
done:
    for (size_t k = 0; k < a.n; k++)
        free(a.v[k]);
    free(a.v);
    for (size_t k = 0; k < r.nbackends; k++)
        free(r.backends[k].id);
    free(r.backends);
    for (size_t k = 0; k < r.nnuma; k++)
        free(r.numa_memdevs[k]);
    free(r.numa_memdevs);
    for (size_t k = 0; k < r.ndimms; k++) {
        free(r.dimms[k].model);
        free(r.dimms[k].memdev);
    }
    free(r.dimms);
    return rc;
}

void qemu_cmdline_free(struct qemu_cmdline *c)
{
    free(c->binary);
    if (c->guest)
        guest_free(c->guest);
    msg_list_free(&c->notes);
    memset(c, 0, sizeof(*c));
}

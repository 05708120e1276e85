#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libudev.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dt_prop.h"
#include "host_root.h"
#include "i18n.h"
#include "pci_names.h"
#include "pci_uevent.h"
#include "probe_sysfs.h"
#include "probe_udev.h"
#include "probe_warn.h"
#include "text_safe.h"
#include "xalloc.h"

#define DT_ROOT "/sys/firmware/devicetree/base"

/* Device-tree facts kept per device until the links are resolved. */
struct dt_info {
    bool has_node;          /* of_node exists (link or directory) */
    bool has_phandle_file;
    bool gpu_ph_ok, mem_ph_ok;
    uint32_t gpu_ph, mem_ph;
    uint32_t phandle;       /* own phandle, once read */
    bool phandle_ok;
    char *node_dir;         /* <syspath>/of_node, for later raw reads */
};

struct scan {
    struct host *h;
    struct udev *udev;
    struct udev_hwdb *hwdb;
    struct pci_names *pci_ids;  /* pci.ids through libpci, when hwdb has no name */
    struct dt_info *dt;     /* parallel to h->devices while scanning */
    size_t dt_cap;
    /* hardware-database names, cached by vendor (and vendor:device) */
    struct name_cache {
        uint32_t key;
        char *vendor, *device;
        enum host_name_source source;
    } *names;
    size_t nnames, names_cap;
    uint32_t *slots;        /* open addressing over names: index + 1, 0 free */
    size_t nslots;          /* a power of two, over twice nnames */
};

static const char *errstr(int e)
{
    return strerror(e);
}

/* ---- ids ---- */

static bool read_hex(struct scan *s, int dfd, const char *addr, const char *attr,
                     uint32_t max, uint32_t *out)
{
    char buf[64];
    if (sysfs_read_line_at(dfd, attr, buf, sizeof(buf)) < 0) {
        probe_warn(s->h, N_("%s: cannot read %s: %s"), addr, attr, errstr(errno));
        return false;
    }
    if (!sysfs_parse_hex(buf, max, out)) {
        probe_warn(s->h, N_("%s: %s is not a hexadecimal id: '%s'"), addr, attr, buf);
        return false;
    }
    return true;
}

static void read_ids(struct scan *s, struct host_device *d, int dfd, const char *addr)
{
    uint32_t v, dev, sv = 0, sd = 0, cls, rev = 0;
    bool ok = read_hex(s, dfd, addr, "vendor", 0xffff, &v) &
              read_hex(s, dfd, addr, "device", 0xffff, &dev) &
              read_hex(s, dfd, addr, "class", 0xffffff, &cls);
    /* Subsystem ids and revision are secondary: a gap there leaves them 0. */
    read_hex(s, dfd, addr, "subsystem_vendor", 0xffff, &sv);
    read_hex(s, dfd, addr, "subsystem_device", 0xffff, &sd);
    read_hex(s, dfd, addr, "revision", 0xff, &rev);
    if (!ok)
        return;
    d->ids_known = true;
    d->vendor = (uint16_t)v;
    d->device = (uint16_t)dev;
    d->class_code = cls;
    d->subsystem_vendor = (uint16_t)sv;
    d->subsystem_device = (uint16_t)sd;
    d->revision = (uint8_t)rev;
}

/* The ids and the driver from the uevent file, when it has them all (a
 * real kernel's always does): one file read instead of five and a link.
 * Returns false to fall back to the attribute files. */
static bool read_uevent(struct scan *s, struct host_device *d, int dfd, const char *addr)
{
    char buf[1024];
    ssize_t n = sysfs_read_raw_at(dfd, "uevent", buf, sizeof(buf));
    if (n < 0)
        return false;
    size_t len = (size_t)n;
    if (len == sizeof(buf)) /* cut: drop the last, maybe partial, line */
        while (len > 0 && buf[len - 1] != '\n')
            len--;
    struct pci_uevent u;
    pci_uevent_parse(buf, len, &u);
    if (!pci_uevent_complete(&u))
        return false;
    uint32_t rev = 0;
    /* The revision is not in the uevent; a gap leaves it 0, as before. */
    read_hex(s, dfd, addr, "revision", 0xff, &rev);
    d->ids_known = true;
    d->vendor = u.vendor;
    d->device = u.device;
    d->class_code = u.class_code;
    d->subsystem_vendor = u.subsystem_vendor;
    d->subsystem_device = u.subsystem_device;
    d->revision = (uint8_t)rev;
    if (u.driver_state == PCI_UEVENT_BAD_DRIVER)
        return true;                /* the driver link decides */
    d->driver_known = true;
    if (u.driver_state == PCI_UEVENT_DRIVER)
        d->driver = xstrdup(u.driver);
    return true;
}

/* ---- links: driver, iommu_group ---- */

static void read_driver(struct scan *s, struct host_device *d, int dfd, const char *addr)
{
    char name[NAME_MAX + 1];
    if (sysfs_link_base_at(dfd, "driver", name, sizeof(name), NULL, 0) == 0) {
        d->driver = xstrdup(name);
        d->driver_known = true;
    } else if (errno == ENOENT) {
        d->driver_known = true;     /* no driver bound */
    } else {
        probe_warn(s->h, N_("%s: cannot read the driver link: %s"), addr, errstr(errno));
    }
}

static void read_group(struct scan *s, struct host_device *d, int dfd, const char *addr)
{
    char name[NAME_MAX + 1];
    int g;
    if (sysfs_link_base_at(dfd, "iommu_group", name, sizeof(name), NULL, 0) < 0) {
        if (errno != ENOENT)
            probe_warn(s->h, N_("%s: cannot read the iommu_group link: %s"), addr, errstr(errno));
        return;
    }
    if (!sysfs_parse_int(name, &g) || g < 0)
        probe_warn(s->h, N_("%s: iommu_group link names '%s', not a group number"), addr, name);
    else
        d->iommu_group = g;
}

static void read_numa(struct scan *s, struct host_device *d, int dfd, const char *addr)
{
    char buf[64];
    int n;
    if (sysfs_read_line_at(dfd, "numa_node", buf, sizeof(buf)) < 0) {
        /* Kernels without NUMA have no numa_node at all. */
        if (errno != ENOENT)
            probe_warn(s->h, N_("%s: cannot read numa_node: %s"), addr, errstr(errno));
        return;
    }
    if (!sysfs_parse_int(buf, &n) || n < -1)
        probe_warn(s->h, N_("%s: numa_node is not a node number: '%s'"), addr, buf);
    else
        d->numa_node = n < 0 ? HOST_UNKNOWN : n;
}

/* ---- parent: the enclosing sysfs directory, when it is a PCI device ---- */

static void read_parent(struct host_device *d, const char *syspath)
{
    const char *end = strrchr(syspath, '/');
    if (!end || end == syspath)
        return;
    const char *start = end - 1;
    while (start > syspath && *start != '/')
        start--;
    char name[64];
    size_t len = (size_t)(end - start - 1);
    if (len == 0 || len >= sizeof(name))
        return;
    memcpy(name, start + 1, len);
    name[len] = '\0';
    struct pci_addr p;
    if (pci_addr_parse(name, &p) && !pci_addr_eq(&p, &d->addr)) {
        d->has_parent = true;
        d->parent = p;
    }
}

/* ---- device tree ---- */

/* Reads a device-tree property's raw bytes into `buf` (DT_PROP_MAX).
 * Returns the length, or -1 when it cannot be read. */
static ssize_t read_prop(const char *dir, const char *name, unsigned char *buf)
{
    return sysfs_read_raw(dir, name, buf, DT_PROP_MAX);
}

static bool read_phandle(const char *dir, const char *name, uint32_t *out)
{
    unsigned char raw[DT_PROP_MAX];
    ssize_t n = read_prop(dir, name, raw);
    return n >= 0 && dt_prop_phandle(raw, (size_t)n, out);
}

static void read_of_node(struct scan *s, struct host_device *d, struct dt_info *dt,
                         int dfd, const char *syspath, const char *addr)
{
    char base[NAME_MAX + 1], target[PATH_MAX];
    if (sysfs_link_base_at(dfd, "of_node", base, sizeof(base), target, sizeof(target)) == 0) {
        const char *p = strstr(target, "devicetree/base");
        const char *path = p ? p + strlen("devicetree/base") : target;
        d->of_node = xstrdup(*path ? path : "/");
    } else if (errno == ENOENT) {
        return;                     /* no device-tree node (x86, most devices) */
    } else if (errno != EINVAL) {
        probe_warn(s->h, N_("%s: cannot read the of_node link: %s"), addr, errstr(errno));
        return;
    }
    /* A link, or a plain directory (umockdev builds those): list its files. */
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof(dir), "%s/of_node", syspath) >= (int)sizeof(dir))
        return;
    int nfd = openat(dfd, "of_node", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dp = nfd < 0 ? NULL : fdopendir(nfd);
    if (!dp) {
        int e = errno;
        if (nfd >= 0)
            close(nfd);
        errno = e;
        if (errno == ENOENT)
            probe_warn(s->h, N_("%s: of_node points to a missing device-tree node (%s)"), addr,
                       d->of_node ? d->of_node : "?");
        else if (errno != ENOTDIR)
            probe_warn(s->h, N_("%s: cannot list of_node: %s"), addr, errstr(errno));
        return;
    }
    dt->has_node = true;
    dt->node_dir = xstrdup(dir);
    struct dirent *e;
    while ((e = readdir(dp))) {
        const char *n = e->d_name;
        if (n[0] != 'i' && n[0] != 'm' && n[0] != 'p')
            continue;
        if (!strcmp(n, "ibm,gpu"))
            d->nv2_files |= NV2_FILE_IBM_GPU;
        else if (!strcmp(n, "ibm,nvlink"))
            d->nv2_files |= NV2_FILE_IBM_NVLINK;
        else if (!strcmp(n, "ibm,nvlink-speed"))
            d->nv2_files |= NV2_FILE_IBM_NVLINK_SPEED;
        else if (!strcmp(n, "memory-region"))
            d->nv2_files |= NV2_FILE_MEMORY_REGION;
        else if (!strcmp(n, "phandle"))
            dt->has_phandle_file = true;
    }
    closedir(dp);
    /* libudev gives "" for these (the value starts with a NUL): raw bytes. */
    if (d->nv2_files & NV2_FILE_IBM_GPU) {
        dt->gpu_ph_ok = read_phandle(dir, "ibm,gpu", &dt->gpu_ph);
        if (!dt->gpu_ph_ok)
            probe_warn(s->h, N_("%s: of_node/ibm,gpu is unreadable or not one phandle"), addr);
    }
    if (d->nv2_files & NV2_FILE_MEMORY_REGION) {
        dt->mem_ph_ok = read_phandle(dir, "memory-region", &dt->mem_ph);
        if (!dt->mem_ph_ok)
            probe_warn(s->h, N_("%s: of_node/memory-region is unreadable or not one phandle"), addr);
    }
}

/* ---- hardware database names ---- */

/* The vendor and model names of `modalias` from one look-up (each walks
 * the database's trie with fnmatch at every glob: most of a probe's time
 * when it names hundreds of distinct devices). */
static void hwdb_names(struct udev_hwdb *hwdb, const char *modalias, char **vendor,
                       char **model)
{
    struct udev_list_entry *e;
    udev_list_entry_foreach(e, udev_hwdb_get_properties_list_entry(hwdb, modalias, 0)) {
        const char *name = udev_list_entry_get_name(e);
        char **to = !strcmp(name, "ID_VENDOR_FROM_DATABASE") ? vendor
                    : !strcmp(name, "ID_MODEL_FROM_DATABASE") ? model : NULL;
        if (to && !*to)
            *to = xstrdup(udev_list_entry_get_value(e));
    }
}

/* The slot of `key` in s->slots: its entry's, or the free one it goes in. */
static uint32_t *name_slot(struct scan *s, uint32_t key)
{
    size_t mask = s->nslots - 1, i = (key * 2654435761u) & mask;
    while (s->slots[i] && s->names[s->slots[i] - 1].key != key)
        i = (i + 1) & mask;
    return &s->slots[i];
}

static struct name_cache *cached_names(struct scan *s, uint16_t vendor, uint16_t device)
{
    uint32_t key = (uint32_t)vendor << 16 | device;
    /* Hosts range from a few distinct ids to hundreds (a lab's mixed
     * servers): hashed, not searched. */
    if (s->nslots && *name_slot(s, key))
        return &s->names[*name_slot(s, key) - 1];
    if ((s->nnames + 1) * 2 > s->nslots) {
        free(s->slots);
        s->nslots = s->nslots ? s->nslots * 2 : 64;
        s->slots = xcalloc(s->nslots, sizeof(*s->slots));
        for (size_t i = 0; i < s->nnames; i++)
            *name_slot(s, s->names[i].key) = (uint32_t)i + 1;
    }
    XGROW(s->names, s->names_cap, s->nnames + 1);
    *name_slot(s, key) = (uint32_t)s->nnames + 1;
    struct name_cache *c = &s->names[s->nnames++];
    c->key = key;
    c->vendor = c->device = NULL;
    c->source = HOST_NAMES_NONE;
    if (s->hwdb) {
        char modalias[64];
        snprintf(modalias, sizeof(modalias), "pci:v%08Xd%08X*", vendor, device);
        hwdb_names(s->hwdb, modalias, &c->vendor, &c->device);
    }
    if (c->vendor) {
        c->source = HOST_NAMES_HWDB;
    } else {
        free(c->device);
        c->device = NULL;
    }
    return c;
}

/* Names for every device: udev's hardware database first, then pci.ids
 * through libpci (as lspci), read once for the vendors still unnamed. */
static void resolve_names(struct scan *s)
{
    struct host *h = s->h;
    /* The database's keys and patterns are ASCII: matched in the C locale,
     * glibc's fnmatch skips converting both to wide characters, which a
     * UTF-8 locale otherwise costs on every pattern it tries. */
    locale_t c_ctype = s->hwdb ? newlocale(LC_CTYPE_MASK, "C", (locale_t)0) : (locale_t)0;
    locale_t was = c_ctype ? uselocale(c_ctype) : (locale_t)0;
    for (size_t i = 0; i < h->ndevices; i++)
        if (h->devices[i].ids_known)
            cached_names(s, h->devices[i].vendor, h->devices[i].device);
    if (c_ctype) {
        uselocale(was);
        freelocale(c_ctype);
    }
    uint32_t *unnamed = xcalloc(s->nnames ? s->nnames : 1, sizeof(*unnamed));
    size_t nv = 0;
    for (size_t i = 0; i < s->nnames; i++)
        if (s->names[i].source == HOST_NAMES_NONE)
            unnamed[nv++] = s->names[i].key;
    if (nv) {
        char ids[4096];
        /* Under a root prefix only its pci.ids counts. */
        s->pci_ids = pci_names_open(
            host_root_set() ? host_root_path("/usr/share/misc/pci.ids", ids, sizeof(ids)) : NULL,
            unnamed, nv);
        for (size_t i = 0; s->pci_ids && i < s->nnames; i++) {
            struct name_cache *c = &s->names[i];
            if (c->source == HOST_NAMES_NONE &&
                pci_names_lookup(s->pci_ids, (uint16_t)(c->key >> 16), (uint16_t)c->key,
                                 &c->vendor, &c->device))
                c->source = HOST_NAMES_PCI_IDS;
        }
    }
    free(unnamed);
    for (size_t i = 0; i < h->ndevices; i++) {
        struct host_device *d = &h->devices[i];
        if (!d->ids_known)
            continue;
        struct name_cache *c = cached_names(s, d->vendor, d->device);
        d->vendor_name = c->vendor ? xstrdup(c->vendor) : NULL;
        d->device_name = c->device ? xstrdup(c->device) : NULL;
        d->name_source = c->source;
    }
}

/* ---- one device ---- */

/* `dir`/`rel` with "." and ".." folded, textually (sysfs links are plain). */
static int resolve_rel(const char *dir, const char *rel, char *out, size_t len)
{
    char buf[PATH_MAX];
    if (rel[0] == '/')
        snprintf(buf, sizeof(buf), "%s", rel);
    else if (snprintf(buf, sizeof(buf), "%s/%s", dir, rel) >= (int)sizeof(buf))
        return -1;
    size_t o = 0;
    char *save = NULL;
    for (char *c = strtok_r(buf, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (!strcmp(c, "."))
            continue;
        if (!strcmp(c, "..")) {
            while (o > 0 && out[--o] != '/')
                ;
            continue;
        }
        size_t l = strlen(c);
        if (o + l + 2 > len)
            return -1;
        out[o++] = '/';
        memcpy(out + o, c, l);
        o += l;
    }
    out[o] = '\0';
    return o ? 0 : -1;
}

/* One device: `dfd` is its sysfs directory, opened once; `syspath` names
 * it (its parent directory is the upstream bridge). */
static void scan_device(struct scan *s, int dfd, const char *syspath)
{
    const char *sysname = strrchr(syspath, '/');
    sysname = sysname ? sysname + 1 : syspath;
    struct pci_addr a;
    if (!pci_addr_parse(sysname, &a)) {
        char safe[128];
        text_safe_copy(safe, sizeof(safe), sysname);
        probe_warn(s->h, N_("%s: not a PCI address, skipped"), safe);
        return;
    }
    char addr[PCI_ADDR_STRLEN];
    pci_addr_format(&a, addr);
    struct host_device *d = host_add_device(s->h, &a);
    XGROW(s->dt, s->dt_cap, s->h->ndevices);
    struct dt_info *dt = &s->dt[s->h->ndevices - 1];
    memset(dt, 0, sizeof(*dt));
    size_t nwarn = s->h->warnings.n;
    bool from_uevent = read_uevent(s, d, dfd, addr);
    if (!from_uevent)
        read_ids(s, d, dfd, addr);
    if (!d->ids_known && access(syspath, F_OK) < 0 && errno == ENOENT) {
        /* Removed between the enumeration and now: one warning, no entry. */
        while (s->h->warnings.n > nwarn)
            msg_free(&s->h->warnings.items[--s->h->warnings.n]);
        s->h->ndevices--;
        probe_warn(s->h, N_("%s: vanished during the scan"), addr);
        return;
    }
    if (!d->driver_known)
        read_driver(s, d, dfd, addr);
    read_group(s, d, dfd, addr);
    read_numa(s, d, dfd, addr);
    read_parent(d, syspath);
    read_of_node(s, d, dt, dfd, syspath, addr);
}

/* ---- links between bridges, GPUs and GPU RAM ---- */

struct ph_entry { uint32_t ph; size_t idx; };

static int cmp_ph(const void *a, const void *b)
{
    uint32_t x = ((const struct ph_entry *)a)->ph, y = ((const struct ph_entry *)b)->ph;
    return x < y ? -1 : x > y;
}

/* Reads own phandles of candidate GPU nodes: display devices first, the
 * rest only if some ibm,gpu is still unmatched. */
static size_t collect_phandles(struct scan *s, struct ph_entry *tab, bool display_only)
{
    struct host *h = s->h;
    size_t n = 0;
    for (size_t i = 0; i < h->ndevices; i++) {
        struct host_device *d = &h->devices[i];
        struct dt_info *dt = &s->dt[i];
        if (!dt->has_node || !dt->has_phandle_file || (d->nv2_files & NV2_FILE_IBM_GPU))
            continue;
        bool display = d->ids_known && (d->class_code >> 16) == 0x03;
        if (display_only && !display)
            continue;
        if (!dt->phandle_ok)
            dt->phandle_ok = read_phandle(dt->node_dir, "phandle", &dt->phandle);
        if (dt->phandle_ok)
            tab[n++] = (struct ph_entry){ dt->phandle, i };
    }
    qsort(tab, n, sizeof(*tab), cmp_ph);
    return n;
}

static void link_gpus(struct scan *s)
{
    struct host *h = s->h;
    size_t nbr = 0;
    for (size_t i = 0; i < h->ndevices; i++)
        nbr += s->dt[i].gpu_ph_ok;
    if (!nbr)
        return;
    struct ph_entry *tab = xcalloc(h->ndevices, sizeof(*tab));
    size_t n = collect_phandles(s, tab, true);
    for (int pass = 0; pass < 2; pass++) {
        size_t missing = 0;
        for (size_t i = 0; i < h->ndevices; i++) {
            struct host_device *d = &h->devices[i];
            if (!s->dt[i].gpu_ph_ok || d->has_gpu_link)
                continue;
            struct ph_entry key = { s->dt[i].gpu_ph, 0 };
            struct ph_entry *hit = bsearch(&key, tab, n, sizeof(*tab), cmp_ph);
            if (hit) {
                d->has_gpu_link = true;
                d->gpu = h->devices[hit->idx].addr;
            } else if (pass == 1) {
                char addr[PCI_ADDR_STRLEN];
                pci_addr_format(&d->addr, addr);
                probe_warn(h, N_("%s: ibm,gpu names phandle 0x%x, which no PCI device's node "
                                 "carries"), addr, (unsigned)s->dt[i].gpu_ph);
            } else {
                missing++;
            }
        }
        if (!missing)
            break;
        n = collect_phandles(s, tab, false);
    }
    free(tab);
}

/* NUMA node of a device-tree node (see dt_prop_numa). */
static int dt_numa(const char *node, uint32_t ref_point)
{
    unsigned char assoc[DT_PROP_MAX], chip[DT_PROP_MAX];
    ssize_t an = read_prop(node, "ibm,associativity", assoc);
    ssize_t cn = read_prop(node, "ibm,chip-id", chip);
    return dt_prop_numa(assoc, an < 0 ? 0 : (size_t)an, chip, cn < 0 ? 0 : (size_t)cn, ref_point);
}

static void link_gpu_ram(struct scan *s)
{
    struct host *h = s->h;
    size_t want = 0;
    for (size_t i = 0; i < h->ndevices; i++)
        want += s->dt[i].mem_ph_ok;
    if (!want)
        return;
    DIR *dp = opendir(DT_ROOT);
    if (!dp) {
        probe_warn(h, N_("cannot list the device tree (%s): %s"), DT_ROOT, errstr(errno));
        return;
    }
    unsigned char raw[DT_PROP_MAX];
    ssize_t rn = read_prop(DT_ROOT "/ibm,opal", "ibm,associativity-reference-points", raw);
    uint32_t ref = dt_prop_ref_point(raw, rn < 0 ? 0 : (size_t)rn);
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (strncmp(e->d_name, "memory@", 7))
            continue;
        char node[PATH_MAX];
        uint32_t ph;
        snprintf(node, sizeof(node), "%s/%s", DT_ROOT, e->d_name);
        if (!read_phandle(node, "phandle", &ph))
            continue;
        enum dt_reg reg = DT_REG_SHAPE;
        uint64_t base = 0, size = 0;
        bool have_reg = false;
        int numa = HOST_UNKNOWN;
        for (size_t i = 0; i < h->ndevices; i++) {
            if (!s->dt[i].mem_ph_ok || s->dt[i].mem_ph != ph)
                continue;
            if (!have_reg) {
                ssize_t n = read_prop(node, "reg", raw);
                reg = n < 0 ? DT_REG_SHAPE : dt_prop_reg(raw, (size_t)n, &base, &size);
                numa = dt_numa(node, ref);
                have_reg = true;
            }
            struct host_device *d = &h->devices[i];
            char addr[PCI_ADDR_STRLEN];
            pci_addr_format(&d->addr, addr);
            if (reg == DT_REG_SHAPE) {
                probe_warn(h, N_("%s: GPU RAM node %s has no (base, size) reg"), addr, e->d_name);
                continue;
            }
            if (reg == DT_REG_RANGE) {
                probe_warn(h, N_("%s: GPU RAM node %s has an empty or wrapping reg"), addr,
                           e->d_name);
                continue;
            }
            d->gpu_ram_base = base;
            d->gpu_ram_size = size;
            d->gpu_ram_numa_node = numa;
            s->dt[i].mem_ph_ok = false; /* resolved */
        }
    }
    closedir(dp);
    for (size_t i = 0; i < h->ndevices; i++)
        if (s->dt[i].mem_ph_ok) {
            char addr[PCI_ADDR_STRLEN];
            pci_addr_format(&h->devices[i].addr, addr);
            probe_warn(h, N_("%s: memory-region names phandle 0x%x, which no memory node carries"),
                       addr, (unsigned)s->dt[i].mem_ph);
        }
}

/* The PCI bus directory, as libudev's enumerator reads it, but with one
 * readlink per device: libudev's enumerator resolves every link component
 * by component and alone takes longer than lspci -nnk on a big host (see
 * bench/RESULTS.md). Each device directory is opened once, through the bus
 * entry, and its files are read relative to it. */
static int list_bus(struct scan *s)
{
    const char *bus = "/sys/bus/pci/devices";
    DIR *dp = opendir(bus);
    if (!dp)
        return -1;
    int bfd = dirfd(dp);
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.')
            continue;
        char link[PATH_MAX], syspath[PATH_MAX];
        ssize_t n = readlinkat(bfd, e->d_name, link, sizeof(link) - 1);
        if (n < 0) {
            if (errno == ENOENT)
                probe_warn(s->h, N_("%s: vanished during the scan"), e->d_name);
            continue;
        }
        link[n] = '\0';
        if (resolve_rel(bus, link, syspath, sizeof(syspath)) < 0)
            continue;
        int dfd = openat(bfd, e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_PATH);
        if (dfd < 0) {
            if (errno == ENOENT)
                probe_warn(s->h, N_("%s: vanished during the scan"), e->d_name);
            continue;
        }
        scan_device(s, dfd, syspath);
        close(dfd);
    }
    closedir(dp);
    return 0;
}

int probe_udev_scan(struct host *h)
{
    struct scan s = { .h = h };
    /* libudev for the hardware database, then pci.ids through libpci (as
     * lspci does); without either, names stay numeric. Under a root prefix
     * only its pci.ids counts: libudev's database cannot be redirected. */
    if (!host_root_set()) {
        s.udev = udev_new();
        s.hwdb = s.udev ? udev_hwdb_new(s.udev) : NULL;
    }
    int rc = list_bus(&s);
    if (rc < 0)
        probe_warn(h, N_("cannot list /sys/bus/pci/devices: %s; no PCI devices"), errstr(errno));
    resolve_names(&s);
    link_gpus(&s);
    link_gpu_ram(&s);
    for (size_t i = 0; i < s.nnames; i++) {
        free(s.names[i].vendor);
        free(s.names[i].device);
    }
    free(s.names);
    free(s.slots);
    for (size_t i = 0; i < h->ndevices; i++)
        free(s.dt[i].node_dir);
    free(s.dt);
    pci_names_close(s.pci_ids);
    udev_hwdb_unref(s.hwdb);
    udev_unref(s.udev);
    return rc;
}

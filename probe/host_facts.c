/* What decides whether this host can run a VFIO guest at all, said as host
 * warnings: IOMMU groups, /dev/kvm, vfio-pci, iommufd, memory-lock limits. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host_conf.h"
#include "host_facts.h"
#include "host_root.h"
#include "i18n.h"
#include "probe_sysfs.h"
#include "probe_warn.h"
#include "size.h"
#include "text_safe.h"

/* ---- small file helpers (host files under the root prefix) ---- */

static bool root_exists(const char *path)
{
    char buf[4096];
    return host_root_path(path, buf, sizeof(buf)) && access(buf, F_OK) == 0;
}

/* Reads a whole small file under the root prefix; "" when it cannot. */
static void root_read(const char *path, char *buf, size_t len)
{
    char p[4096];
    buf[0] = '\0';
    if (!host_root_path(path, p, sizeof(p)))
        return;
    ssize_t n = sysfs_read_raw(p, NULL, buf, len - 1);
    buf[n < 0 ? 0 : n] = '\0';
}

/* True if the kernel command line `cmdline` has the word `word` ("iommu=off"). */
static bool cmdline_has(const char *cmdline, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = cmdline; (p = strstr(p, word)); p += n)
        if ((p == cmdline || isspace((unsigned char)p[-1])) &&
            (p[n] == '\0' || isspace((unsigned char)p[n])))
            return true;
    return false;
}

/* ---- IOMMU ---- */

static bool any_group(const struct host *h)
{
    for (size_t i = 0; i < h->ndevices; i++)
        if (h->devices[i].iommu_group >= 0)
            return true;
    return false;
}

static void check_iommu(struct host *h)
{
    if (!h->ndevices || any_group(h))
        return;
    char cmdline[4096], cpuinfo[8192];
    root_read("/proc/cmdline", cmdline, sizeof(cmdline));
    static const char *const off[] = { "intel_iommu=off", "amd_iommu=off", "iommu=off" };
    for (size_t i = 0; i < sizeof(off) / sizeof(off[0]); i++)
        if (cmdline_has(cmdline, off[i])) {
            probe_warn(h, N_("no IOMMU groups: the kernel command line turns the IOMMU off (%s); "
                             "remove it, or VFIO can assign no device"), off[i]);
            return;
        }
    if (h->arch && strncmp(h->arch, "x86", 3) && strcmp(h->arch, "i686")) {
        probe_warn(h, N_("no IOMMU groups: VFIO can assign no device (the platform's IOMMU "
                         "driver did not register any)"));
        return;
    }
    root_read("/proc/cpuinfo", cpuinfo, sizeof(cpuinfo));
    if (strstr(cpuinfo, "AuthenticAMD"))
        probe_warn(h, N_("no IOMMU groups: VFIO can assign no device; turn on the IOMMU "
                         "(AMD-Vi) in the firmware (the kernel enables amd_iommu by itself; "
                         "iommu=pt keeps host devices out of translation)"));
    else if (cmdline_has(cmdline, "intel_iommu=on"))
        probe_warn(h, N_("no IOMMU groups although the kernel command line has intel_iommu=on: "
                         "VT-d is off in the firmware"));
    else
        probe_warn(h, N_("no IOMMU groups: VFIO can assign no device; turn on VT-d in the "
                         "firmware and boot with intel_iommu=on (iommu=pt keeps host devices "
                         "out of translation)"));
}

/* ---- KVM, VFIO, iommufd ---- */

static void check_kvm(struct host *h)
{
    char p[4096];
    if (!host_root_path("/dev/kvm", p, sizeof(p)))
        return;
    if (access(p, F_OK) == 0) {
        h->has_kvm = 1;
        return;
    }
    if (errno != ENOENT) {
        probe_warn(h, N_("cannot check /dev/kvm: %s"), strerror(errno));
        return;
    }
    h->has_kvm = 0;
    probe_warn(h, N_("no /dev/kvm: KVM guests cannot start (turn on virtualization in the "
                     "firmware and load the kvm module for this CPU)"));
}

static void check_vfio(struct host *h)
{
    /* vfio-pci loaded (or built in): its driver directory exists. */
    if (access("/sys/bus/pci/drivers/vfio-pci", F_OK) == 0 ||
        access("/sys/module/vfio_pci", F_OK) == 0)
        return;
    probe_warn(h, N_("vfio-pci is not loaded: libvirt loads it when it detaches a managed "
                     "hostdev (virPCIProbeStubDriver); if that fails the guest cannot start"));
}

static void check_iommufd(struct host *h)
{
    if (!root_exists("/dev/iommu"))
        return;
    probe_warn(h, N_("iommufd is present (/dev/iommu): with the legacy VFIO container the "
                     "pinned memory counts against each QEMU's RLIMIT_MEMLOCK; with iommufd "
                     "hostdevs (libvirt 12.1 and later) the kernel counts it per user, summed "
                     "over that user's QEMUs, unless libvirt opens /dev/iommu itself and "
                     "switches to per-process accounting"));
}

/* ---- memory-lock limits ---- */

static void fmt_limit(rlim_t v, char *buf, size_t len)
{
    if (v == RLIM_INFINITY)
        snprintf(buf, len, "%s", _("unlimited"));
    else
        size_format_bytes((uint64_t)v, buf, len);
}

static void check_own_limit(struct host *h)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_MEMLOCK, &rl) < 0 || rl.rlim_max == RLIM_INFINITY)
        return;
    char soft[32], hard[32];
    fmt_limit(rl.rlim_cur, soft, sizeof(soft));
    fmt_limit(rl.rlim_max, hard, sizeof(hard));
    probe_warn(h, N_("RLIMIT_MEMLOCK of this user: %s (hard limit %s); guests of "
                     "qemu:///session run as this user and lock no more than that, while "
                     "qemu:///system sets each QEMU's limit itself (qemuProcessLaunch)"),
               soft, hard);
}

/* The user libvirt runs QEMU as (qemu.conf's user), or "" when unset. */
static void qemu_conf_user(char *out, size_t len)
{
    char conf[65536];
    root_read("/etc/libvirt/qemu.conf", conf, sizeof(conf));
    host_conf_qemu_user(conf, strlen(conf), out, len);
}

struct file_ctx { struct host *h; const char *path; };

static void limit_found(const struct host_conf_limit *l, void *vctx)
{
    const struct file_ctx *c = vctx;
    char sdom[64], stype[16], svalue[32], sfile[256];
    text_safe_copy(sdom, sizeof(sdom), l->domain);
    text_safe_copy(stype, sizeof(stype), l->type);
    /* pam_limits counts memlock in KiB; "unlimited" and "infinity" pass as is. */
    char *end;
    errno = 0;
    unsigned long long kib = strtoull(l->value, &end, 10);
    if (isdigit((unsigned char)l->value[0]) && !*end && !errno)
        size_format_kib(kib, svalue, sizeof(svalue));
    else
        text_safe_copy(svalue, sizeof(svalue), l->value);
    text_safe_copy(sfile, sizeof(sfile), c->path);
    probe_warn(c->h, N_("%s: memlock %s for %s is %s (pam_limits: login sessions such as "
                        "qemu:///session; libvirt's system daemon sets each QEMU's limit itself)"),
               sfile, stype, sdom, svalue);
}

/* memlock lines of one pam_limits file for `user` (or "*"). */
static void limits_file(struct host *h, const char *path, const char *user)
{
    char text[65536];
    root_read(path, text, sizeof(text));
    struct file_ctx c = { h, path };
    host_conf_limits(text, strlen(text), user, limit_found, &c);
}

static void check_limits_d(struct host *h, const char *user)
{
    limits_file(h, "/etc/security/limits.conf", user);
    char dir[4096];
    if (!host_root_path("/etc/security/limits.d", dir, sizeof(dir)))
        return;
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        const char *f = names[i]->d_name;
        size_t l = strlen(f);
        if (l > 5 && !strcmp(f + l - 5, ".conf")) {
            char path[4096];
            snprintf(path, sizeof(path), "/etc/security/limits.d/%s", f);
            limits_file(h, path, user);
        }
        free(names[i]);
    }
    if (n >= 0)
        free(names);
}

static void unit_limit_found(const char *value, void *vctx)
{
    const struct file_ctx *c = vctx;
    char sval[64], sfile[256];
    text_safe_copy(sval, sizeof(sval), value);
    text_safe_copy(sfile, sizeof(sfile), c->path);
    probe_warn(c->h, N_("%s: LimitMEMLOCK=%s; QEMU inherits it when libvirt sets no limit of "
                        "its own (no hostdevs, no <hard_limit>, no <locked/>)"),
               sfile, sval);
}

/* LimitMEMLOCK= in the daemon's unit or its drop-ins: the limit QEMU
 * inherits when libvirt sets none (no hostdevs, no <hard_limit>, no <locked/>). */
static void unit_file(struct host *h, const char *path)
{
    char text[65536];
    root_read(path, text, sizeof(text));
    struct file_ctx c = { h, path };
    host_conf_unit_memlock(text, strlen(text), unit_limit_found, &c);
}

static void check_systemd(struct host *h)
{
    static const char *const units[] = { "virtqemud.service", "libvirtd.service" };
    static const char *const dirs[] = { "/usr/lib/systemd/system", "/etc/systemd/system" };
    for (size_t u = 0; u < 2; u++)
        for (size_t d = 0; d < 2; d++) {
            char path[1024], drop[512], rdrop[4096];
            snprintf(path, sizeof(path), "%s/%s", dirs[d], units[u]);
            unit_file(h, path);
            snprintf(drop, sizeof(drop), "%s/%s.d", dirs[d], units[u]);
            if (!host_root_path(drop, rdrop, sizeof(rdrop)))
                continue;
            struct dirent **names;
            int n = scandir(rdrop, &names, NULL, alphasort);
            for (int i = 0; i < n; i++) {
                size_t l = strlen(names[i]->d_name);
                if (l > 5 && !strcmp(names[i]->d_name + l - 5, ".conf")) {
                    if (snprintf(path, sizeof(path), "%s/%s", drop, names[i]->d_name) <
                        (int)sizeof(path))
                        unit_file(h, path);
                }
                free(names[i]);
            }
            if (n >= 0)
                free(names);
        }
}

void probe_host_facts(struct host *h)
{
    check_kvm(h);
    check_iommu(h);
    check_vfio(h);
    check_iommufd(h);
    check_own_limit(h);
    char user[64];
    qemu_conf_user(user, sizeof(user));
    check_limits_d(h, user[0] ? user : "*");
    check_systemd(h);
}

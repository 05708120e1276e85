#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "dt_prop.h"
#include "host_facts.h"
#include "i18n.h"
#include "probe_derive.h"
#include "probe_libvirt.h"
#include "probe_live.h"
#include "probe_sysfs.h"
#include "probe_udev.h"
#include "probe_warn.h"
#include "text_safe.h"
#include "xalloc.h"

static void read_meminfo(struct host *h)
{
    char buf[4096];
    ssize_t n = sysfs_read_raw("/proc/meminfo", NULL, buf, sizeof(buf) - 1);
    if (n < 0) {
        probe_warn(h, N_("cannot read /proc/meminfo: %s; host RAM unknown"), strerror(errno));
        return;
    }
    buf[n] = '\0';
    const char *p = strstr(buf, "MemTotal:");
    unsigned long long kib = 0;
    char *end = NULL;
    if (p) {
        p += strlen("MemTotal:");
        while (*p == ' ' || *p == '\t')
            p++;
        errno = 0;
        kib = *p >= '0' && *p <= '9' ? strtoull(p, &end, 10) : 0;
    }
    if (!end || errno || strncmp(end, " kB\n", 4)) {
        probe_warn(h, N_("/proc/meminfo has no MemTotal in kB; host RAM unknown"));
        return;
    }
    h->memory_known = true;
    h->memory_kib = kib;
}

static void read_memlock(struct host *h)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_MEMLOCK, &rl) < 0) {
        probe_warn(h, N_("cannot read RLIMIT_MEMLOCK: %s"), strerror(errno));
        return;
    }
    if (rl.rlim_cur == RLIM_INFINITY) {
        h->memlock_kind = HOST_LIMIT_UNLIMITED;
    } else {
        h->memlock_kind = HOST_LIMIT_BYTES;
        h->memlock_bytes = (uint64_t)rl.rlim_cur;
    }
}

/* The board: the device tree's model on POWER, DMI's product name elsewhere. */
static void read_model(struct host *h)
{
    char raw[DT_PROP_MAX], buf[DT_PROP_MAX + 1];
    ssize_t n = sysfs_read_raw("/sys/firmware/devicetree/base/model", NULL, raw, sizeof(raw));
    if (n > 0 && dt_prop_string(raw, (size_t)n, buf, sizeof(buf))) {
        h->model = xstrdup(buf);
        return;
    }
    if (sysfs_read_line("/sys/class/dmi/id/product_name", NULL, buf, sizeof(buf)) == 0 && buf[0])
        h->model = text_safe_dup(buf);
}

struct host *probe_live(struct mp_error *err)
{
    (void)err;
    struct host *h = host_new("live");
    struct utsname u;
    if (uname(&u) == 0) {
        h->arch = xstrdup(u.machine);
        h->kernel = xstrdup(u.release);
        h->hostname = xstrdup(u.nodename);
    } else {
        probe_warn(h, N_("uname failed: %s; arch and kernel unknown"), strerror(errno));
    }
    char release[24];
    if (probe_libvirt_version(release, sizeof(release), &h->libvirt_source))
        h->libvirt = xstrdup(release);
    read_meminfo(h);
    read_memlock(h);
    read_model(h);
    probe_udev_scan(h);
    host_finish(h);
    probe_host_facts(h);
    probe_derive(h);
    return h;
}

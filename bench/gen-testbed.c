/* Writes the umockdev testbed of a host table (the *.hosttab format of
 * tests/probe/umockdev-host.sh, from bench/gen-host.sh) straight into a
 * directory: the same sysfs tree umockdev-run builds from
 * `umockdev-host.sh record` plus `populate` (device directories with their
 * attribute files, uevent and config; the subsystem, driver, iommu_group and
 * of_node links; the bus, driver and IOMMU group entries), without loading a
 * record of thousands of devices into umockdev, which takes minutes. Used
 * through UMOCKDEV_DIR with umockdev's preload library like a copied testbed.
 * Usage: gen-testbed DIR < HOSTTAB */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *root;

static void die(const char *what, const char *path)
{
    fprintf(stderr, "gen-testbed: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

/* root/rel, formatted. */
static char *at(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *at(const char *fmt, ...)
{
    static char buf[3][4096];
    static int k;
    char rel[3000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rel, sizeof(rel), fmt, ap);
    va_end(ap);
    k = (k + 1) % 3;
    snprintf(buf[k], sizeof(buf[k]), "%s/%s", root, rel);
    return buf[k];
}

static void mkdirs(char *path)
{
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        if (mkdir(path, 0755) < 0 && errno != EEXIST)
            die("mkdir", path);
        *p = '/';
    }
    if (mkdir(path, 0755) < 0 && errno != EEXIST)
        die("mkdir", path);
}

static void put(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "w");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        die("write", path);
}

static void link_to(const char *target, const char *path)
{
    if (symlink(target, path) < 0 && errno != EEXIST)
        die("symlink", path);
}

/* The device's ATTR link to UP (the way back to sys/ from the device) followed
 * by a path under sys/ formatted from FMT. */
static void link_back(const char *up, const char *path, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void link_back(const char *up, const char *path, const char *attr, const char *fmt, ...)
{
    char rel[1024], target[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rel, sizeof(rel), fmt, ap);
    va_end(ap);
    snprintf(target, sizeof(target), "%s%s", up, rel);
    link_to(target, at("sys/devices/%s/%s", path, attr));
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static unsigned hex(const char *s)
{
    return (unsigned)strtoul(s, NULL, 16);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: gen-testbed DIR < HOSTTAB\n", stderr);
        return 2;
    }
    root = argv[1];
    if (mkdir(root, 0700) < 0 && errno != EEXIST)
        die("mkdir", root);
    mkdirs(at("sys/bus/pci/devices"));
    mkdirs(at("sys/bus/pci/drivers"));
    mkdirs(at("sys/class"));
    mkdirs(at("sys/kernel/iommu_groups"));
    mkdirs(at("sys/firmware/devicetree/base"));
    char line[4096];
    while (fgets(line, sizeof(line), stdin)) {
        char path[1024], v[8], d[8], sv[8], sd[8], cls[8], rev[8], drv[64], grp[16], numa[16],
            of[1024];
        if (line[0] == '#'
            || sscanf(line, "%1023s %7s %7s %7s %7s %7s %7s %63s %15s %15s %1023s", path, v, d, sv,
                      sd, cls, rev, drv, grp, numa, of) != 11)
            continue;
        const char *addr = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        /* From sys/devices/<path>/ up to sys/: one ../ per component, and one more. */
        char up[1024] = "../";
        for (const char *p = path; *p; p++)
            if (*p == '/' || p == path)
                strncat(up, "../", sizeof(up) - strlen(up) - 1);
        char *dir = at("sys/devices/%s", path);
        mkdirs(dir);
        char text[512];
        static const struct { const char *name; int field; } attrs[] = {
            { "vendor", 0 }, { "device", 1 }, { "subsystem_vendor", 2 },
            { "subsystem_device", 3 }, { "class", 4 }, { "revision", 5 },
        };
        const char *fields[] = { v, d, sv, sd, cls, rev };
        for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
            int n = snprintf(text, sizeof(text), "0x%s", fields[attrs[i].field]);
            put(at("sys/devices/%s/%s", path, attrs[i].name), text, (size_t)n);
        }
        put(at("sys/devices/%s/numa_node", path), numa, strlen(numa));
        /* The uevent keys of a real kernel (pci_uevent: %04X, upper case). */
        char V[8], D[8], SV[8], SD[8], C[8];
        strcpy(V, v), strcpy(D, d), strcpy(SV, sv), strcpy(SD, sd), strcpy(C, cls);
        upper(V), upper(D), upper(SV), upper(SD), upper(C);
        const char *c = C;
        while (strlen(c) > 4 && *c == '0')
            c++;
        int n = snprintf(text, sizeof(text), "SUBSYSTEM=pci\n");
        if (strcmp(drv, "-"))
            n += snprintf(text + n, sizeof(text) - (size_t)n, "DRIVER=%s\n", drv);
        n += snprintf(text + n, sizeof(text) - (size_t)n,
                      "PCI_CLASS=%s\nPCI_ID=%s:%s\nPCI_SUBSYS_ID=%s:%s\nPCI_SLOT_NAME=%s\n"
                      "MODALIAS=pci:v0000%sd0000%ssv0000%ssd0000%sbc%.2ssc%.2si%.2s\n",
                      c, V, D, SV, SD, addr, V, D, SV, SD, C, C + 2, C + 4);
        put(at("sys/devices/%s/uevent", path), text, (size_t)n);
        /* 64 bytes of config space as lspci reads them: little-endian ids,
         * class at 0x09-0x0b, header type 1 for bridges, subsystem ids at 0x2c. */
        unsigned char cfg[64] = { 0 };
        unsigned k = hex(cls);
        cfg[0] = (unsigned char)hex(v), cfg[1] = (unsigned char)(hex(v) >> 8);
        cfg[2] = (unsigned char)hex(d), cfg[3] = (unsigned char)(hex(d) >> 8);
        cfg[6] = 0x10;
        cfg[8] = (unsigned char)hex(rev);
        cfg[9] = (unsigned char)k, cfg[10] = (unsigned char)(k >> 8), cfg[11] = (unsigned char)(k >> 16);
        cfg[14] = (k >> 8) == 0x0604 ? 1 : 0;
        cfg[44] = (unsigned char)hex(sv), cfg[45] = (unsigned char)(hex(sv) >> 8);
        cfg[46] = (unsigned char)hex(sd), cfg[47] = (unsigned char)(hex(sd) >> 8);
        put(at("sys/devices/%s/config", path), cfg, sizeof(cfg));
        char target[2048];
        snprintf(target, sizeof(target), "%sbus/pci", up);
        link_to(target, at("sys/devices/%s/subsystem", path));
        snprintf(target, sizeof(target), "../../../devices/%s", path);
        link_to(target, at("sys/bus/pci/devices/%s", addr));
        snprintf(target, sizeof(target), "../../../../devices/%s", path);
        if (strcmp(drv, "-")) {
            mkdirs(at("sys/bus/pci/drivers/%s", drv));
            link_to(target, at("sys/bus/pci/drivers/%s/%s", drv, addr));
            link_back(up, path, "driver", "bus/pci/drivers/%s", drv);
        }
        if (strcmp(grp, "-")) {
            mkdirs(at("sys/kernel/iommu_groups/%s/devices", grp));
            link_to(target, at("sys/kernel/iommu_groups/%s/devices/%s", grp, addr));
            link_back(up, path, "iommu_group", "kernel/iommu_groups/%s", grp);
        }
        if (strcmp(of, "-")) {
            mkdirs(at("sys/firmware/devicetree/base%s", of));
            link_back(up, path, "of_node", "firmware/devicetree/base%s", of);
        }
    }
    return 0;
}

/* Built-in demo hosts: C tables turned into host models, so the planner can
 * be shown and tested without the hardware. */
#ifndef MP_DEMO_H
#define MP_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "host.h"

/* One PCI function. `group` and `numa` use HOST_UNKNOWN for "none". */
struct demo_dev {
    const char *addr;
    const char *parent;        /* upstream bridge, NULL on a root bus */
    uint16_t vendor, device, subsystem_vendor, subsystem_device;
    uint32_t class_code;
    uint8_t revision;
    const char *driver;        /* NULL: no driver bound */
    int group;
    int numa;
    const char *vendor_name;   /* as the udev hardware database names them */
    const char *device_name;
    const char *of_node;       /* device-tree path, NULL if none */
};

/* An NVLink2 bridge: the four of_node files, the GPU its ibm,gpu names and
 * the GPU RAM window its memory-region names. */
struct demo_link {
    const char *bridge;
    const char *gpu;
    uint64_t ram_base, ram_size;
    int ram_numa;
};

struct demo_table {
    const struct demo_dev *devs;
    size_t ndevs;
};

struct demo_def {
    const char *name;
    const char *description;   /* msgid */
    const char *hostname, *arch, *kernel, *model;
    uint64_t memory_kib;
    uint64_t memlock_bytes;
    int has_kvm;
    const struct demo_table *tables;  /* terminated by { NULL, 0 } */
    const struct demo_link *links;
    size_t nlinks;
};

#define DEMO_N(a) (sizeof(a) / sizeof((a)[0]))

extern const struct demo_def demo_ac922;
extern const struct demo_def demo_ac922_6gpu;
extern const struct demo_def demo_x86_gpu;
extern const struct demo_def demo_x86_server;

/* The host for demo NAME (without "demo:"), or NULL if there is none. */
struct host *demo_load(const char *name);

#endif

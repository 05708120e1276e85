/* The host pane's rows: PHBs (PCI domains) with their devices beneath, and
 * the text of each row. Pure: no curses. */
#ifndef MP_TUI_HOSTVIEW_H
#define MP_TUI_HOSTVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host.h"

enum hrow_kind { HROW_PHB, HROW_DEVICE };

struct hrow {
    enum hrow_kind kind;
    uint32_t domain;
    size_t dev;          /* HROW_DEVICE: index into host->devices */
    int depth;           /* upstream bridges above it on this host (0..3) */
    bool last;           /* last device of its PHB */
};

struct hostview {
    struct hrow *rows;
    size_t n, cap;
};

void hostview_build(const struct host *h, struct hostview *out);
void hostview_free(struct hostview *v);

/* Row index of device `dev`, or -1. */
long hostview_row_of(const struct hostview *v, size_t dev);

/* "PHB 0006  NVLink2 (NPU)": `nv2_files` are the files that make a bridge. */
void hostview_phb_text(const struct host *h, uint32_t domain, unsigned nv2_files, char *buf,
                       size_t len);
/* A device row after the tree glyphs: "04:00.0 GPU vfio-pci g5 n0". */
void hostview_device_text(const struct host_device *d, unsigned nv2_files, char *buf, size_t len);
/* One sentence for the selected device: name, driver, group, NUMA node, NVLink2. */
void hostview_device_detail(const struct host *h, const struct host_device *d, unsigned nv2_files,
                            char *buf, size_t len);
/* Short kind tag: "GPU", "NV2", "net", "storage", "bridge", "dev". */
const char *hostview_tag(const struct host_device *d, unsigned nv2_files);

/* First device row after `from` (wrapping) whose address, names, driver or
 * tag contain `needle` (case-insensitive); -1 if none. */
long hostview_search(const struct hostview *v, const struct host *h, unsigned nv2_files,
                     const char *needle, size_t from);

/* Whether the host has anything to pass through (a device in an IOMMU group). */
bool hostview_has_passthrough(const struct host *h);

#endif

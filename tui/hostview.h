/* The host pane's rows: PHBs (PCI domains) with their devices beneath, and
 * the text of each row. Pure: no curses. */
#ifndef MP_TUI_HOSTVIEW_H
#define MP_TUI_HOSTVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host.h"

enum hrow_kind { HROW_PHB, HROW_DEVICE };

/* Deeper devices are drawn at this depth (their order stays a tree's). */
#define HOSTVIEW_MAX_DEPTH 8

/* Device rows come in tree order (each device under its own upstream
 * bridge, as lspci -tv draws it). */
struct hrow {
    enum hrow_kind kind;
    uint32_t domain;
    size_t dev;          /* HROW_DEVICE: index into host->devices */
    int depth;           /* upstream bridges above it on this host */
    bool last;           /* no later sibling under the same parent (or PHB) */
    uint32_t cont;       /* bit k: the ancestor at depth k has later siblings
                          * (its column shows a continuation line) */
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

/* Whether device row `row`'s address, names, driver or tag contain
 * `needle` (case-insensitive). */
bool hostview_matches(const struct hostview *v, const struct host *h, unsigned nv2_files,
                      const char *needle, size_t row);
/* The next matching device row after `from` (`dir` 1) or before it (-1),
 * wrapping; -1 if none. */
long hostview_search(const struct hostview *v, const struct host *h, unsigned nv2_files,
                     const char *needle, size_t from, int dir);
/* How many rows match, and which of them (1-based) `row` is (0: none). */
size_t hostview_match_count(const struct hostview *v, const struct host *h, unsigned nv2_files,
                            const char *needle, size_t row, size_t *index);
/* The tree glyphs before a device row's text: `cont_glyph` ("│ ") or two
 * spaces per ancestor, then `mid` ("├─") or `last` ("└─"). */
void hostview_tree_prefix(const struct hrow *r, const char *cont_glyph, const char *mid,
                          const char *last, char *buf, size_t len);

/* Whether the host has anything to pass through (a device in an IOMMU group). */
bool hostview_has_passthrough(const struct host *h);

#endif

/* A QEMU domain log (/var/log/libvirt/qemu/NAME.log), a `virsh start` error
 * or a journal excerpt, read as a stream of lines: each start libvirt logged
 * ("starting up libvirt version: ..."), its QEMU command line, and the lines
 * that say why it failed, classified by the layer that failed. Any mix, any
 * length: memory stays bounded (the current start and the one to explain are
 * kept whole, the others as one summary each). Pure: no I/O. */
#ifndef MP_QEMU_LOG_H
#define MP_QEMU_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* A longer line is cut there (and said to be). A command line of a million
 * characters fits. */
#define QEMU_LOG_MAX_LINE (16u << 20)
/* Starts listed besides the one explained; later ones only counted. */
#define QEMU_LOG_MAX_STARTS 1000u

enum log_cause {
    LOG_CAUSE_NONE,            /* nothing failed in this start (or nothing is known) */
    LOG_CAUSE_LIMIT_TOO_LOW,   /* locking or pinning memory failed: the limit is too low */
    LOG_CAUSE_CANNOT_SET_LIMIT, /* libvirt could not set the limit on QEMU */
    LOG_CAUSE_NOT_MEMLOCK,     /* the start failed for another reason */
};

enum log_layer {
    LOG_LAYER_NONE,
    LOG_LAYER_SPAPR_WINDOW,    /* QEMU creating a sPAPR DMA window (VFIO_IOMMU_SPAPR_TCE_CREATE) */
    LOG_LAYER_SPAPR_PREREG,    /* QEMU pre-registering guest RAM (VFIO_IOMMU_SPAPR_REGISTER_MEMORY) */
    LOG_LAYER_VFIO_TYPE1,      /* QEMU mapping guest RAM through VFIO type1 (VFIO_IOMMU_MAP_DMA) */
    LOG_LAYER_IOMMUFD,         /* QEMU mapping guest RAM through iommufd (IOMMU_IOAS_MAP) */
    LOG_LAYER_KERNEL_RLIMIT,   /* the kernel's RLIMIT_MEMLOCK check while pinning pages */
    LOG_LAYER_QEMU_MLOCK,      /* QEMU locking all its memory (mlockall) */
    LOG_LAYER_LIBVIRT_SETLIMIT, /* libvirt setting RLIMIT_MEMLOCK on the QEMU process */
    LOG_LAYER_OTHER,           /* not memory locking */
};

enum log_other {
    LOG_OTHER_NONE,
    LOG_OTHER_FILE_MISSING,    /* a disk image or file is missing */
    LOG_OTHER_VFIO_PERMISSION, /* /dev/vfio/N cannot be opened */
    LOG_OTHER_DEVICE_BUSY,     /* a device is in use */
    LOG_OTHER_GROUP_NOT_VIABLE, /* an IOMMU group is only partly bound to vfio-pci */
    LOG_OTHER_WINDOW_REFUSED,  /* a DMA window refused for a reason other than memory */
    LOG_OTHER_MAP_REFUSED,     /* a DMA mapping refused for a reason other than memory */
    LOG_OTHER_ERROR,           /* another error */
};

struct log_failure {
    enum log_cause cause;
    enum log_layer layer;
    enum log_other other;
    char *line;                /* the line, raw: make it safe before showing it */
    unsigned long lineno;
    bool has_limit;            /* the message states the limit */
    uint64_t limit_bytes;
    bool errno_eperm;          /* "Operation not permitted" (libvirt lacks CAP_SYS_RESOURCE) */
};

struct log_start {
    unsigned long lineno;      /* "starting up" line; the first line for a start without one */
    bool has_banner;           /* a "starting up" line opened it */
    char *libvirt_version;     /* "9.0.0" from the banner, or NULL */
    char *qemu_version;
    char *kernel;
    char *cmdline;             /* the QEMU command line, joined; NULL if none was logged */
    size_t cmdline_len;
    unsigned long cmdline_lineno;
    bool cmdline_cut;          /* longer than QEMU_LOG_MAX_LINE */
    struct log_failure failure;
    bool shutdown_failed;      /* "shutting down, reason=failed" */
};

struct qemu_log;

struct qemu_log *qemu_log_new(void);
/* Feeds `len` bytes (any split, NUL bytes included). */
void qemu_log_feed(struct qemu_log *log, const char *buf, size_t len);
/* Ends the input (a last line without a newline counts). */
void qemu_log_finish(struct qemu_log *log);
void qemu_log_free(struct qemu_log *log);

/* After qemu_log_finish: the start to explain (the last one with a
 * memory-locking failure; else the last one that failed; else the last one),
 * or NULL for empty input. */
const struct log_start *qemu_log_chosen(const struct qemu_log *log);
/* Every start in order, the chosen one included (summaries: no cmdline). */
size_t qemu_log_nstarts(const struct qemu_log *log);
const struct log_start *qemu_log_start(const struct qemu_log *log, size_t i);
/* Starts past QEMU_LOG_MAX_STARTS, counted only. */
unsigned long qemu_log_starts_unlisted(const struct qemu_log *log);
unsigned long qemu_log_lines(const struct qemu_log *log);
unsigned long qemu_log_lines_cut(const struct qemu_log *log);

/* Stable names for machine formats. */
const char *log_cause_id(enum log_cause c);
const char *log_layer_id(enum log_layer l);
const char *log_other_id(enum log_other o);
/* Translated phrases for people. */
const char *log_layer_text(enum log_layer l);
const char *log_other_text(enum log_other o);

/* Reads the file `path` ("-": standard input) to its end and finishes the
 * log (core/qemu_log_read.c). Returns 0, or -1 with `err` set: unreadable,
 * not a file, empty. */
int qemu_log_read_file(const char *path, struct qemu_log *log, struct mp_error *err);

/* Classifies one line alone (exposed for tests). */
void qemu_log_classify_line(const char *line, struct log_failure *out);

#endif

/* Host snapshots: the host model as a versioned XML file of our own
 * (doc/snapshot-format.md), so a host can be planned elsewhere. Reading is
 * safe: no network, no DTD or entities, bounded size, every field checked. */
#ifndef MP_HOST_SNAPSHOT_H
#define MP_HOST_SNAPSHOT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "host.h"

#define HOST_SNAPSHOT_VERSION 1
#define HOST_SNAPSHOT_MAX_BYTES (64u * 1024 * 1024)
#define HOST_SNAPSHOT_MAX_DEVICES 65536
#define HOST_SNAPSHOT_MAX_WARNINGS 1000
#define HOST_SNAPSHOT_MAX_TEXT 4096

/* Loads a snapshot; the host's source becomes `path`. NULL with `err` set
 * (MP_ERR_INPUT, naming the file and line) on any problem. */
struct host *host_snapshot_load_file(const char *path, struct mp_error *err);
/* `name` stands for the input in messages and becomes the source. */
struct host *host_snapshot_load_memory(const char *buf, size_t len, const char *name,
                                       struct mp_error *err);

/* Writes `h` as a snapshot. Returns 0, or -1 with `err` set on a write error. */
int host_snapshot_write(FILE *out, const struct host *h, struct mp_error *err);

#endif

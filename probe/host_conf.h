/* The bits of host configuration files the probe reads, parsed from text:
 * libvirt's qemu.conf (user = "..."), pam_limits files (memlock lines) and
 * systemd units (LimitMEMLOCK=). No file access here (fuzzed). */
#ifndef MP_HOST_CONF_H
#define MP_HOST_CONF_H

#include <stdbool.h>
#include <stddef.h>

/* The last `user = "NAME"` of qemu.conf text `text` (len bytes) into `out`;
 * false (out "") when there is none or it does not fit. */
bool host_conf_qemu_user(const char *text, size_t len, char *out, size_t outlen);

/* One memlock line of a pam_limits file: domain, type (soft, hard, -), value. */
struct host_conf_limit {
    char domain[64], type[16], value[32];
};
/* Calls `fn` for each memlock line for `user` or "*". */
void host_conf_limits(const char *text, size_t len, const char *user,
                      void (*fn)(const struct host_conf_limit *l, void *ctx), void *ctx);

/* Calls `fn` with the value of each LimitMEMLOCK= line of a systemd unit. */
void host_conf_unit_memlock(const char *text, size_t len,
                            void (*fn)(const char *value, void *ctx), void *ctx);

#endif

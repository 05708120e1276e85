/* What virt_conn.c, virt_domain.c and virt_memtune.c share: the handles
 * around libvirt's pointers and the one way a libvirt failure becomes a line. */
#ifndef MP_VIRT_PRIV_H
#define MP_VIRT_PRIV_H

#include <libvirt/libvirt.h>

#include "virt.h"

struct virt_conn {
    virConnectPtr ptr;
    char *uri;        /* safe for a terminal */
    bool readonly;
};

struct virt_domain {
    virDomainPtr ptr;
    struct virt_conn *conn;
    char *name;       /* safe for a terminal */
    bool running;
};

/* Fills `err` from libvirt's last error: "URI: what went wrong (FN: libvirt's
 * message)", where what went wrong is said for authentication, permission and
 * connection failures. Returns -1. */
int virt_fail(struct mp_error *err, const struct virt_conn *c, const char *fn);
/* libvirt's last error message, safe for a terminal (a new string). */
char *virt_last_message(void);

#endif

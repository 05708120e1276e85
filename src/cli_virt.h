/* Guests from a libvirt connection (--connect URI, --live, --config,
 * --readonly; the front fills struct cli_virt from them), and the profile
 * that follows the connection's libvirt version. The libvirt calls are
 * virt/'s. */
#ifndef MP_CLI_VIRT_H
#define MP_CLI_VIRT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "guest.h"
#include "profile.h"
#include "virt.h"

struct cli_virt {
    const char *uri;          /* --connect, else NULL */
    enum virt_which which;    /* --live / --config */
    bool readonly;            /* open read-only */
    struct virt_conn *conn;   /* open once a guest argument is a domain */
    char version[32];         /* the connection's libvirt ("9.0.0") */
};

/* With --connect every guest argument is a domain name or UUID; without it,
 * when LIBVIRT_DEFAULT_URI is set (as virsh honours it), an argument that is
 * neither "-" nor an existing file is one too. */
bool cli_virt_is_domain(const struct cli_virt *v, const char *arg);
/* Opens the connection (read-only when asked or `readonly`) if --connect was
 * given or one of `args` is a domain. 0, or -1 with `err`. */
int cli_virt_prepare(struct cli_virt *v, char **args, int nargs, bool readonly,
                     struct mp_error *err);
/* The release of the connection's libvirt (virConnectGetLibVersion) picks
 * the profile: 1 when it did, 0 when there is no connection, -1 with `err`. */
int cli_virt_choose(struct cli_virt *v, struct profile_choice *c, struct mp_error *err);
/* A guest from a domain (its XML as `which` says) or a file
 * (guest_xml_load_file). `*label` becomes a new string naming it (the
 * domain's name, or the path). NULL with `err` set. */
struct guest *cli_virt_load(struct cli_virt *v, const char *arg, char **label,
                            struct mp_error *err);
/* The names of every domain of the open connection, sorted: the count, or
 * -1 with `err`. Free with cli_virt_names_free. */
int cli_virt_domain_names(struct cli_virt *v, char ***names, struct mp_error *err);
void cli_virt_names_free(char **names, int n);
void cli_virt_close(struct cli_virt *v);

#endif

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_virt.h"
#include "guest_xml.h"
#include "i18n.h"
#include "xalloc.h"

static const char *default_uri(void)
{
    const char *env = getenv("LIBVIRT_DEFAULT_URI");
    return env && *env ? env : NULL;
}

bool cli_virt_is_domain(const struct cli_virt *v, const char *arg)
{
    if (v->uri)
        return true;
    if (!default_uri() || !strcmp(arg, "-"))
        return false;
    struct stat st;
    return stat(arg, &st) != 0;
}

int cli_virt_prepare(struct cli_virt *v, char **args, int nargs, bool readonly,
                     struct mp_error *err)
{
    bool need = v->uri != NULL;
    for (int i = 0; i < nargs && !need; i++)
        need = cli_virt_is_domain(v, args[i]);
    if (!need || v->conn)
        return 0;
    /* NULL: libvirt's default, which reads LIBVIRT_DEFAULT_URI itself. */
    v->conn = virt_open(v->uri, v->readonly || readonly, err);
    return v->conn ? 0 : -1;
}

int cli_virt_choose(struct cli_virt *v, struct profile_choice *c, struct mp_error *err)
{
    if (!v->conn)
        return 0;
    if (virt_lib_version(v->conn, v->version, sizeof(v->version), err) < 0 ||
        profile_choose(v->version, N_("the connection's libvirt, virConnectGetLibVersion"), c,
                       err) < 0)
        return -1;
    return 1;
}

struct guest *cli_virt_load(struct cli_virt *v, const char *arg, char **label,
                            struct mp_error *err)
{
    if (!cli_virt_is_domain(v, arg)) {
        *label = xstrdup(arg);
        return guest_xml_load_file(arg, err);
    }
    if (!v->conn) {
        mp_error_set(err, MP_ERR_INTERNAL, "no libvirt connection for '%s'", arg);
        return NULL;
    }
    struct virt_domain *d = virt_domain_open(v->conn, arg, err);
    if (!d)
        return NULL;
    size_t n;
    char *buf = virt_domain_xml(d, v->which, &n, err);
    *label = xstrdup(virt_domain_name(d));
    virt_domain_close(d);
    struct guest *g = buf ? guest_xml_load_memory(buf, n, *label, err) : NULL;
    free(buf);
    return g;
}

int cli_virt_domain_names(struct cli_virt *v, char ***names, struct mp_error *err)
{
    struct virt_domain **doms = NULL;
    int n = v->conn ? virt_domain_list(v->conn, &doms, err)
                    : mp_error_set(err, MP_ERR_INPUT, _("--all needs --connect URI"));
    if (n < 0)
        return -1;
    *names = xcalloc((size_t)n + 1, sizeof(**names));
    for (int i = 0; i < n; i++)
        (*names)[i] = xstrdup(virt_domain_name(doms[i]));
    virt_domain_list_free(doms, n);
    return n;
}

void cli_virt_names_free(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

void cli_virt_close(struct cli_virt *v)
{
    virt_close(v->conn);
    v->conn = NULL;
}

/* Connections: virConnectOpenAuth, the library's version, and how libvirt's
 * errors become one line each. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/virterror.h>
#include <libxml/xmlerror.h>

#include "i18n.h"
#include "text_safe.h"
#include "virt_priv.h"
#include "xalloc.h"

/* libvirt prints every error on stderr unless a handler takes it; ours keeps
 * it for virGetLastError and says nothing. */
static void virt_quiet(void *data, virErrorPtr e)
{
    (void)data;
    (void)e;
}

/* libvirt's drivers parse XML with libxml2 (the test driver its node file),
 * whose generic handler would print too; libvirt's own error says it all. */
static void xml_quiet(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

/* Without a terminal nobody can answer: the credentials asked for are
 * refused, and libvirt reports the authentication as failed. */
static int no_prompt(virConnectCredentialPtr cred, unsigned int ncred, void *data)
{
    (void)cred;
    (void)ncred;
    (void)data;
    return -1;
}

bool virt_available(void)
{
    return true;
}

char *virt_last_message(void)
{
    virErrorPtr e = virGetLastError();
    return text_safe_dup(e && e->message ? e->message : _("unknown libvirt error"));
}

int virt_fail(struct mp_error *err, const struct virt_conn *c, const char *fn)
{
    virErrorPtr e = virGetLastError();
    int code = e ? e->code : VIR_ERR_OK;
    char *msg = virt_last_message();
    const char *uri = c && c->uri ? c->uri : _("libvirt's default URI");
    switch (code) {
    case VIR_ERR_AUTH_FAILED:
    case VIR_ERR_AUTH_CANCELLED:
    case VIR_ERR_AUTH_UNAVAILABLE:
        mp_error_set(err, MP_ERR_INPUT, _("%s: authentication refused (%s: %s)"), uri, fn, msg);
        break;
    case VIR_ERR_OPERATION_DENIED:
        if (c && c->readonly)
            mp_error_set(err, MP_ERR_INPUT, _("%s: the connection is read-only (%s: %s)"), uri,
                         fn, msg);
        else
            mp_error_set(err, MP_ERR_INPUT, _("%s: libvirt refused (%s: %s)"), uri, fn, msg);
        break;
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_SYSTEM_ERROR:
    case VIR_ERR_RPC:
        mp_error_set(err, MP_ERR_INPUT, _("%s: no libvirt there (%s: %s)"), uri, fn, msg);
        break;
    default:
        mp_error_set(err, MP_ERR_INPUT, _("%s: libvirt refused (%s: %s)"), uri, fn, msg);
        break;
    }
    free(msg);
    return -1;
}

struct virt_conn *virt_open(const char *uri, bool readonly, struct mp_error *err)
{
    if (virt_dl_load(err) < 0)
        return NULL;
    virSetErrorFunc(NULL, virt_quiet);
    struct virt_conn *c = xcalloc(1, sizeof(*c));
    c->readonly = readonly;
    if (uri && *uri)
        c->uri = text_safe_dup(uri);
    /* As virsh: the default callbacks ask on the terminal when the URI wants
     * credentials; without a terminal the same credential types are offered
     * and refused. */
    virConnectAuth quiet = *virConnectAuthPtrDefault;
    quiet.cb = no_prompt;
    virConnectAuthPtr auth = isatty(STDIN_FILENO) ? virConnectAuthPtrDefault : &quiet;
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, xml_quiet);
    c->ptr = virConnectOpenAuth(uri && *uri ? uri : NULL, auth,
                                readonly ? VIR_CONNECT_RO : 0);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    if (!c->ptr) {
        virt_fail(err, c, "virConnectOpenAuth");
        virt_close(c);
        return NULL;
    }
    if (!c->uri) {
        char *chosen = virConnectGetURI(c->ptr);
        c->uri = text_safe_dup(chosen ? chosen : "?");
        free(chosen);
    }
    return c;
}

void virt_close(struct virt_conn *c)
{
    if (!c)
        return;
    if (c->ptr)
        virConnectClose(c->ptr);
    free(c->uri);
    free(c);
}

const char *virt_uri(const struct virt_conn *c)
{
    return c->uri;
}

int virt_lib_version(struct virt_conn *c, char *buf, size_t len, struct mp_error *err)
{
    unsigned long v = 0;
    if (virConnectGetLibVersion(c->ptr, &v) < 0)
        return virt_fail(err, c, "virConnectGetLibVersion");
    /* major * 1,000,000 + minor * 1,000 + release */
    snprintf(buf, len, "%lu.%lu.%lu", v / 1000000, v / 1000 % 1000, v % 1000);
    return 0;
}

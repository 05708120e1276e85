#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "guest_xml.h"
#include "i18n.h"
#include "xalloc.h"
#include "xml_edit.h"
#include "xml_scan.h"

/* Elements libvirt writes before <memtune>. */
static bool before_memtune(const char *name)
{
    static const char *const names[] = { "name", "uuid", "genid", "title", "description",
                                         "metadata", "maxMemory", "memory", "currentMemory",
                                         "blkiotune" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(name, names[i]))
            return true;
    return false;
}

/* Checks the edited document: well-formed, and exactly one hard_limit with `kib`. */
static int verify(const char *buf, size_t len, const char *name, uint64_t kib,
                  struct mp_error *err)
{
    xmlDocPtr doc = xml_parse_safe(buf, len, name, err);
    if (!doc)
        return -1;
    int rc = -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr m = root->children; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || m->ns || xmlStrcmp(m->name, BAD_CAST "memtune"))
            continue;
        for (xmlNodePtr h = m->children; h; h = h->next) {
            if (h->type != XML_ELEMENT_NODE || h->ns || xmlStrcmp(h->name, BAD_CAST "hard_limit"))
                continue;
            xmlChar *text = xmlNodeGetContent(h);
            xmlChar *unit = xmlGetProp(h, BAD_CAST "unit");
            char want[32];
            snprintf(want, sizeof(want), "%" PRIu64, kib);
            if (text && unit && !strcmp((char *)text, want) && !strcmp((char *)unit, "KiB"))
                rc = 0;
            xmlFree(text);
            xmlFree(unit);
        }
    }
    xmlFreeDoc(doc);
    if (rc < 0)
        mp_error_set(err, MP_ERR_INTERNAL, _("%s: the edited document lost its hard_limit"), name);
    return rc;
}

char *xml_set_hard_limit(const char *buf, size_t len, const char *name, uint64_t kib,
                         size_t *out_len, struct mp_error *err)
{
    if (xml_check_input(buf, len, name, err) < 0)
        return NULL;
    xmlDocPtr doc = xml_parse_safe(buf, len, name, err);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    bool is_domain = root && !root->ns && !xmlStrcmp(root->name, BAD_CAST "domain");
    xmlFreeDoc(doc);
    if (!is_domain) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: the root element is not <domain>"), name);
        return NULL;
    }

    struct xml_scan sc = { 0 };
    struct xml_out o = { 0 };
    char *ind = NULL, *root_ind = NULL, *step = NULL;
    if (xml_scan_doc(buf, len, &sc) < 0 || sc.els[0].depth != 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot find the elements to edit"), name);
        goto fail;
    }
    const char *nl = memmem(buf, len, "\r\n", 2) ? "\r\n" : "\n";
    char hl[96];
    snprintf(hl, sizeof(hl), "<hard_limit unit='KiB'>%" PRIu64 "</hard_limit>", kib);

    long mt = xml_child(&sc, 0, "memtune");
    if (mt == -2) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: more than one <memtune>"), name);
        goto fail;
    }
    /* One indentation step: the root's children relative to the root. */
    long fc = xml_first_child(&sc, 0);
    root_ind = xml_indent_of(buf, sc.els[0].start);
    char *fc_ind = fc >= 0 ? xml_indent_of(buf, sc.els[fc].start) : NULL;
    if (fc_ind && root_ind && !strncmp(fc_ind, root_ind, strlen(root_ind)) &&
        strlen(fc_ind) > strlen(root_ind))
        step = xstrdup(fc_ind + strlen(root_ind));
    else
        step = xstrdup("  ");
    free(fc_ind);

    size_t at, cut_end;
    if (mt >= 0) {
        const struct xml_el *m = &sc.els[mt];
        long h = xml_child(&sc, mt, "hard_limit");
        if (h == -2) {
            mp_error_set(err, MP_ERR_INPUT, _("%s: more than one <hard_limit> in <memtune>"), name);
            goto fail;
        }
        ind = xml_indent_of(buf, m->start);
        if (h >= 0) {
            at = sc.els[h].start;
            cut_end = sc.els[h].end;
            xml_put(&o, buf, at);
            xml_puts(&o, hl);
        } else if (xml_first_child(&sc, mt) >= 0) {
            /* First, as libvirt orders memtune's children. */
            const struct xml_el *c = &sc.els[xml_first_child(&sc, mt)];
            char *cind = xml_indent_of(buf, c->start);
            at = cut_end = c->start;
            xml_put(&o, buf, at);
            xml_puts(&o, hl);
            if (cind) {
                xml_puts(&o, nl);
                xml_puts(&o, cind);
            }
            free(cind);
        } else if (m->empty) {
            /* <memtune/> becomes a memtune with one child. */
            at = m->start;
            cut_end = m->end;
            xml_put(&o, buf, at);
            xml_puts(&o, "<memtune>");
            if (ind) {
                xml_puts(&o, nl), xml_puts(&o, ind), xml_puts(&o, step);
            }
            xml_puts(&o, hl);
            if (ind)
                xml_puts(&o, nl), xml_puts(&o, ind);
            xml_puts(&o, "</memtune>");
        } else {
            at = cut_end = m->stag_end;
            xml_put(&o, buf, at);
            if (ind)
                xml_puts(&o, nl), xml_puts(&o, ind), xml_puts(&o, step);
            xml_puts(&o, hl);
            if (ind && m->etag_start == m->stag_end)
                xml_puts(&o, nl), xml_puts(&o, ind);
        }
    } else {
        long anchor = -1;
        for (size_t i = 0; i < sc.n; i++)
            if (sc.els[i].parent == 0 && before_memtune(sc.els[i].name))
                anchor = (long)i;
        long next = anchor >= 0 ? -1 : fc;
        const struct xml_el *ref = anchor >= 0 ? &sc.els[anchor] : next >= 0 ? &sc.els[next] : NULL;
        ind = ref ? xml_indent_of(buf, ref->start) : NULL;
        if (!ref && root_ind)
            ind = xasprintf("%s%s", root_ind, step);
        char *block = ind ? xasprintf("<memtune>%s%s%s%s%s%s</memtune>", nl, ind, step, hl, nl, ind)
                          : xasprintf("<memtune>%s</memtune>", hl);
        if (anchor >= 0) {
            at = cut_end = sc.els[anchor].end;
            xml_put(&o, buf, at);
            if (ind)
                xml_puts(&o, nl), xml_puts(&o, ind);
            xml_puts(&o, block);
        } else if (next >= 0) {
            at = cut_end = sc.els[next].start;
            xml_put(&o, buf, at);
            xml_puts(&o, block);
            if (ind)
                xml_puts(&o, nl), xml_puts(&o, ind);
        } else if (!sc.els[0].empty) {
            at = cut_end = sc.els[0].stag_end;
            xml_put(&o, buf, at);
            if (ind)
                xml_puts(&o, nl), xml_puts(&o, ind);
            xml_puts(&o, block);
            if (ind)
                xml_puts(&o, nl), xml_puts(&o, root_ind);
        } else {
            free(block);
            mp_error_set(err, MP_ERR_INPUT, _("%s: the <domain> element is empty"), name);
            goto fail;
        }
        free(block);
    }
    xml_put(&o, buf + cut_end, len - cut_end);
    if (verify(o.buf, o.len, name, kib, err) < 0)
        goto fail;
    free(sc.els);
    free(ind);
    free(root_ind);
    free(step);
    *out_len = o.len;
    return o.buf;
fail:
    free(sc.els);
    free(o.buf);
    free(ind);
    free(root_ind);
    free(step);
    return NULL;
}

/* The planner on a libvirt connection (memlock-planner tui --connect URI):
 * o lists the connection's domains besides files, w on a domain offers to
 * redefine it. The planner only calls these hooks; src/tui_domains.c fills
 * them (the planner itself never links libvirt). NULL: files only. */
#ifndef MP_TUI_DOMAINS_H
#define MP_TUI_DOMAINS_H

#include <stdbool.h>

struct app;

struct tui_domain_ops {
    /* o: opens the domain list (MODE_DOMAINS); false: the file prompt instead. */
    bool (*open)(struct app *a);
    /* w: when the guest is a domain, shows the change and asks (MODE_DOMAINS);
     * false: the file prompt as usual. */
    bool (*write)(struct app *a);
    /* The file name prompt after w on a domain was answered: true when it
     * was for a domain's definition (then written, or the error shown). */
    bool (*write_file)(struct app *a, const char *path);
    void (*key)(struct app *a, int key);
    void (*draw)(struct app *a);
    unsigned (*mask)(const struct app *a);  /* the key registry's modes (keys.h) */
    /* The title's name for the guest when it is a domain's ("domain NAME"),
     * else NULL. */
    const char *(*title)(const struct app *a);
};

extern const struct tui_domain_ops *tui_domains;

#endif

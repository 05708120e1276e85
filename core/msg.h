/* Messages kept twice: in English for machine formats (JSON, snapshots) and
 * translated for people. Lists of them carry warnings and explanations. */
#ifndef MP_MSG_H
#define MP_MSG_H

#include <stddef.h>

struct msg {
    char *c;      /* untranslated, for JSON and other machine formats */
    char *local;  /* in the user's language; may be `c` itself (msg_free knows) */
};

struct msg_list {
    struct msg *items;
    size_t n, cap;
};

/* Formats `fmt_msgid` once as is and once through gettext, with the same arguments. */
struct msg msg_format(const char *fmt_msgid, ...) __attribute__((format(printf, 1, 2)));
/* The same for a count: English "1 PHB" / "2 PHBs" by n, the local text
 * through ngettext (the language's own plural forms). */
struct msg msg_format_plural(const char *singular, const char *plural, unsigned long n, ...);
void msg_free(struct msg *m);

void msg_list_add(struct msg_list *l, const char *fmt_msgid, ...)
    __attribute__((format(printf, 2, 3)));
void msg_list_add_msg(struct msg_list *l, struct msg m);
/* msg_format_plural added to `l`. */
void msg_list_add_plural(struct msg_list *l, const char *singular, const char *plural,
                         unsigned long n, ...);
void msg_list_free(struct msg_list *l);

#endif

/* Translation macros: every user-visible string goes through _() or N_(). */
#ifndef MP_I18N_H
#define MP_I18N_H

#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
/* Whether a catalogue is loaded (mp_i18n_init). Without one, _() skips
 * gettext, which reads the environment on every call: a batch report asks
 * for thousands of messages per guest. 1 until mp_i18n_init says otherwise. */
extern int mp_i18n_active;
__attribute__((format_arg(1))) static inline char *mp_gettext(const char *s)
{
    return mp_i18n_active ? gettext(s) : (char *)s;
}
#define _(s) mp_gettext(s)
/* Counted messages: "1 device", "2 devices", each language's plural rule. */
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s) ((char *)(s))
#define P_(s, p, n) ((n) == 1 ? (char *)(s) : (char *)(p))
#endif
#define N_(s) (s)
/* A plural pair marked for translation but passed on untranslated, as two
 * arguments: msg_format_plural(NP_("%zu PHB", "%zu PHBs"), n, n). */
#define NP_(s, p) (s), (p)

/* Call after setlocale() and textdomain(). */
void mp_i18n_init(void);

#endif

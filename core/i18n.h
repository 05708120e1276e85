/* Translation macros: every user-visible string goes through _() or N_(). */
#ifndef MP_I18N_H
#define MP_I18N_H

#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
/* Counted messages: "1 device", "2 devices", each language's plural rule. */
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s) ((char *)(s))
#define P_(s, p, n) ((n) == 1 ? (char *)(s) : (char *)(p))
#endif
#define N_(s) (s)

#endif

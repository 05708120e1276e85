/* Translation macros: every user-visible string goes through _() or N_(). */
#ifndef MP_I18N_H
#define MP_I18N_H

#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) ((char *)(s))
#endif
#define N_(s) (s)

#endif

#include "config.h"

#include "i18n.h"

#if ENABLE_NLS
int mp_i18n_active = 1;
#endif

void mp_i18n_init(void)
{
#if ENABLE_NLS
    /* The empty msgid gives a loaded catalogue's header, else itself. */
    const char *header = gettext("");
    mp_i18n_active = header && *header;
#endif
}

/* An error for the user: one translated sentence. Functions that can fail on
 * bad input fill one and return -1. */
#ifndef MP_ERROR_H
#define MP_ERROR_H

enum mp_error_kind {
    MP_ERR_NONE = 0,
    MP_ERR_INPUT = 2,     /* bad input: exit status 2 */
    MP_ERR_INTERNAL = 1,  /* our fault or the system's: exit status 1 */
};

struct mp_error {
    enum mp_error_kind kind;
    char text[1024];
};

/* `fmt` is already translated by the caller (pass _("...")). Returns -1. */
int mp_error_set(struct mp_error *err, enum mp_error_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif

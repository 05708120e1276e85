/* The views beyond the limit for one guest of a report: the guest under every
 * profile (profile_compare.h), its pseries address map (address_map.h) and
 * the host's capacity for its shape (capacity.h). A format computes them when
 * it renders the guest and frees them after, so that a report of thousands of
 * guests never holds them all. */
#ifndef MP_REPORT_VIEWS_H
#define MP_REPORT_VIEWS_H

#include <stdbool.h>

#include "address_map.h"
#include "capacity.h"
#include "profile_compare.h"
#include "report.h"

struct report_views {
    bool has_compare;
    struct profile_compare compare;
    char *compare_error;      /* translated, when a profile's calculation fails */
    bool map_applies;         /* a ppc64 guest */
    bool has_map;
    struct address_map map;
    char *map_error;          /* translated, when a ppc64 guest's map fails */
    struct capacity capacity;
    bool capacity_skipped;    /* the guest's architecture is not the host's */
};
/* Translated: why the capacity was not counted. */
#define REPORT_CAPACITY_SKIPPED \
    N_("Capacity: not counted: the guest's architecture is not the host's.")

/* Fixed English reasons for JSON, which is never translated. */
#define REPORT_COMPARE_ERROR_C "the calculation fails under at least one profile"
#define REPORT_MAP_ERROR_C "the calculation without hard_limit and <locked/> fails"

void report_views_compute(const struct report *rep, const struct report_guest *rg,
                          struct report_views *v);
void report_views_free(struct report_views *v);

/* The comparison as the people's tables show it. Rows 0..nrows-1 are the
 * terms, row nrows the limit; `own` is the column of the report's profile. */
size_t report_compare_own(const struct profile_compare *c, const struct profile *p);
void report_compare_cell(const struct profile_compare *c, size_t row, size_t col, char *buf,
                         size_t len);
/* The cell differs from the report's own profile's in the same row. */
bool report_compare_differs(const struct profile_compare *c, size_t row, size_t col, size_t own);

/* The views' sections of a guest in the people's formats. */
void report_md_views(FILE *out, const struct report *rep, const struct report_guest *rg);
void report_html_views(FILE *out, const struct report *rep, const struct report_guest *rg);

/* Columns of the address map's bars in the text formats (as `map` prints it). */
#define REPORT_MAP_TEXT_WIDTH 40

#endif

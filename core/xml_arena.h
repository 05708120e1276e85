/* libxml2's allocations for one guest document, parser context included, in
 * a bump arena that is rewound after the guest is read: no free() per node,
 * attribute and string, and no xmlFreeDoc walk. A batch report reads
 * thousands of small documents; malloc and free were a sixth of its time.
 * Installed through xmlMemSetup: outside an arena section (and in every
 * other thread) libxml2 allocates with malloc as before, and frees of
 * arena blocks do nothing. Under AddressSanitizer every block has a poisoned
 * red zone and the rewound arena is poisoned. */
#ifndef MP_XML_ARENA_H
#define MP_XML_ARENA_H

#include <stdbool.h>

/* From here on, this thread's libxml2 allocations come from the arena.
 * false when the arena cannot be used (libxml2 refused the hooks): then
 * nothing changed and the caller frees as usual. */
bool xml_arena_begin(void);
/* Everything allocated since xml_arena_begin is forgotten (no pointer into
 * it may be used again; libxml2's last error, which may point into it, is
 * reset) and allocations go to malloc again. */
void xml_arena_end(void);

#endif

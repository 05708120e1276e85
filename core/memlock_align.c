#include "config.h"
#include "memlock_align.h"

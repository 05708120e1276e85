#include "config.h"
#include "memlock_phb.h"

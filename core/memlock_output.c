#include "config.h"
#include "memlock_output.h"

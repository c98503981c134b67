#include "ical_shims.h"

#ifndef SENTRALBORD_CSHIMS_H
#define SENTRALBORD_CSHIMS_H
/* Typed wrappers for the C library calls Swift cannot make (variadic functions, macros).
   One header per library; each wrapper checks that its option belongs to its type. */
#include "curl_shims.h"
#include "mhd_shims.h"
#include "ical_shims.h"
#include "poll_shims.h"
#endif

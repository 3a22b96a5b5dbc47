/* Comparing two graphs (placeholder: being written). */
#ifndef DYAD_DIFF_H
#define DYAD_DIFF_H

#include "dyad/common.h"
#include "dyad/graph.h"

#endif

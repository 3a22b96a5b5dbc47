/* dyad: news articles in, the graph of who does what to whom out.
 * The umbrella header; common.h states the ownership and memory rules. */
#ifndef DYAD_DYAD_H
#define DYAD_DYAD_H

#include "dyad/common.h"
#include "dyad/dict.h"
#include "dyad/diff.h"
#include "dyad/docs.h"
#include "dyad/extract.h"
#include "dyad/graph.h"
#include "dyad/read.h"
#include "dyad/write.h"

#endif

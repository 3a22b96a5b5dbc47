/* The pool: worker threads that take documents from a sources cursor,
 * extract each into their own graph, report progress, and merge their
 * graphs at the end (the result does not depend on the number of jobs). */
#ifndef DYAD_CLI_POOL_H
#define DYAD_CLI_POOL_H

#include "cli.h"
#include "sources.h"

/* Extracts every document of l into a new sorted graph (*out).  Returns
 * an exit code, having reported any error. */
int pool_run(const src_list *l, const cli_extract_opts *opts,
             dyad_graph **out);

#endif

/* The rule registry: names, kinds and guide sections of every rule
 * (rules.def), for the trace and for `dyad explain --rules`. */
#include "internal.h"

const dyad_rule rule_table[] = {
#define RULE(id, kind, name, guide, what) {name, DYAD_RULE_##kind, guide, what},
#include "rules.def"
#undef RULE
};

const dyad_rule *dyad_rules(size_t *n)
{
    *n = R_COUNT;
    return rule_table;
}

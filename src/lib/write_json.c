/* placeholder: being written */
#include "dyad/dyad.h"

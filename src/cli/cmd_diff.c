/* placeholder: being written */
#include "cli.h"

// Lookup of plan files compiled into the library.
#include "embedded_plans.hpp"

// Python bindings for the plan concept (being filled in).
#include "register.hpp"

namespace chitieu::python {

void register_plan(pybind11::module_& m) { (void)m; }

}  // namespace chitieu::python

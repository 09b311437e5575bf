// Python bindings for the areas concept (being filled in).
#include "register.hpp"

namespace chitieu::python {

void register_areas(pybind11::module_& m) { (void)m; }

}  // namespace chitieu::python

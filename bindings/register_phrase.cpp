// Python bindings for the phrase concept (being filled in).
#include "register.hpp"

namespace chitieu::python {

void register_phrase(pybind11::module_& m) { (void)m; }

}  // namespace chitieu::python

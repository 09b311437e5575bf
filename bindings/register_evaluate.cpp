// Python bindings for the evaluate concept (being filled in).
#include "register.hpp"

namespace chitieu::python {

void register_evaluate(pybind11::module_& m) { (void)m; }

}  // namespace chitieu::python

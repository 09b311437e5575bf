// chitieu._core: the thin pybind11 layer over the C++ library; one register_<concept>.cpp a concept.
#include "register.hpp"

#include <chitieu/error.hpp>

PYBIND11_MODULE(_core, m) {
  m.doc() = "chitieu's C++ core: targets, plans, evaluation and roll-ups";
  pybind11::register_exception<chitieu::error>(m, "ChitieuError", PyExc_ValueError);
  chitieu::python::register_target(m);
  chitieu::python::register_phrase(m);
  chitieu::python::register_plan(m);
  chitieu::python::register_evaluate(m);
  chitieu::python::register_areas(m);
}

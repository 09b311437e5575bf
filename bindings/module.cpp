// chitieu._core: the thin pybind11 layer over the C++ library; one register_<concept>.cpp a concept.
#include "register.hpp"

#include <chitieu/error.hpp>
#include <chitieu/version.hpp>

#include <pybind11/gil_safe_call_once.h>

#include <exception>
#include <string>

namespace py = pybind11;

namespace {

PYBIND11_CONSTINIT py::gil_safe_call_once_and_store<py::object> chitieu_error_type;

/// Raises ChitieuError (a ValueError) carrying the C++ error's message, file, line and field.
void translate_chitieu_error(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const chitieu::error& e) {
    const py::object& type = chitieu_error_type.get_stored();
    py::object exc = type(e.what());
    exc.attr("message") = e.message();
    exc.attr("file") = e.file().empty() ? py::object(py::none()) : py::str(e.file());
    exc.attr("line") = e.line() > 0 ? py::object(py::int_(e.line())) : py::object(py::none());
    exc.attr("field") = e.field().empty() ? py::object(py::none()) : py::str(e.field());
    py::set_error(type, exc);
  }
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "chitieu's C++ core: targets, plans, evaluation and roll-ups";
  m.attr("__version__") = std::string(chitieu::version());
  chitieu_error_type.call_once_and_store_result(
      [&m] { return py::object(py::exception<chitieu::error>(m, "ChitieuError", PyExc_ValueError)); });
  py::register_local_exception_translator(&translate_chitieu_error);
  chitieu::python::register_target(m);
  chitieu::python::register_phrase(m);
  chitieu::python::register_plan(m);
  chitieu::python::register_evaluate(m);
  chitieu::python::register_areas(m);
}

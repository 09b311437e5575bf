// chitieu._core: the thin pybind11 layer over the C++ library; one register_<concept>.cpp a concept.
#include "register.hpp"

#include <chitieu/error.hpp>
#include <chitieu/phrase.hpp>
#include <chitieu/version.hpp>

#include <pybind11/gil_safe_call_once.h>

#include <exception>
#include <stdexcept>
#include <string>

namespace py = pybind11;

namespace chitieu::python {

namespace {

PYBIND11_CONSTINIT py::gil_safe_call_once_and_store<py::object> chitieu_error_type;
PYBIND11_CONSTINIT py::gil_safe_call_once_and_store<py::object> phrase_error_type;

/// None for an empty text, else the text.
py::object text_or_none(const std::string& s) { return s.empty() ? py::none() : py::object(py::str(s)); }

/// Raises chitieu.ChitieuError (chitieu.PhraseError for a phrase) carrying the C++ error's
/// message, file, line and field, and a phrase error's position, word and expected; any other
/// std::invalid_argument becomes a ChitieuError with its text.
void translate_chitieu_error(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const phrase_error& e) {
    const py::object& type = phrase_error_type.get_stored();
    py::object exc = error_object(type, e);
    exc.attr("position") = e.position();
    exc.attr("word") = e.word();
    exc.attr("expected") = e.expected();
    py::set_error(type, exc);
  } catch (const error& e) {
    const py::object& type = chitieu_error_type.get_stored();
    py::set_error(type, error_object(type, e));
  } catch (const std::invalid_argument& e) {
    const py::object& type = chitieu_error_type.get_stored();
    py::set_error(type, type(e.what()));
  }
}

}  // namespace

py::object error_object(const py::object& type, const error& e) {
  const auto number_or_none = [](long n) { return n > 0 ? py::object(py::int_(n)) : py::none(); };
  return type(e.message(), text_or_none(e.file()), number_or_none(e.line()), text_or_none(e.field()),
              number_or_none(e.column()), number_or_none(e.related_line()));
}

py::object error_object(const error& e) { return error_object(chitieu_error_type.get_stored(), e); }

}  // namespace chitieu::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "chitieu's C++ core: targets, plans, evaluation and roll-ups";
  m.attr("__version__") = std::string(chitieu::version());
  // One exception hierarchy: the core raises the classes of chitieu.errors.
  const py::module_ errors = py::module_::import("chitieu.errors");
  chitieu::python::chitieu_error_type.call_once_and_store_result(
      [&errors] { return py::object(errors.attr("ChitieuError")); });
  chitieu::python::phrase_error_type.call_once_and_store_result(
      [&errors] { return py::object(errors.attr("PhraseError")); });
  m.attr("ChitieuError") = errors.attr("ChitieuError");
  m.attr("PhraseError") = errors.attr("PhraseError");
  py::register_local_exception_translator(&chitieu::python::translate_chitieu_error);
  chitieu::python::register_enums(m);
  chitieu::python::register_target(m);
  chitieu::python::register_phrase(m);
  chitieu::python::register_plan(m);
  chitieu::python::register_evaluate(m);
  chitieu::python::register_areas(m);
  chitieu::python::register_roll_up_state(m);
  chitieu::python::register_files(m);
  chitieu::python::register_text_codes(m);
  chitieu::python::register_memory_cache(m);
  chitieu::python::register_projection(m);
}

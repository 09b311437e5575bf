// Units, directions, targets, status and margin for Python.
#include "register.hpp"

#include <chitieu/status.hpp>
#include <chitieu/unit.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace py = pybind11;

namespace chitieu::python {

namespace {
/// Judges a value, first checking it against the unit's domain when a unit is named.
status judge_checked(const target& t, double value, const std::optional<std::string>& unit_name) {
  if (unit_name) check_domain(unit_from_string(*unit_name), value);
  return judge(t, value);
}
}  // namespace

void register_target(py::module_& m) {
  m.def(
      "check_domain", [](const std::string& u, double v) { check_domain(unit_from_string(u), v); },
      py::arg("unit"), py::arg("value"),
      "Raise ValueError naming the unit and the value when the value is outside the unit's domain.");
  m.def(
      "ratio_factor", [](const std::string& u) { return ratio_factor(unit_from_string(u)); }, py::arg("unit"),
      "Multiplier from numerator/denominator to the unit (percent 100, per_10k 10000).");

  py::class_<target>(m, "Target", "A target: an interval with a kind, read from a plan's words.")
      .def(py::init([](const std::string& kind, const std::string& dir, std::optional<double> lower,
                       bool lower_inclusive, std::optional<double> upper, bool upper_inclusive) {
             target t;
             t.kind = target_kind_from_string(kind);
             t.dir = direction_from_string(dir);
             t.lower = lower;
             t.lower_inclusive = lower_inclusive;
             t.upper = upper;
             t.upper_inclusive = upper_inclusive;
             return t;
           }),
           py::arg("kind") = "threshold", py::arg("direction") = "higher", py::arg("lower") = py::none(),
           py::arg("lower_inclusive") = true, py::arg("upper") = py::none(),
           py::arg("upper_inclusive") = true)
      .def_property(
          "kind", [](const target& t) { return std::string(to_string(t.kind)); },
          [](target& t, const std::string& k) { t.kind = target_kind_from_string(k); })
      .def_property(
          "direction", [](const target& t) { return std::string(to_string(t.dir)); },
          [](target& t, const std::string& d) { t.dir = direction_from_string(d); })
      .def_readwrite("lower", &target::lower)
      .def_readwrite("lower_inclusive", &target::lower_inclusive)
      .def_readwrite("upper", &target::upper)
      .def_readwrite("upper_inclusive", &target::upper_inclusive)
      .def_readwrite("value", &target::value)
      .def_readwrite("tolerance", &target::tolerance)
      .def_readwrite("base_year", &target::base_year)
      .def_readwrite("period", &target::period)
      .def_readwrite("unit", &target::unit)
      .def_readwrite("text", &target::text)
      .def_readwrite("aspirational", &target::aspirational)
      .def_property_readonly("met_boundary", &target::met_boundary)
      .def(
          "status",
          [](const target& t, double v, const std::optional<std::string>& u) {
            return std::string(to_string(judge_checked(t, v, u)));
          },
          py::arg("value"), py::arg("unit") = py::none(),
          "Status of an assessed value: exceeded, met, not_met, no_data (NaN) or not_assessed.")
      .def(
          "margin",
          [](const target& t, double v, const std::optional<std::string>& u) {
            if (u) check_domain(unit_from_string(*u), v);
            return margin(t, v);
          },
          py::arg("value"), py::arg("unit") = py::none(),
          "Signed distance to the met boundary, positive when met.")
      .def(py::self == py::self)
      .def("__repr__", [](const target& t) {
        std::string r = "Target(kind='" + std::string(to_string(t.kind)) + "', direction='" +
                        std::string(to_string(t.dir)) + "'";
        if (t.lower) r += ", lower=" + py::repr(py::float_(*t.lower)).cast<std::string>();
        if (t.upper) r += ", upper=" + py::repr(py::float_(*t.upper)).cast<std::string>();
        if (!t.text.empty()) r += ", text='" + t.text + "'";
        return r + ")";
      });
}

}  // namespace chitieu::python

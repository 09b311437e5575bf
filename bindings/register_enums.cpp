// The enum tables for Python: one function hands every table (name, Vietnamese and English
// label) to Python, so no list of codes or labels is typed again in Python or in the bindings.
#include "register.hpp"

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/status.hpp>
#include <chitieu/target.hpp>
#include <chitieu/trend.hpp>
#include <chitieu/unit.hpp>

#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {

namespace {

/// The rows of E's table as (name, vi, en) tuples, in the order of the integer codes.
template <class E>
std::vector<std::tuple<std::string, std::string, std::string>> rows_of() {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& row : enum_table<E>::entries)
    out.emplace_back(std::string(row.name), std::string(row.vi), std::string(row.en));
  return out;
}

/// The Python name of an enum's table: its noun with spaces as underscores ("target_kind").
template <class E>
std::string kind_of() {
  std::string out(enum_table<E>::noun);
  for (char& c : out)
    if (c == ' ') c = '_';
  return out;
}

/// Every enum table by its Python name.
template <class... E>
py::dict tables_of() {
  py::dict out;
  ((out[py::str(kind_of<E>())] = py::cast(rows_of<E>())), ...);
  return out;
}

/// The names of E's values, in code order.
template <class E>
std::vector<std::string> names_of() {
  std::vector<std::string> out;
  for (const auto& row : enum_table<E>::entries) out.emplace_back(row.name);
  return out;
}

}  // namespace

void register_enums(py::module_& m) {
  m.attr("ENUM_TABLES") =
      tables_of<unit, direction, target_kind, status, pace, pace_method, aggregate_rule, trend>();
  m.def(
      "enum_table",
      [](const std::string& kind) {
        const py::dict tables = py::module_::import("chitieu._core").attr("ENUM_TABLES");
        if (!tables.contains(kind)) {
          std::string valid;
          for (const auto& k : tables) valid += (valid.empty() ? "" : ", ") + k.first.cast<std::string>();
          throw error("unknown enum '" + kind + "'; expected one of " + valid, {}, 0, "kind");
        }
        return tables[py::str(kind)].cast<std::vector<std::tuple<std::string, std::string, std::string>>>();
      },
      py::arg("kind"),
      "The table of an enum ('unit', 'direction', 'target_kind', 'status', 'pace', 'pace_method', "
      "'aggregate_rule', 'trend') as (name, Vietnamese label, English label) rows in code order.");
  m.def("units", &names_of<unit>, "Names of all units.");
  m.def(
      "unit_rules",
      [] {
        py::dict out;
        for (const unit_rule& r : unit_rules) {
          py::dict d;
          d["factor"] = r.factor;
          d["lower"] = r.lower;
          d["upper"] = r.upper;
          d["zero_or_one"] = r.zero_or_one;
          d["additive"] = r.additive;
          d["rate"] = r.rate;
          d["decimals"] = r.decimals;
          out[py::str(std::string(to_string(r.value)))] = d;
        }
        return out;
      },
      "The rules of every unit by name: factor, lower, upper, zero_or_one, additive, rate, decimals.");
  m.def("status_names", &names_of<status>, "status codes in the order of Evaluation.columns()['status']");
  m.def("pace_names", &names_of<pace>, "pace codes in the order of Evaluation.columns()['pace']");
  m.def(
      "status_label_vi",
      [](const std::string& s) { return std::string(label_vi(enum_from_string<status>(s))); },
      py::arg("status"), "The Vietnamese label of a status code.");
}

}  // namespace chitieu::python

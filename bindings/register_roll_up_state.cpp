// Python bindings for the roll-up in parts: RollUpState (picklable: it crosses process boundaries),
// roll_up_partial, merge_roll_up_states, roll_up_finish and drop_parent_rows.
#include "register.hpp"

#include <chitieu/date.hpp>
#include <chitieu/enum_table.hpp>
#include <chitieu/roll_up_state.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {
namespace {

/// A numpy array owning a copy of a vector's contents.
template <class T>
py::array_t<T> numpy_copy(const std::vector<T>& v) {
  py::array_t<T> out(static_cast<py::ssize_t>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) out.mutable_at(static_cast<py::ssize_t>(i)) = v[i];
  return out;
}

/// A vector copied from a 1-d numpy array (cast to T).
template <class T>
std::vector<T> vector_of(const py::handle& o) {
  const auto a = o.cast<py::array_t<T, py::array::c_style | py::array::forcecast>>();
  return std::vector<T>(a.data(), a.data() + a.size());
}

/// The optional geography day of an ISO date.
std::optional<date> day_of(const std::optional<std::string>& iso) {
  if (!iso) return std::nullopt;
  return parse_date(*iso);
}

/// A state as a tuple of plain Python values and numpy arrays (for pickle).
py::tuple state_tuple(const roll_up_state& s) {
  std::vector<std::string> rules;
  for (const aggregate_rule r : s.rules) rules.emplace_back(to_string(r));
  std::vector<std::int64_t> count(s.cells.size());
  std::vector<double> a(s.cells.size()), b(s.cells.size());
  for (std::size_t i = 0; i < s.cells.size(); ++i) {
    count[i] = s.cells[i].count;
    a[i] = s.cells[i].a;
    b[i] = s.cells[i].b;
  }
  const panel& o = s.own;
  const py::tuple own = py::make_tuple(o.indicator_ids, o.area_ids, numpy_copy(o.indicator),
                                       numpy_copy(o.area), numpy_copy(o.year), numpy_copy(o.value),
                                       numpy_copy(o.numerator), numpy_copy(o.denominator),
                                       numpy_copy(o.weight), numpy_copy(o.se), numpy_copy(o.coverage));
  return py::make_tuple(s.indicator_ids, rules, s.parent_ids, s.first_year, s.years, numpy_copy(count),
                        numpy_copy(a), numpy_copy(b), own, findings_list(s.findings));
}

/// The state of a tuple made by state_tuple().
roll_up_state state_of_tuple(const py::tuple& t) {
  if (t.size() != 10) throw error("RollUpState: not a pickled roll-up state", {}, 0, "state");
  roll_up_state s;
  s.indicator_ids = t[0].cast<std::vector<std::string>>();
  for (const auto& r : t[1].cast<std::vector<std::string>>())
    s.rules.push_back(enum_from_string<aggregate_rule>(r));
  s.parent_ids = t[2].cast<std::vector<std::string>>();
  s.first_year = t[3].cast<std::int32_t>();
  s.years = t[4].cast<std::int32_t>();
  const auto count = vector_of<std::int64_t>(t[5]);
  const auto a = vector_of<double>(t[6]);
  const auto b = vector_of<double>(t[7]);
  s.cells.resize(count.size());
  for (std::size_t i = 0; i < count.size(); ++i) s.cells[i] = roll_up_cell{count[i], a[i], b[i]};
  const auto own = t[8].cast<py::tuple>();
  panel& o = s.own;
  o.indicator_ids = own[0].cast<std::vector<std::string>>();
  o.area_ids = own[1].cast<std::vector<std::string>>();
  o.indicator = vector_of<std::int32_t>(own[2]);
  o.area = vector_of<std::int32_t>(own[3]);
  o.year = vector_of<std::int32_t>(own[4]);
  o.value = vector_of<double>(own[5]);
  o.numerator = vector_of<double>(own[6]);
  o.denominator = vector_of<double>(own[7]);
  o.weight = vector_of<double>(own[8]);
  o.se = vector_of<double>(own[9]);
  o.coverage = vector_of<double>(own[10]);
  for (const auto& f : t[9].cast<py::list>()) {
    const auto d = f.cast<py::dict>();
    s.findings.push_back({enum_from_string<finding_kind>(d["kind"].cast<std::string>()),
                          d["indicator"].cast<std::string>(), d["area"].cast<std::string>(),
                          d["year"].cast<int>(), d["own"].cast<double>(), d["aggregate"].cast<double>(),
                          d["message"].cast<std::string>()});
  }
  return s;
}

}  // namespace

void register_roll_up_state(py::module_& m) {
  py::class_<roll_up_state>(m, "RollUpState",
                            "What some rows bring to a roll-up (docs/aggregation.md \"Roll-up in parts\"): "
                            "parents × indicators × years running sums and the rows of parent areas; "
                            "picklable, merged by merge_roll_up_states()")
      .def_readonly("indicator_ids", &roll_up_state::indicator_ids, "the plan's indicators, in plan order")
      .def_readonly("parent_ids", &roll_up_state::parent_ids, "the areas that are a parent of some area")
      .def_readonly("first_year", &roll_up_state::first_year, "the year of the first cell layer")
      .def_readonly("years", &roll_up_state::years, "the number of year layers (0: no row yet)")
      .def_property_readonly(
          "cells", [](const roll_up_state& s) { return s.cells.size(); }, "parents × indicators × years")
      .def_property_readonly(
          "own_rows", [](const roll_up_state& s) { return s.own.size(); }, "the rows of parent areas carried")
      .def(py::pickle([](const roll_up_state& s) { return state_tuple(s); },
                      [](const py::tuple& t) { return state_of_tuple(t); }))
      .def("__repr__", [](const roll_up_state& s) {
        return "<chitieu._core.RollUpState with " + std::to_string(s.cells.size()) + " cells and " +
               std::to_string(s.own.size()) + " own rows>";
      });

  m.def(
      "roll_up_partial",
      [](const plan& p, const panel& obs, const area_table& areas,
         const std::optional<std::string>& geography) {
        const auto day = day_of(geography);
        py::gil_scoped_release release;
        return roll_up_partial(p, obs, areas, day);
      },
      py::arg("plan"), py::arg("panel"), py::arg("areas"), py::arg("geography") = py::none(),
      "The roll-up state of the panel's rows (each series and each part with its whole in one panel).");

  m.def(
      "merge_roll_up_states",
      [](const std::vector<const roll_up_state*>& states) {
        if (states.empty()) throw error("merge_roll_up_states: give at least one state", {}, 0, "states");
        roll_up_state out = *states.front();
        for (std::size_t i = 1; i < states.size(); ++i) merge(out, roll_up_state(*states[i]));
        return out;
      },
      py::arg("states"), "A new state: the given states merged (in any order, the same roll-up).");

  m.def(
      "roll_up_finish",
      [](const plan& p, const roll_up_state& state, const area_table& areas,
         const std::optional<std::string>& geography) {
        const auto day = day_of(geography);
        roll_up_result res;
        {
          py::gil_scoped_release release;
          res = roll_up_finish(p, roll_up_state(state), areas, day);
        }
        return py::make_tuple(std::move(res.rows), findings_list(res.findings));
      },
      py::arg("plan"), py::arg("state"), py::arg("areas"), py::arg("geography") = py::none(),
      "The roll-up of the merged state of every row: (Panel of the parent areas' rows, findings as dicts).");

  m.def(
      "drop_parent_rows", [](panel& obs, const area_table& areas) { drop_parent_rows(obs, areas); },
      py::arg("panel"), py::arg("areas"),
      "Removes the rows the roll-up state carries (those of parent areas); the rest are evaluated in place.");
}

}  // namespace chitieu::python

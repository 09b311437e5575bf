// Panels, observation checks and the evaluation core for Python: numpy columns in and out, no
// per-row Python loops; evaluate() runs without the GIL.
#include "register.hpp"

#include "detail/huge_pages.hpp"
#include "detail/panel_room.hpp"
#include <chitieu/evaluate.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/panel_index.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {

namespace {

template <class T>
using array_of = py::array_t<T, py::array::c_style | py::array::forcecast>;

// A 1-d numpy column of n entries copied in bulk into a vector with room for `room` entries.
template <class T>
std::vector<T> column_from(const array_of<T>& a, std::size_t n, std::size_t room, const char* name) {
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != n)
    throw error(std::string("make_panel: column '") + name + "' must be 1-d with " + std::to_string(n) +
                    " entries (one per row), got a " + std::to_string(a.ndim()) + "-d array with " +
                    std::to_string(a.size()) + " entries",
                {}, 0, name);
  std::vector<T> out;
  detail::reserve_huge(out, std::max(n, room));
  out.assign(a.data(), a.data() + n);
  return out;
}

// An optional float column: None gives NaN everywhere.
std::vector<double> optional_column(const py::object& o, std::size_t n, std::size_t room, const char* name) {
  if (o.is_none()) {
    std::vector<double> out;
    detail::reserve_huge(out, std::max(n, room));
    out.assign(n, std::numeric_limits<double>::quiet_NaN());
    return out;
  }
  return column_from<double>(o.cast<array_of<double>>(), n, room, name);
}

// A numpy array owning a copy of a vector's contents.
template <class T>
py::array_t<T> to_numpy(const std::vector<T>& v) {
  py::array_t<T> out(static_cast<py::ssize_t>(v.size()));
  if (!v.empty()) std::memcpy(out.mutable_data(), v.data(), v.size() * sizeof(T));
  return out;
}

// Enum codes (declaration order) as an int8 numpy array.
template <class E>
py::array_t<std::int8_t> codes_of(const std::vector<E>& v) {
  py::array_t<std::int8_t> out(static_cast<py::ssize_t>(v.size()));
  std::int8_t* d = out.mutable_data();
  for (std::size_t i = 0; i < v.size(); ++i) d[i] = static_cast<std::int8_t>(v[i]);
  return out;
}

panel make_panel(std::vector<std::string> indicator_ids, const array_of<std::int32_t>& indicator,
                 std::vector<std::string> area_ids, const array_of<std::int32_t>& area,
                 const array_of<std::int32_t>& year, const array_of<double>& value,
                 const py::object& numerator, const py::object& denominator,
                 const py::object& weight, const py::object& se, const py::object& coverage,
                 long long parent_areas) {
  const auto n = static_cast<std::size_t>(year.size());
  if (parent_areas < 0)
    throw error("make_panel: parent_areas must be >= 0 (the number of areas that are some area's parent), got " +
                    std::to_string(parent_areas),
                {}, 0, "parent_areas");
  std::size_t capacity = n;  // with room for the parent rows a roll-up will append
  if (parent_areas > 0 && n > 0 && year.ndim() == 1) {
    const auto [lo, hi] = std::minmax_element(year.data(), year.data() + n);
    capacity += detail::parent_room(n, static_cast<std::size_t>(parent_areas), indicator_ids.size(),
                                    static_cast<std::size_t>(std::int64_t{*hi} - *lo + 1));
  }
  panel p;
  p.indicator_ids = std::move(indicator_ids);
  p.area_ids = std::move(area_ids);
  p.indicator = column_from<std::int32_t>(indicator, n, capacity, "indicator");
  p.area = column_from<std::int32_t>(area, n, capacity, "area");
  p.year = column_from<std::int32_t>(year, n, capacity, "year");
  p.value = column_from<double>(value, n, capacity, "value");
  p.numerator = optional_column(numerator, n, capacity, "numerator");
  p.denominator = optional_column(denominator, n, capacity, "denominator");
  p.weight = optional_column(weight, n, capacity, "weight");
  p.se = optional_column(se, n, capacity, "se");
  p.coverage = optional_column(coverage, n, capacity, "coverage");
  check_panel_shape(p);
  return p;
}

py::dict panel_columns(const panel& p) {
  py::dict d;
  d["indicator"] = to_numpy(p.indicator);
  d["indicator_ids"] = p.indicator_ids;
  d["area"] = to_numpy(p.area);
  d["area_ids"] = p.area_ids;
  d["year"] = to_numpy(p.year);
  d["value"] = to_numpy(p.value);
  d["numerator"] = to_numpy(p.numerator);
  d["denominator"] = to_numpy(p.denominator);
  d["weight"] = to_numpy(p.weight);
  d["se"] = to_numpy(p.se);
  d["coverage"] = to_numpy(p.coverage);
  return d;
}

// `a` made read-only: a result handed to Python cannot be written through.
template <class T>
py::array_t<T> read_only(py::array_t<T> a) {
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

// A read-only numpy array viewing a vector of the object `owner` (no copy): the array keeps the
// owner alive.
template <class T>
py::array_t<T> view_of(const std::vector<T>& v, const py::handle& owner) {
  if (v.empty()) return read_only(py::array_t<T>(0));
  return read_only(py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data(), owner));
}

py::dict evaluation_columns(const py::object& self) {
  const auto& e = self.cast<const evaluation&>();
  py::dict d;
  d["indicator"] = view_of(e.indicator, self);
  d["indicator_ids"] = e.indicator_ids;
  d["area"] = view_of(e.area, self);
  d["area_ids"] = e.area_ids;
  d["year"] = view_of(e.year, self);
  d["value"] = view_of(e.value, self);
  d["assessed"] = view_of(e.assessed, self);
  d["status"] = read_only(codes_of(e.status));
  d["margin"] = view_of(e.margin, self);
  d["baseline"] = view_of(e.baseline, self);
  d["progress"] = view_of(e.progress, self);
  d["elapsed"] = view_of(e.elapsed, self);
  d["pace"] = read_only(codes_of(e.pace));
  d["projected"] = view_of(e.projected, self);
  d["p_meet"] = view_of(e.p_meet, self);
  d["coverage"] = view_of(e.coverage, self);
  return d;
}

}  // namespace

void register_evaluate(py::module_& m) {
  py::class_<panel>(m, "Panel",
                    "Observations by column (indicator × area × year), built with make_panel()")
      .def("__len__", &panel::size)
      .def_property_readonly("size", &panel::size, "number of rows")
      .def_readonly("indicator_ids", &panel::indicator_ids, "dictionary of indicator ids")
      .def_readonly("area_ids", &panel::area_ids, "dictionary of area ids")
      .def("columns", &panel_columns, "the columns as a dict of numpy arrays (copies)")
      .def("__repr__", [](const panel& p) {
        return "<chitieu._core.Panel with " + std::to_string(p.size()) + " rows>";
      });

  m.def("make_panel", &make_panel, py::arg("indicator_ids"), py::arg("indicator"),
        py::arg("area_ids"), py::arg("area"), py::arg("year"), py::arg("value"),
        py::arg("numerator") = py::none(), py::arg("denominator") = py::none(),
        py::arg("weight") = py::none(), py::arg("se") = py::none(),
        py::arg("coverage") = py::none(), py::arg("parent_areas") = 0,
        "A panel from dictionaries and numpy columns (copied in bulk); None gives a NaN column. "
        "Codes index the dictionaries; every column has one entry per row. `parent_areas`: the "
        "number of areas that are some area's parent, when the panel will be rolled up: the "
        "columns get room for the parent rows, so the roll-up appends without moving them.");

  py::class_<evaluation>(m, "Evaluation", "The columnar result of evaluate()")
      .def("__len__", &evaluation::size)
      .def_property_readonly("size", &evaluation::size, "number of rows")
      .def_readonly("indicator_ids", &evaluation::indicator_ids, "dictionary of indicator ids")
      .def_readonly("area_ids", &evaluation::area_ids, "dictionary of area ids")
      .def("columns", &evaluation_columns,
           "the columns as a dict of read-only numpy arrays: views of the Evaluation's memory (no "
           "copy; they keep it alive), status and pace as int8 codes in the order of "
           "status_names() and pace_names()")
      .def("__repr__", [](const evaluation& e) {
        return "<chitieu._core.Evaluation with " + std::to_string(e.size()) + " rows>";
      });

  m.def("observation_problems",
        [](const plan& p, const panel& obs) {
          std::vector<std::tuple<std::string, long, std::string>> out;
          for (const auto& e : observation_problems(p, obs))
            out.emplace_back(e.message(), e.line(), e.field());
          return out;
        },
        py::arg("plan"), py::arg("panel"),
        "every problem of the panel against the plan as (message, row, column), row 1-based");
  m.def("check_observations", &check_observations, py::arg("plan"), py::arg("panel"),
        "raises ChitieuError for the first problem of the panel against the plan");
  m.def("complete_values", &complete_values, py::arg("plan"), py::arg("panel"),
        "fills missing values of ratio rows with numerator × factor / denominator, in place");

  m.def("evaluate",
        [](const plan& p, const panel& obs, std::optional<int> year, const std::string& method,
           std::optional<int> baseline_year, std::optional<int> target_year) {
          evaluate_options opt;
          opt.method = pace_method_from_string(method);
          opt.year = year;
          opt.baseline_year = baseline_year;
          opt.target_year = target_year;
          evaluation out;
          {
            py::gil_scoped_release release;
            out = evaluate(p, obs, opt);
          }
          return out;
        },
        py::arg("plan"), py::arg("panel"), py::arg("year") = py::none(),
        py::arg("method") = "chitieu", py::arg("baseline_year") = py::none(),
        py::arg("target_year") = py::none(),
        "evaluates the panel against the plan (every observed year, or one year); "
        "method chitieu, open_sdg or sdsn; numerator/denominator rows count as their ratio");
}

}  // namespace chitieu::python

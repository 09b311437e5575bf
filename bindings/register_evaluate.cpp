// Panels, observation checks and the evaluation core for Python: numpy columns in and out, no
// per-row Python loops; evaluate() runs without the GIL.
#include "arrow_chunks.hpp"
#include "cached_array.hpp"
#include "register.hpp"

#include <chitieu/evaluate.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/panel_index.hpp>
#include "detail/column_storage.hpp"
#include "detail/panel_room.hpp"
#include "detail/parallel.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {

namespace {

template <class T>
using array_of = py::array_t<T, py::array::c_style | py::array::forcecast>;

// The entries of a 1-d numpy column of n entries (one per row); chitieu::error naming it (and
// the function `maker` given it to) otherwise.
template <class T>
const T* column_data(const array_of<T>& a, std::size_t n, const char* name,
                     const char* maker = "make_panel") {
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != n)
    throw error(std::string(maker) + ": column '" + name + "' must be 1-d with " + std::to_string(n) +
                    " entries (one per row), got a " + std::to_string(a.ndim()) + "-d array with " +
                    std::to_string(a.size()) + " entries",
                {}, 0, name);
  return a.data();
}

// A 1-d numpy column of n entries copied in bulk into a vector with room for `room` entries.
template <class T>
std::vector<T> column_from(const array_of<T>& a, std::size_t n, std::size_t room, const char* name,
                           const char* maker) {
  const T* data = column_data(a, n, name, maker);
  std::vector<T> out;
  detail::reserve_column(out, std::max(n, room));
  out.assign(data, data + n);
  return out;
}

// The columns of a panel to copy from numpy: each from n entries (nullptr: NaN everywhere) into a
// vector with room for `room` entries, advised for huge pages.
class panel_copies {
 public:
  panel_copies(std::size_t n, std::size_t room) : n_(n), room_(room) {}

  // Copies the column `from` into `to`, each entry converted to To (kept alive until run()).
  template <class From, class To>
  void add(const array_of<From>& from, std::vector<To>& to, const char* name) {
    const From* data = column_data(from, n_, name);
    kept_.push_back(from);
    tasks_.emplace_back([this, data, &to] {
      detail::reserve_column(to, std::max(n_, room_));
      to.assign(data, data + n_);
    });
  }

  // Copies a column of codes into `to`: int8, int16 and int32 codes (a Categorical's own) are read
  // as they are, without an int32 copy in Python; other integers are read as int64, each checked to
  // fit int32. Anything else (floats, text) is refused naming the column, never truncated.
  void add_codes(const py::object& from, std::vector<std::int32_t>& to, const char* name) {
    const py::array codes = py::array::ensure(from);
    const std::string what = std::string("make_panel: column '") + name + "'";
    if (!codes || (codes.dtype().kind() != 'i' && codes.dtype().kind() != 'u'))
      throw error(what + " must hold integer codes, got " +
                      (codes ? "dtype " + py::str(codes.dtype()).cast<std::string>()
                             : std::string(py::str(py::type::of(from).attr("__name__")))),
                  {}, 0, name);
    if (py::isinstance<py::array_t<std::int8_t>>(codes)) {
      add(array_of<std::int8_t>::ensure(codes), to, name);
    } else if (py::isinstance<py::array_t<std::int16_t>>(codes)) {
      add(array_of<std::int16_t>::ensure(codes), to, name);
    } else if (py::isinstance<py::array_t<std::int32_t>>(codes)) {
      add(array_of<std::int32_t>::ensure(codes), to, name);
    } else {
      const auto wide = codes.cast<array_of<std::int64_t>>();  // uint64 past int64: wraps, caught below
      const std::int64_t* data = column_data(wide, n_, name);
      for (std::size_t r = 0; r < n_; ++r)
        if (data[r] < std::numeric_limits<std::int32_t>::min() ||
            data[r] > std::numeric_limits<std::int32_t>::max() ||
            (codes.dtype().kind() == 'u' && data[r] < 0))
          throw error(what + " row " + std::to_string(r + 1) + ": code " +
                          py::str(codes.attr("__getitem__")(r)).cast<std::string>() + " does not fit int32",
                      {}, static_cast<long>(r + 1), name);
      add(wide, to, name);
    }
  }

  // Copies a number column into `to`: a numpy array (cast to float64; the cast array is kept) or
  // the chunks of an Arrow column of integers or floats (a list of capsule pairs, see
  // arrow_chunks.hpp; nulls as NaN), read without a float64 copy in Python.
  void add_numbers(const py::object& from, std::vector<double>& to, const char* name) {
    if (!py::isinstance<py::list>(from)) {
      add(from.cast<array_of<double>>(), to, name);
      return;
    }
    const std::string what = std::string("make_panel: column '") + name + "'";
    std::vector<arrow_chunk> chunks = arrow_chunks(from.cast<py::list>(), what, name);
    std::vector<arrow_number_reader> readers;
    for (const arrow_chunk& c : chunks) readers.push_back(number_reader_of(*c.schema, what, name));
    if (arrow_rows(chunks) != n_)
      throw error(what + " must have " + std::to_string(n_) + " entries (one per row), got " +
                      std::to_string(arrow_rows(chunks)) + " in its Arrow chunks",
                  {}, 0, name);
    tasks_.emplace_back([this, chunks = std::move(chunks), readers = std::move(readers), &to] {
      detail::reserve_column(to, std::max(n_, room_));
      to.resize(n_);  // then overwritten: a vector has no resize without writing
      double* at = to.data();
      for (std::size_t k = 0; k < chunks.size(); ++k) {
        readers[k](*chunks[k].array, at);
        at += chunks[k].array->length;
      }
    });
  }

  // Copies an optional number column (None: NaN everywhere) into `to`, as add_numbers().
  void add_optional(const py::object& from, std::vector<double>& to, const char* name) {
    if (!from.is_none()) {
      add_numbers(from, to, name);
      return;
    }
    tasks_.emplace_back([this, &to] {
      detail::reserve_column(to, std::max(n_, room_));
      to.assign(n_, std::numeric_limits<double>::quiet_NaN());
    });
  }

  // Runs the copies on up to two threads (a column each; memory-bound, and the first writes of
  // fresh pages fault on both cores at once), without the GIL.
  void run() {
    py::gil_scoped_release release;
    detail::run_chunks(tasks_.size(), detail::thread_count(2, n_, 65536),
                       [&](std::size_t c) { tasks_[c](); });
  }

 private:
  std::size_t n_, room_;
  std::vector<py::object> kept_;  // the arrays add() reads, alive until run()
  std::vector<std::function<void()>> tasks_;
};

// A numpy array owning a copy of a vector's contents.
template <class T>
py::array_t<T> to_numpy(const std::vector<T>& v) {
  py::array_t<T> out(static_cast<py::ssize_t>(v.size()));
  if (!v.empty()) std::memcpy(out.mutable_data(), v.data(), v.size() * sizeof(T));
  return out;
}

// Enum codes (declaration order) as an int8 numpy array on a column of the memory cache.
template <class E>
py::array_t<std::int8_t> codes_of(const std::vector<E>& v) {
  return cached_copy<std::int8_t>(v.data(), v.size());
}

panel make_panel(std::vector<std::string> indicator_ids, const py::object& indicator,
                 std::vector<std::string> area_ids, const py::object& area,
                 const array_of<std::int32_t>& year, const py::object& value, const py::object& numerator,
                 const py::object& denominator, const py::object& weight, const py::object& se,
                 const py::object& coverage, long long parent_areas) {
  const auto n = static_cast<std::size_t>(year.size());
  if (parent_areas < 0)
    throw error(
        "make_panel: parent_areas must be >= 0 (the number of areas that are some area's parent), got " +
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
  panel_copies copies(n, capacity);
  copies.add_codes(indicator, p.indicator, "indicator");
  copies.add_codes(area, p.area, "area");
  copies.add(year, p.year, "year");
  copies.add_numbers(value, p.value, "value");
  copies.add_optional(numerator, p.numerator, "numerator");
  copies.add_optional(denominator, p.denominator, "denominator");
  copies.add_optional(weight, p.weight, "weight");
  copies.add_optional(se, p.se, "se");
  copies.add_optional(coverage, p.coverage, "coverage");
  copies.run();
  check_panel_shape(p);
  return p;
}

// Column `name` of a dict of columns, or a ValueError naming it.
py::object column_of(const py::dict& cols, const char* name) {
  if (!cols.contains(name))
    throw error(std::string("evaluation_from_columns: missing column '") + name +
                    "' (give the keys of Evaluation.columns())",
                {}, 0, name);
  return cols[name];
}

// Codes of column `name` (1-d, n entries), each in [0, count), or a ValueError naming the row.
template <class T>
std::vector<T> codes_from(const py::dict& cols, const char* name, std::size_t n, std::size_t count) {
  auto out = column_from<T>(column_of(cols, name).cast<array_of<T>>(), n, n, name, "evaluation_from_columns");
  for (std::size_t i = 0; i < n; ++i)
    if (out[i] < 0 || static_cast<std::size_t>(out[i]) >= count)
      throw error(std::string("evaluation_from_columns: column '") + name + "' row " + std::to_string(i + 1) +
                      ": code " + std::to_string(out[i]) + " is outside [0, " + std::to_string(count) + ")",
                  {}, 0, name);
  return out;
}

// The inverse of Evaluation.columns(): an evaluation from its columns, e.g. rows evaluated apart
// (one shard each) and gathered again for a summary.
evaluation evaluation_from_columns(const py::dict& cols) {
  const auto doubles = [&](const char* name, std::size_t n) {
    return column_from<double>(column_of(cols, name).cast<array_of<double>>(), n, n, name,
                               "evaluation_from_columns");
  };
  const auto enums = [&](auto tag, const char* name, std::size_t n, std::size_t count) {
    using E = decltype(tag);
    std::vector<E> out;
    for (std::int8_t c : codes_from<std::int8_t>(cols, name, n, count)) out.push_back(static_cast<E>(c));
    return out;
  };
  evaluation e;
  e.indicator_ids = column_of(cols, "indicator_ids").cast<std::vector<std::string>>();
  e.area_ids = column_of(cols, "area_ids").cast<std::vector<std::string>>();
  const auto n = static_cast<std::size_t>(column_of(cols, "year").cast<array_of<std::int32_t>>().size());
  e.indicator = codes_from<std::int32_t>(cols, "indicator", n, e.indicator_ids.size());
  e.area = codes_from<std::int32_t>(cols, "area", n, e.area_ids.size());
  e.year = column_from<std::int32_t>(column_of(cols, "year").cast<array_of<std::int32_t>>(), n, n, "year",
                                     "evaluation_from_columns");
  e.value = doubles("value", n);
  e.assessed = doubles("assessed", n);
  e.status = enums(status{}, "status", n, enum_table<status>::entries.size());
  e.margin = doubles("margin", n);
  e.baseline = doubles("baseline", n);
  e.progress = doubles("progress", n);
  e.elapsed = doubles("elapsed", n);
  e.pace = enums(pace{}, "pace", n, enum_table<pace>::entries.size());
  e.projected = doubles("projected", n);
  e.p_meet = doubles("p_meet", n);
  e.coverage = doubles("coverage", n);
  return e;
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

// A numpy array viewing a vector of the object `owner` (no copy), read-only unless `writable`: the
// array keeps the owner alive.
template <class T>
py::array_t<T> view_of(const std::vector<T>& v, const py::handle& owner, bool writable = false) {
  py::array_t<T> a =
      v.empty() ? py::array_t<T>(0) : py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data(), owner);
  return writable ? a : read_only(std::move(a));
}

/// evaluate_options from the keyword arguments of evaluate() and evaluate_into().
evaluate_options options_of(std::optional<int> year, const std::string& method,
                            std::optional<int> baseline_year, std::optional<int> target_year) {
  evaluate_options opt;
  opt.method = pace_method_from_string(method);
  opt.year = year;
  opt.baseline_year = baseline_year;
  opt.target_year = target_year;
  return opt;
}

/// The base object of the arrays one columns() call returns: it keeps the Evaluation alive and
/// counts as one lease on it (in `counts`: leases() or shared_leases()) until the last of those
/// arrays is gone.
template <std::unordered_map<const evaluation*, long>& (*Counts)()>
py::capsule lease_of(const py::object& self) {
  ++Counts()[&self.cast<const evaluation&>()];
  void (*release)(void*) = [](void* held) {
    auto* obj = static_cast<PyObject*>(held);
    const auto* e = &py::handle(obj).cast<const evaluation&>();
    if (--Counts()[e] == 0) Counts().erase(e);
    Py_DECREF(obj);
  };
  return py::capsule(static_cast<const void*>(self.inc_ref().ptr()), release);
}

py::dict evaluation_columns(const py::object& self, bool writable) {
  const auto& e = self.cast<const evaluation&>();
  const py::capsule owner = writable ? lease_of<shared_leases>(self) : lease_of<leases>(self);
  const auto view = [&](const auto& column) { return view_of(column, owner, writable); };
  const auto codes = [&](const auto& column) {
    auto a = codes_of(column);
    return writable ? a : read_only(std::move(a));
  };
  py::dict d;
  d["indicator"] = view(e.indicator);
  d["indicator_ids"] = e.indicator_ids;
  d["area"] = view(e.area);
  d["area_ids"] = e.area_ids;
  d["year"] = view(e.year);
  d["value"] = view(e.value);
  d["assessed"] = view(e.assessed);
  d["status"] = codes(e.status);
  d["margin"] = view(e.margin);
  d["baseline"] = view(e.baseline);
  d["progress"] = view(e.progress);
  d["elapsed"] = view(e.elapsed);
  d["pace"] = codes(e.pace);
  d["projected"] = view(e.projected);
  d["p_meet"] = view(e.p_meet);
  d["coverage"] = view(e.coverage);
  return d;
}

}  // namespace

std::unordered_map<const evaluation*, long>& leases() {
  static std::unordered_map<const evaluation*, long> counts;
  return counts;
}

std::unordered_map<const evaluation*, long>& shared_leases() {
  static std::unordered_map<const evaluation*, long> counts;
  return counts;
}

evaluation& writable_evaluation(const py::object& e, const char* field) {
  auto& out = e.cast<evaluation&>();
  if (leases().count(&out) != 0 || shared_leases().count(&out) != 0)
    throw error(
        "this Evaluation's memory is still viewed by numpy arrays from its columns() or frames built on "
        "them; delete those (or take copies) before reusing it",
        {}, 0, field);
  return out;
}

void register_evaluate(py::module_& m) {
  py::class_<panel, cached_holder<panel>>(
      m, "Panel", "Observations by column (indicator × area × year), built with make_panel()")
      .def("__len__", &panel::size)
      .def_property_readonly("size", &panel::size, "number of rows")
      .def_readonly("indicator_ids", &panel::indicator_ids, "dictionary of indicator ids")
      .def_readonly("area_ids", &panel::area_ids, "dictionary of area ids")
      .def("columns", &panel_columns, "the columns as a dict of numpy arrays (copies)")
      .def("__repr__",
           [](const panel& p) { return "<chitieu._core.Panel with " + std::to_string(p.size()) + " rows>"; });

  m.def("make_panel", &make_panel, py::arg("indicator_ids"), py::arg("indicator"), py::arg("area_ids"),
        py::arg("area"), py::arg("year"), py::arg("value"), py::arg("numerator") = py::none(),
        py::arg("denominator") = py::none(), py::arg("weight") = py::none(), py::arg("se") = py::none(),
        py::arg("coverage") = py::none(), py::arg("parent_areas") = 0,
        "A panel from dictionaries and numpy columns (copied in bulk); a number column may also be the "
        "chunks of an Arrow column of integers or floats (a list of __arrow_c_array__() capsule pairs, "
        "nulls as NaN); None gives a NaN column. "
        "Codes index the dictionaries (int8, int16 and int32 codes are read as they are, other integers "
        "checked to fit int32; codes of any other dtype are refused, never truncated); every column has one "
        "entry per row. `parent_areas`: the "
        "number of areas that are some area's parent, when the panel will be rolled up: the "
        "columns get room for the parent rows, so the roll-up appends without moving them.");

  py::class_<evaluation, cached_holder<evaluation>>(m, "Evaluation", "The columnar result of evaluate()")
      .def("__len__", &evaluation::size)
      .def_property_readonly("size", &evaluation::size, "number of rows")
      .def_property_readonly(
          "viewed", [](const evaluation& e) { return leases().count(&e) != 0; },
          "True while numpy arrays from columns() (or frames built on them) view its memory")
      .def_readonly("indicator_ids", &evaluation::indicator_ids, "dictionary of indicator ids")
      .def_readonly("area_ids", &evaluation::area_ids, "dictionary of area ids")
      .def_property_readonly(
          "shared", [](const evaluation& e) { return shared_leases().count(&e) != 0; },
          "True while numpy arrays from columns(writable=True) (the frames of Evaluation.to_frame()) "
          "share its memory")
      .def(py::init<>(), "an evaluation without rows")
      .def("columns", &evaluation_columns, py::arg("writable") = false,
           "the columns as a dict of numpy arrays: views of the Evaluation's memory (no copy; they "
           "keep it alive), read-only unless writable=True (what Evaluation.to_frame() shares under "
           "pandas' copy-on-write); status and pace as int8 codes in the order of status_names() "
           "and pace_names()")
      .def("__repr__", [](const evaluation& e) {
        return "<chitieu._core.Evaluation with " + std::to_string(e.size()) + " rows>";
      });

  m.def("evaluation_from_columns", &evaluation_from_columns, py::arg("columns"),
        "An Evaluation from a dict shaped like Evaluation.columns() (ids, codes, numbers, status "
        "and pace codes); codes out of range and columns of the wrong length raise ChitieuError "
        "naming the column.");

  m.def(
      "observation_problems",
      [](const plan& p, const panel& obs) {
        std::vector<std::tuple<std::string, long, std::string>> out;
        for (const auto& e : observation_problems(p, obs)) out.emplace_back(e.message(), e.line(), e.field());
        return out;
      },
      py::arg("plan"), py::arg("panel"),
      "every problem of the panel against the plan as (message, row, column), row 1-based");
  m.def("check_observations", &check_observations, py::arg("plan"), py::arg("panel"),
        "raises ChitieuError for the first problem of the panel against the plan");
  m.def("complete_values", &complete_values, py::arg("plan"), py::arg("panel"),
        "fills missing values of ratio rows with numerator × factor / denominator, in place");

  m.def(
      "evaluate",
      [](const plan& p, const panel& obs, std::optional<int> year, const std::string& method,
         std::optional<int> baseline_year, std::optional<int> target_year) {
        const evaluate_options opt = options_of(year, method, baseline_year, target_year);
        evaluation out;
        {
          py::gil_scoped_release release;
          out = evaluate(p, obs, opt);
        }
        return out;
      },
      py::arg("plan"), py::arg("panel"), py::arg("year") = py::none(), py::arg("method") = "chitieu",
      py::arg("baseline_year") = py::none(), py::arg("target_year") = py::none(),
      "evaluates the panel against the plan (every observed year, or one year); "
      "method chitieu, open_sdg or sdsn; numerator/denominator rows count as their ratio");
  m.def(
      "evaluate_into",
      [](const plan& p, const panel& obs, const py::object& into, std::optional<int> year,
         const std::string& method, std::optional<int> baseline_year, std::optional<int> target_year) {
        // Arrays from columns() (and frames built on them) view the Evaluation's memory:
        // refilling it would change (or free) it under them.
        auto& out = writable_evaluation(into, "into");
        const evaluate_options opt = options_of(year, method, baseline_year, target_year);
        py::gil_scoped_release release;
        evaluate_into(p, obs, out, opt);
      },
      py::arg("plan"), py::arg("panel"), py::arg("into"), py::arg("year") = py::none(),
      py::arg("method") = "chitieu", py::arg("baseline_year") = py::none(),
      py::arg("target_year") = py::none(),
      "as evaluate(), into an Evaluation the caller owns: its columns' memory is reused (no fresh "
      "pages for a result of the same size); refused while arrays of it are alive");
}

}  // namespace chitieu::python

// The projection's least-squares line for Python: the plots draw the core's own fit.
#include "register.hpp"

#include <chitieu/error.hpp>
#include <chitieu/projection.hpp>

#include <pybind11/numpy.h>

#include <string>

namespace py = pybind11;

namespace chitieu::python {

namespace {
using doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// The least-squares line through (x, y) (chitieu::fit_line) evaluated at each of `at`.
py::array_t<double> fitted_line(const doubles& x, const doubles& y, const doubles& at) {
  if (x.ndim() != 1 || y.ndim() != 1 || at.ndim() != 1 || x.size() != y.size())
    throw error("x and y must be one-dimensional and of the same length (got " + std::to_string(x.size()) +
                    " and " + std::to_string(y.size()) + "), at one-dimensional",
                {}, 0, "x");
  const linear_fit f = fit_line(x.data(), y.data(), static_cast<std::size_t>(x.size()));
  py::array_t<double> out(at.size());
  auto dst = out.mutable_unchecked<1>();
  auto src = at.unchecked<1>();
  for (py::ssize_t i = 0; i < at.size(); ++i) dst(i) = f.predict(src(i));
  return out;
}
}  // namespace

void register_projection(py::module_& m) {
  m.def("fit_line", &fitted_line, py::arg("x"), py::arg("y"), py::arg("at"),
        "The ordinary least-squares line of y on x (the projection's fit) evaluated at each of `at`; "
        "NaN without a slope (fewer than 2 points or all x equal).");
}

}  // namespace chitieu::python

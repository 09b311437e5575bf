// Python bindings of the C++ CSV readers: the files a C++ tool reads without Python, reachable
// from Python so that the two readers' rules and messages are tested against each other.
#include "register.hpp"

#include <chitieu/csv_files.hpp>

#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace chitieu::python {

void register_files(py::module_& m) {
  m.def(
      "read_observations_file",
      [](const std::string& path) {
        observations_file f = read_observations(path);
        return std::make_pair(std::move(f.panel), std::move(f.lines));
      },
      py::arg("path"),
      "The C++ reader of an observation CSV file: (Panel, the file line of each row); ChitieuError naming "
      "the file, line and column");
  m.def("read_areas_file", &read_areas, py::arg("path"),
        "The C++ reader of an area CSV file: a validated AreaTable; ChitieuError naming the file, line and "
        "column");
  m.def("read_crosswalk_file", &read_crosswalk, py::arg("path"), py::arg("areas"),
        "The C++ reader of a crosswalk CSV file over `areas`: a validated Crosswalk; ChitieuError naming the "
        "file, line and column");
}

}  // namespace chitieu::python

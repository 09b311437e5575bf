/// @file register_memory_cache.cpp
/// @brief The memory cache (chitieu/memory_cache.hpp) in Python: its limit, its bytes, releasing them.
#include "register.hpp"

#include <chitieu/memory_cache.hpp>

#include <cstddef>

namespace py = pybind11;

namespace chitieu::python {

void register_memory_cache(py::module_& m) {
  m.def("memory_cache_limit", &memory_cache_limit,
        "the most bytes the memory cache holds (by default an eighth of the physical memory)");
  m.def("set_memory_cache_limit", &set_memory_cache_limit, py::arg("bytes"),
        "sets the most bytes the memory cache holds (0 turns it off), frees the oldest columns beyond "
        "it, and returns the previous limit");
  m.def("memory_cache_bytes", &memory_cache_bytes, "the bytes of the columns the memory cache holds now");
  m.def("release_memory_cache", &release_memory_cache,
        "frees every column the memory cache holds and returns their bytes");
}

}  // namespace chitieu::python

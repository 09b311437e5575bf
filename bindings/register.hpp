/// @file register.hpp
/// @brief The registration functions of chitieu._core, one per concept (register_<concept>.cpp).
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/finding.hpp>
#include <chitieu/memory_cache.hpp>

#include <pybind11/pybind11.h>

#include <memory>
#include <unordered_map>
#include <vector>

namespace chitieu::python {

/// An instance of `type` (a chitieu.ChitieuError class) for a C++ error, with its message, file,
/// line and field.
pybind11::object error_object(const pybind11::object& type, const error& e);
/// A chitieu.ChitieuError for a C++ error, with its message, file, line and field.
pybind11::object error_object(const error& e);

/// The enum tables (names and labels of units, statuses, paces, ...).
void register_enums(pybind11::module_& m);
/// Units, directions, targets, status and margin.
void register_target(pybind11::module_& m);
/// The target-phrase parser and formatter.
void register_phrase(pybind11::module_& m);
/// Plans, plan files and the embedded plans.
void register_plan(pybind11::module_& m);
/// Panels, evaluation options and the evaluation core.
void register_evaluate(pybind11::module_& m);
/// Areas, crosswalks, roll-ups and summaries.
void register_areas(pybind11::module_& m);
/// The C++ readers of observation, area and crosswalk CSV files.
void register_files(pybind11::module_& m);
/// The dictionary codes of Arrow text columns (ids numbered in order of first appearance), and
/// codes renumbered into another order of their dictionary.
void register_text_codes(pybind11::module_& m);
/// The memory cache: its limit, the bytes it holds, and releasing them.
void register_memory_cache(pybind11::module_& m);
/// The projection's least-squares line (for plots).
void register_projection(pybind11::module_& m);

/// Findings as a list of dicts: kind, indicator, area, year, own, aggregate, message.
pybind11::list findings_list(const std::vector<finding>& findings);
/// Roll-up states: the roll-up in parts and its merge.
void register_roll_up_state(pybind11::module_& m);

/// The deleter of the Python objects holding a panel or an evaluation: their large columns go to
/// the memory cache (memory_cache.hpp) for the next job's new columns, then the object is freed.
template <class T>
struct cache_on_delete {
  /// Caches the columns of `held` and deletes it.
  void operator()(T* held) const noexcept {
    cache_columns(std::move(*held));
    delete held;
  }
};

/// The holder of Python objects of type T: T's columns go to the memory cache when it is freed.
template <class T>
using cached_holder = std::unique_ptr<T, cache_on_delete<T>>;

/// The number of live leases on each Evaluation with any: one per columns() call whose read-only
/// numpy arrays (views of its memory) are alive. Touched with the GIL held only.
std::unordered_map<const evaluation*, long>& leases();
/// As leases(), for columns(writable=True) calls: the writable views that the frames of
/// Evaluation.to_frame() share (pandas' copy-on-write copies a column before a write while the
/// Evaluation's own frame shares it).
std::unordered_map<const evaluation*, long>& shared_leases();
/// The evaluation held by `e`, to be refilled or recycled; raises ChitieuError (naming `field`)
/// while numpy arrays view its memory (either kind of lease).
evaluation& writable_evaluation(const pybind11::object& e, const char* field);

}  // namespace chitieu::python

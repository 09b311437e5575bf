/// @file review.hpp
/// @brief The whole review pipeline (docs/aggregation.md "The review pipeline"): observations → geography →
/// roll-up → evaluation.
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/crosswalk.hpp>
#include <chitieu/date.hpp>
#include <chitieu/evaluate.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/export.hpp>
#include <chitieu/finding.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>

#include <functional>
#include <optional>
#include <vector>

namespace chitieu {

/// Options of review(): what to review beside the plan and the panel. The area table and the
/// crosswalk are held by reference, not owned: each must outlive the review() call given these
/// options (a temporary is refused at compile time). Options are plain values, copied freely and
/// shared between threads.
struct review_options {
  evaluate_options evaluation;    ///< passed to evaluate()
  std::optional<date> geography;  ///< re-express every year on the units valid on this day
  /// The panel has already passed check_and_complete() (its values completed): skip that step.
  bool checked = false;
  // Added in 0.2.0, after the fields of 0.1.0 (an aggregate initialised in order still reads the same).
  /// The area table: with it the review checks the observations' units and rolls them up.
  std::optional<std::reference_wrapper<const area_table>> areas;
  /// The crosswalk re-expressing old units on the units of `geography` (needs `areas`); unused
  /// without a geography day (historical geography).
  std::optional<std::reference_wrapper<const chitieu::crosswalk>> crosswalk;

  /// Reviews with the area table `table` (kept by reference); returns *this to chain setters.
  review_options& with_areas(const area_table& table) {
    areas = table;
    return *this;
  }
  /// A temporary table would not outlive the options: refused.
  review_options& with_areas(const area_table&& table) = delete;
  /// Re-expresses through the crosswalk `walk` (kept by reference); returns *this to chain setters.
  review_options& with_crosswalk(const chitieu::crosswalk& walk) {
    crosswalk = walk;
    return *this;
  }
  /// A temporary crosswalk would not outlive the options: refused.
  review_options& with_crosswalk(const chitieu::crosswalk&& walk) = delete;
  /// Re-expresses every year on the units valid on `day`; returns *this to chain setters.
  review_options& with_geography(date day) {
    geography = day;
    return *this;
  }
};

/// What a review returns: the evaluation and the findings of the roll-up.
struct review_result {
  chitieu::evaluation evaluation;  ///< one row per indicator × area × year with data or an aggregate
  std::vector<finding> findings;   ///< own_vs_aggregate, part_exceeds_whole, part_denominator_differs
};

/// Throws the first of observation_area_problems() (an area the table does not know, or not a
/// unit of its year), if any.
CHITIEU_API void check_observation_areas(const panel& obs, const area_table& areas);

/// Checks a panel and completes its ratio values in one pass of checks: throws the first of
/// observation_problems() of the panel as given (its message counting the rest); then fills each
/// missing value from numerator × factor / denominator (complete_values()) and throws the first
/// problem of the values so computed (e.g. outside the unit's domain). The same errors, in the
/// same order, as observation_problems() before and check_observations() after complete_values().
CHITIEU_API void check_and_complete(const plan& p, panel& obs);

/// Runs the review: check_and_complete (unless options.checked) → area checks (when options.areas is
/// given) → reexpress to options.geography (needs options.areas; without options.crosswalk every unit
/// must be valid on that day) → roll_up (when options.areas is given; on the units of the geography day
/// if set, else year by year) → evaluate. The panel the caller gives away is moved from stage to stage,
/// never copied. `recycle`: an earlier evaluation the caller gives away (std::move; left empty), whose
/// columns' memory the evaluation reuses (see evaluate_into()); by default none.
/// Errors are chitieu::error (also for a geography day without areas, field "geography").
CHITIEU_API review_result review(const plan& p, panel&& observations, const review_options& options = {},
                                 evaluation&& recycle = {});

/// As review() above on a panel the caller keeps, which is never written: one copy, with room for
/// the parent rows the roll-up appends, moves through the stages. With areas and no geography day,
/// when every value completed from a numerator and denominator is of a ratio-rule indicator and
/// passes its checks, the checks read the caller's panel and the roll-up copies it while its pass
/// reads it (docs/aggregation.md): the same result and errors.
CHITIEU_API review_result review(const plan& p, const panel& observations, const review_options& options = {},
                                 evaluation&& recycle = {});

/// The review with its optional inputs as pointers (null: none), the 0.1.0 signature: the pointers
/// replace options.areas and options.crosswalk, `recycle` (may be null) is given away as above.
/// Deprecated in 0.2.0, kept through 0.3.x (docs/api-stability.md); forwards to the review() above.
[[deprecated("use review(plan, panel, review_options)")]] CHITIEU_API review_result
review(const plan& p, panel&& observations, const area_table* areas, const crosswalk* cw,
       const review_options& options = {}, evaluation* recycle = nullptr);

/// As the deprecated review() above on a panel the caller keeps.
/// Deprecated in 0.2.0, kept through 0.3.x; forwards to review(plan, panel, review_options).
[[deprecated("use review(plan, panel, review_options)")]] CHITIEU_API review_result
review(const plan& p, const panel& observations, const area_table* areas, const crosswalk* cw,
       const review_options& options = {}, evaluation* recycle = nullptr);

}  // namespace chitieu

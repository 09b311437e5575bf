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

#include <optional>
#include <vector>

namespace chitieu {

/// Options of review().
struct review_options {
  evaluate_options evaluation;    ///< passed to evaluate()
  std::optional<date> geography;  ///< re-express every year on the units valid on this day
  /// The panel has already passed check_and_complete() (its values completed): skip that step.
  bool checked = false;
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

/// Runs the review: check_and_complete (unless options.checked) → area checks (when `areas` is given) →
/// reexpress to options.geography (needs `areas`; without `cw` every unit must be valid on that day) →
/// roll_up (when `areas` is given; on the units of the geography day if set, else year by year)
/// → evaluate. The panel the caller gives away is moved from stage to stage, never copied. A crosswalk
/// without a geography day is not used (historical geography). `recycle`: an earlier evaluation the caller
/// gives away (left empty), whose columns' memory the evaluation reuses (see evaluate_into()).
/// Errors are chitieu::error (also for a geography day without areas, field "geography").
CHITIEU_API review_result review(const plan& p, panel&& observations, const area_table* areas,
                                 const crosswalk* cw, const review_options& options = {},
                                 evaluation* recycle = nullptr);

/// As review() above on a panel the caller keeps: one copy, with room for the parent rows the
/// roll-up appends, moves through the stages.
CHITIEU_API review_result review(const plan& p, const panel& observations, const area_table* areas,
                                 const crosswalk* cw, const review_options& options = {},
                                 evaluation* recycle = nullptr);

}  // namespace chitieu

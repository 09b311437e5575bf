/// @file indicator_rules.hpp
/// @brief What evaluate() needs to know about one indicator, resolved once per indicator.
#pragma once

#include "annual_change.hpp"

#include <chitieu/error.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/status.hpp>

#include <cmath>
#include <limits>
#include <optional>

namespace chitieu::detail {

/// The resolved evaluation rules of one indicator: years, met boundary and which outputs apply.
struct indicator_rules {
  const chitieu::indicator* ind = nullptr;    ///< the plan's indicator
  const chitieu::target* tg = nullptr;        ///< its target
  target_kind kind = target_kind::threshold;  ///< target kind
  direction dir = direction::higher;          ///< direction of the target
  chitieu::unit unit = unit::percent;         ///< unit of the values
  int baseline_year = 0;                      ///< effective baseline year (indicator, options, plan)
  int target_year = 0;                        ///< effective target year t1
  int base_year = 0;                          ///< base year of a relative target
  int from = 0;                               ///< first year of a cumulative period
  int to = 0;                                 ///< last year of a cumulative period
  double boundary = std::numeric_limits<double>::quiet_NaN();  ///< T, the met boundary (NaN if none)
  /// T on the fit's scale, which p_meet compares the projection with: ln T for a log fit (−∞ when
  /// T ≤ 0), else T.
  double fit_boundary = std::numeric_limits<double>::quiet_NaN();
  bool boundary_inclusive = true;    ///< whether reaching T exactly meets the target
  bool log_fit = false;              ///< relative targets and compound trends fit ln(assessed)
  bool pace_not_applicable = false;  ///< milestone, sustained, qualitative, two-sided band, no T
  bool p_meet_applicable = false;    ///< numeric, one-sided kinds other than cumulative
  bool projects = false;             ///< a projection to t1 applies (not boolean, sustained, annual_change)
  change_measure change = change_measure::points;  ///< annual_change: how the yearly change is taken

  /// True for targets judged on 1/0: milestone, qualitative, sustained without a bound.
  bool boolean() const noexcept { return tg->judged_on_one(); }
};

/// Resolves an indicator's rules. Years: the indicator's own override wins, then the option
/// override, then the plan's default. Throws chitieu::error for a cumulative target without period.
inline indicator_rules resolve_rules(const plan& p, const chitieu::indicator& ind,
                                     std::optional<int> baseline_override,
                                     std::optional<int> target_override) {
  indicator_rules r;
  r.ind = &ind;
  r.tg = &ind.target;
  r.kind = ind.target.kind;
  r.dir = ind.target.dir;
  r.unit = ind.unit;
  r.baseline_year = ind.baseline_year ? *ind.baseline_year : baseline_override.value_or(p.baseline_year);
  r.target_year = ind.target_year ? *ind.target_year : target_override.value_or(p.target_year);
  r.base_year = ind.target.base_year.value_or(r.baseline_year);
  if (r.kind == target_kind::cumulative) {
    const auto& period = ind.target.period;
    if (!period)
      throw error(
          "indicator '" + ind.id + "' has a cumulative target without a period; give period = [from, to]", {},
          0, "period");
    r.from = period->first;
    r.to = period->second;
    if (r.to < r.from)
      throw error("indicator '" + ind.id + "' has a cumulative period [" + std::to_string(r.from) + ", " +
                      std::to_string(r.to) + "] that ends before it starts",
                  {}, 0, "period");
  }
  if (const auto b = ind.target.met_boundary()) {
    r.boundary = *b;
    r.boundary_inclusive =
        r.dir == direction::lower ? ind.target.upper_inclusive : ind.target.lower_inclusive;
  }
  r.log_fit = r.kind == target_kind::relative || ind.trend == trend::compound;
  r.fit_boundary = !r.log_fit
                       ? r.boundary
                       : (r.boundary > 0.0 ? std::log(r.boundary) : -std::numeric_limits<double>::infinity());
  r.change = change_measure_of(ind);
  const bool sustained = r.kind == target_kind::sustained;
  const bool annual = r.kind == target_kind::annual_change;
  r.pace_not_applicable =
      r.boolean() || sustained || ind.target.is_two_sided_band() || std::isnan(r.boundary);
  r.projects = !r.boolean() && !sustained && !annual;
  r.p_meet_applicable =
      !r.pace_not_applicable && r.projects && r.kind != target_kind::cumulative && r.dir != direction::none;
  return r;
}

}  // namespace chitieu::detail

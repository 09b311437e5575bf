/// @file plan.hpp
/// @brief A plan: domains and typed indicators with targets and aggregation rules.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/change_measure.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/plan_fields.hpp>
#include <chitieu/target.hpp>
#include <chitieu/trend.hpp>
#include <chitieu/unit.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chitieu {

/// A text in Vietnamese and English.
struct localized {
  std::string vi;  ///< Vietnamese
  std::string en;  ///< English
  /// Memberwise equality.
  friend bool operator==(const localized& a, const localized& b) { return a.vi == b.vi && a.en == b.en; }
};

/// A group of indicators (the plan's section III task groups for La Gi).
struct domain {
  std::string id;  ///< unique id within the plan
  localized name;  ///< display name
  /// Equality of every field of domain_fields.
  friend bool operator==(const domain& a, const domain& b) { return fields_equal(domain_fields, a, b); }
};

/// One typed indicator with its target and aggregation rule. Its direction, approx tolerance,
/// cumulative period and "phấn đấu" live in `target` only (`target.dir`, `target.tolerance`,
/// `target.period`, `target.aspirational`); the keys are listed in plan_fields.hpp.
struct indicator {
  std::string id;                      ///< unique id within the plan
  std::string domain;                  ///< id of its domain
  localized name;                      ///< display name
  chitieu::unit unit = unit::percent;  ///< unit of measure
  localized unit_text;                 ///< the unit in words with its scale ("triệu đồng"), optional
  std::string target_phrase;           ///< the target as the plan words it
  chitieu::target target;              ///< the parsed target, with direction, tolerance, period, aspirational
  std::optional<int> baseline_year;    ///< overrides the plan's baseline year
  std::optional<int> target_year;      ///< overrides the plan's target year
  chitieu::trend trend = trend::linear;  ///< projection model
  std::optional<change_measure> change;  ///< annual_change only: points or relative (empty: by unit)
  aggregate_rule aggregate = aggregate_rule::none;  ///< roll-up rule
  double min_coverage = 1.0;                        ///< share of children needed for a parent value
  std::string part_of;                              ///< id of the whole this indicator is a part of
  std::string numerator;                            ///< what the numerator counts (ratio rule)
  std::string denominator;                          ///< what the denominator counts (ratio rule)
  std::vector<std::string> aligns_with;             ///< "plan-id/indicator-id" counterparts upstream
  std::string source;                               ///< where in the plan document it comes from
  std::string text;                                 ///< the plan's sentence

  /// Equality of every field of indicator_fields and of the parsed target.
  friend bool operator==(const indicator& a, const indicator& b) {
    return fields_equal(indicator_fields, a, b) && a.target == b.target;
  }
};

/// A plan: metadata, domains and indicators.
struct plan {
  std::string id;                              ///< e.g. "la-gi-2024"
  localized title;                             ///< title
  std::string issuer;                          ///< issuing body
  std::string area;                            ///< area id the plan covers
  std::string adopted;                         ///< ISO date of adoption
  int baseline_year = 0;                       ///< default baseline year
  int target_year = 0;                         ///< default target year
  std::string parent;                          ///< id of the plan it implements
  std::string source;                          ///< the document it transcribes
  std::vector<chitieu::domain> domains;        ///< domains, in plan order
  std::vector<chitieu::indicator> indicators;  ///< indicators, in plan order

  /// The indicator's effective baseline year.
  int baseline_year_of(const chitieu::indicator& i) const noexcept {
    return i.baseline_year.value_or(baseline_year);
  }
  /// The indicator's effective target year.
  int target_year_of(const chitieu::indicator& i) const noexcept {
    return i.target_year.value_or(target_year);
  }
  /// Equality of every field of plan_fields, the domains and the indicators.
  friend bool operator==(const plan& a, const plan& b) {
    return fields_equal(plan_fields, a, b) && a.domains == b.domains && a.indicators == b.indicators;
  }
};

}  // namespace chitieu

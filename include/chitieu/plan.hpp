/// @file plan.hpp
/// @brief A plan: domains and typed indicators with targets and aggregation rules.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/target.hpp>
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

/// How a series is projected to the target year.
enum class trend {
  linear,   ///< least squares on the value
  compound  ///< least squares on ln(value)
};

/// The name of a trend ("linear" or "compound").
constexpr std::string_view to_string(trend t) noexcept {
  return t == trend::linear ? "linear" : "compound";
}

/// How an annual_change target measures the mean yearly change (docs/evaluation.md).
enum class change_measure {
  points,   ///< (v − v0)/(t − t0), in the indicator's unit (the default for percent)
  relative  ///< 100·((v/v0)^(1/(t − t0)) − 1), in percent a year (the default otherwise)
};

/// The name of a change measure ("points" or "relative").
constexpr std::string_view to_string(change_measure c) noexcept {
  return c == change_measure::points ? "points" : "relative";
}

/// A group of indicators (the plan's section III task groups for La Gi).
struct domain {
  std::string id;  ///< unique id within the plan
  localized name;  ///< display name
  /// Memberwise equality.
  friend bool operator==(const domain& a, const domain& b) { return a.id == b.id && a.name == b.name; }
};

/// One typed indicator with its target and aggregation rule.
struct indicator {
  std::string id;                              ///< unique id within the plan
  std::string domain;                          ///< id of its domain
  localized name;                              ///< display name
  chitieu::unit unit = unit::percent;          ///< unit of measure
  direction dir = direction::higher;           ///< which way is better
  std::string target_phrase;                   ///< the target as the plan words it
  chitieu::target target;                      ///< the parsed target
  std::optional<double> tolerance;             ///< approx half-width override
  std::optional<int> baseline_year;            ///< overrides the plan's baseline year
  std::optional<int> target_year;              ///< overrides the plan's target year
  std::optional<std::pair<int, int>> period;   ///< cumulative period override
  chitieu::trend trend = trend::linear;        ///< projection model
  std::optional<change_measure> change;        ///< annual_change only: points or relative
  aggregate_rule aggregate = aggregate_rule::none;  ///< roll-up rule
  double min_coverage = 1.0;                   ///< share of children needed for a parent value
  std::string part_of;                         ///< id of the whole this indicator is a part of
  bool aspirational = false;                   ///< "phấn đấu"
  std::string numerator;                       ///< what the numerator counts (ratio rule)
  std::string denominator;                     ///< what the denominator counts (ratio rule)
  std::vector<std::string> aligns_with;        ///< "plan-id/indicator-id" counterparts upstream
  std::string source;                          ///< where in the plan text it comes from
  std::string text;                            ///< the plan's sentence

  /// Memberwise equality.
  friend bool operator==(const indicator& a, const indicator& b) {
    return a.id == b.id && a.domain == b.domain && a.name == b.name && a.unit == b.unit &&
           a.dir == b.dir && a.target_phrase == b.target_phrase && a.target == b.target &&
           a.tolerance == b.tolerance && a.baseline_year == b.baseline_year &&
           a.target_year == b.target_year && a.period == b.period && a.trend == b.trend &&
           a.change == b.change &&
           a.aggregate == b.aggregate && a.min_coverage == b.min_coverage &&
           a.part_of == b.part_of && a.aspirational == b.aspirational &&
           a.numerator == b.numerator && a.denominator == b.denominator &&
           a.aligns_with == b.aligns_with && a.source == b.source && a.text == b.text;
  }
};

/// A plan: metadata, domains and indicators.
struct plan {
  std::string id;                  ///< e.g. "la-gi-2024"
  localized title;                 ///< title
  std::string issuer;              ///< issuing body
  std::string area;                ///< area id the plan covers
  std::string adopted;             ///< ISO date of adoption
  int baseline_year = 0;           ///< default baseline year
  int target_year = 0;             ///< default target year
  std::string parent;              ///< id of the plan it implements
  std::string source;              ///< the document it transcribes
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
  /// Memberwise equality.
  friend bool operator==(const plan& a, const plan& b) {
    return a.id == b.id && a.title == b.title && a.issuer == b.issuer && a.area == b.area &&
           a.adopted == b.adopted && a.baseline_year == b.baseline_year &&
           a.target_year == b.target_year && a.parent == b.parent && a.source == b.source &&
           a.domains == b.domains && a.indicators == b.indicators;
  }
};

}  // namespace chitieu

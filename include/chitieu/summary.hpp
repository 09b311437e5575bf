/// @file summary.hpp
/// @brief Summaries of an evaluation by domain and for the plan (docs/aggregation.md "Summaries").
#pragma once

#include <chitieu/evaluation.hpp>
#include <chitieu/export.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/status.hpp>

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace chitieu {

/// Share of a group's indicators that must have data for its score (80 %).
inline constexpr double summary_min_data_share = 0.8;

/// One indicator's line in a summary.
struct indicator_score {
  std::string indicator;                         ///< indicator id
  std::string domain;                            ///< its domain id
  chitieu::status status = status::no_data;      ///< status in the summarised year (no_data without a row)
  chitieu::pace pace = pace::insufficient_data;  ///< pace in that year
  double progress = std::numeric_limits<double>::quiet_NaN();  ///< progress from the evaluation
  double score = std::numeric_limits<double>::quiet_NaN();     ///< 0-100, NaN without data
  /// True when the status is met, exceeded or not_met (the indicator has data to judge).
  bool has_data() const noexcept {
    return status == status::met || status == status::exceeded || status == status::not_met;
  }
};

/// Counts, indexed by the enum's value, one per status and one per pace (sized from the enums'
/// tables, so a new status or pace has its count).
struct summary_counts {
  std::array<std::size_t, all_statuses.size()> by_status{};  ///< index static_cast<size_t>(status)
  std::array<std::size_t, all_paces.size()> by_pace{};       ///< index static_cast<size_t>(pace)
  /// Counts one indicator.
  void add(const indicator_score& s) {
    ++by_status[static_cast<std::size_t>(s.status)];
    ++by_pace[static_cast<std::size_t>(s.pace)];
  }
  /// The count of a status.
  std::size_t of(chitieu::status s) const { return by_status[static_cast<std::size_t>(s)]; }
  /// The count of a pace.
  std::size_t of(chitieu::pace p) const { return by_pace[static_cast<std::size_t>(p)]; }
};

/// The summary of one domain.
struct domain_summary {
  std::string domain;                                       ///< domain id
  std::vector<indicator_score> indicators;                  ///< its indicators, in plan order
  summary_counts counts;                                    ///< by status and pace
  std::size_t with_data = 0;                                ///< indicators with data (met, exceeded, not_met)
  double score = std::numeric_limits<double>::quiet_NaN();  ///< mean indicator score, or NaN
  bool enough_data = false;  ///< at least 80 % of its indicators have data (else score is NaN)
};

/// The summary of a plan for one area and year.
struct plan_summary {
  std::string plan;                     ///< plan id
  std::string area;                     ///< area id
  int year = 0;                         ///< the summarised year
  bool geometric = false;               ///< plan score is the geometric mean of domain scores
  std::vector<domain_summary> domains;  ///< in plan order (domains without indicators omitted)
  summary_counts counts;                ///< over all indicators
  std::size_t indicators = 0;           ///< indicators of the plan
  std::size_t with_data = 0;            ///< of which with data
  double score = std::numeric_limits<double>::quiet_NaN();  ///< plan score, or NaN
  bool enough_data = false;  ///< at least 80 % of the plan's indicators have data (else score is NaN)
};

/// Options of summarize().
struct summary_options {
  std::optional<int> year;  ///< the summarised year; empty: the latest year the evaluation has for the area
  bool geometric = false;   ///< the plan score is the geometric (not arithmetic) mean of the domain scores
};

/// Summarises an evaluation for one area and year (options.year, else the latest year the
/// evaluation has for `area`).
///
/// Each plan indicator takes the evaluation row of (area, year); without one its status is
/// no_data (not_assessed for qualitative targets) and its pace insufficient_data
/// (not_applicable for milestone, sustained and qualitative targets), as evaluate() does for a
/// row without data. Score = 100 when met or exceeded; otherwise 100 × clip(progress, 0, 1),
/// or 0 when not_met and progress is undefined (a missed milestone, T = v0); NaN without data.
/// Domain score = mean of its indicators' scores when at least 80 % of them have data, else NaN
/// (enough_data false). Plan score = mean (or geometric mean) of the finite domain scores when
/// at least 80 % of all indicators have data, else NaN. Throws chitieu::error when the
/// evaluation has no row for `area`.
CHITIEU_API plan_summary summarize(const plan& p, const evaluation& ev, const std::string& area,
                                   const summary_options& options = {});

}  // namespace chitieu

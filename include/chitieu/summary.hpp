/// @file summary.hpp
/// @brief Summaries of an evaluation by domain and for the plan (DESIGN.md §2 "Summaries").
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/pace.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/status.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace chitieu {

/// Share of a group's indicators that must have data for its score (80 %).
inline constexpr double summary_min_data_share = 0.8;

/// One indicator's line in a summary.
struct indicator_score {
  std::string indicator;                   ///< indicator id
  std::string domain;                      ///< its domain id
  chitieu::status status = status::no_data;    ///< status in the summarised year (no_data without a row)
  chitieu::pace pace = pace::insufficient_data;  ///< pace in that year
  double progress = std::numeric_limits<double>::quiet_NaN();  ///< progress from the evaluation
  double score = std::numeric_limits<double>::quiet_NaN();     ///< 0-100, NaN without data
  /// True when the status is met, exceeded or not_met (the indicator has data to judge).
  bool has_data() const noexcept { return status == status::met || status == status::exceeded || status == status::not_met; }
};

/// Counts, indexed by the enum's value: statuses (5) and paces (13).
struct summary_counts {
  std::array<std::size_t, 5> by_status{};  ///< index static_cast<size_t>(status)
  std::array<std::size_t, 13> by_pace{};   ///< index static_cast<size_t>(pace)
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
  std::string domain;                   ///< domain id
  std::vector<indicator_score> indicators;  ///< its indicators, in plan order
  summary_counts counts;                ///< by status and pace
  std::size_t with_data = 0;            ///< indicators with data (met, exceeded, not_met)
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

/// Summarises an evaluation for one area and year.
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
inline plan_summary summarize(const plan& p, const evaluation& ev, const std::string& area,
                              int year, bool geometric = false) {
  const auto a = std::find(ev.area_ids.begin(), ev.area_ids.end(), area);
  bool area_seen = false;
  std::unordered_map<std::string, std::size_t> row_of;
  if (a != ev.area_ids.end()) {
    const auto code = static_cast<std::int32_t>(a - ev.area_ids.begin());
    for (std::size_t r = 0; r < ev.size(); ++r) {
      if (ev.area[r] != code) continue;
      area_seen = true;
      if (ev.year[r] == year) row_of[ev.indicator_ids[static_cast<std::size_t>(ev.indicator[r])]] = r;
    }
  }
  if (!area_seen)
    throw error("the evaluation has no row for area '" + area + "'", {}, 0, "area");

  plan_summary out;
  out.plan = p.id;
  out.area = area;
  out.year = year;
  out.geometric = geometric;
  for (const domain& d : p.domains) {
    domain_summary ds;
    ds.domain = d.id;
    double total = 0;
    std::size_t scored = 0;
    for (const indicator& ind : p.indicators) {
      if (ind.domain != d.id) continue;
      indicator_score s;
      s.indicator = ind.id;
      s.domain = d.id;
      const auto it = row_of.find(ind.id);
      if (it != row_of.end()) {
        s.status = ev.status[it->second];
        s.pace = ev.pace[it->second];
        s.progress = ev.progress[it->second];
      } else {
        if (ind.target.kind == target_kind::qualitative) s.status = status::not_assessed;
        if (is_boolean_kind(ind.target.kind)) s.pace = pace::not_applicable;
      }
      if (is_met(s.status))
        s.score = 100.0;
      else if (s.status == status::not_met)
        s.score = std::isnan(s.progress) ? 0.0 : 100.0 * std::clamp(s.progress, 0.0, 1.0);
      if (s.has_data()) {
        ++ds.with_data;
        total += s.score;
        ++scored;
      }
      ds.counts.add(s);
      out.counts.add(s);
      ds.indicators.push_back(s);
    }
    if (ds.indicators.empty()) continue;
    ds.enough_data = static_cast<double>(ds.with_data) >=
                     summary_min_data_share * static_cast<double>(ds.indicators.size());
    if (ds.enough_data && scored > 0) ds.score = total / static_cast<double>(scored);
    out.indicators += ds.indicators.size();
    out.with_data += ds.with_data;
    out.domains.push_back(std::move(ds));
  }
  out.enough_data = out.indicators > 0 && static_cast<double>(out.with_data) >=
                                              summary_min_data_share * static_cast<double>(out.indicators);
  if (out.enough_data) {
    double sum = 0, log_sum = 0;
    std::size_t n = 0;
    bool zero = false;
    for (const auto& ds : out.domains) {
      if (std::isnan(ds.score)) continue;
      sum += ds.score;
      if (ds.score <= 0) zero = true;
      else log_sum += std::log(ds.score);
      ++n;
    }
    if (n > 0)
      out.score = !geometric ? sum / static_cast<double>(n)
                             : (zero ? 0.0 : std::exp(log_sum / static_cast<double>(n)));
  }
  return out;
}

/// Summarises the latest year the evaluation has for `area` (see the overload with a year).
inline plan_summary summarize(const plan& p, const evaluation& ev, const std::string& area,
                              bool geometric = false) {
  const auto a = std::find(ev.area_ids.begin(), ev.area_ids.end(), area);
  std::optional<int> latest;
  if (a != ev.area_ids.end()) {
    const auto code = static_cast<std::int32_t>(a - ev.area_ids.begin());
    for (std::size_t r = 0; r < ev.size(); ++r)
      if (ev.area[r] == code && (!latest || ev.year[r] > *latest)) latest = ev.year[r];
  }
  if (!latest) throw error("the evaluation has no row for area '" + area + "'", {}, 0, "area");
  return summarize(p, ev, area, *latest, geometric);
}

}  // namespace chitieu

/// @file summary.cpp
/// @brief summarize(): indicator scores, domain and plan scores of one area and year.
#include <chitieu/error.hpp>
#include <chitieu/summary.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {

namespace {

/// The rows of `area` in an evaluation; throws chitieu::error when it has none.
std::vector<std::size_t> rows_of_area(const evaluation& ev, const std::string& area) {
  std::vector<std::size_t> rows;
  const auto a = std::find(ev.area_ids.begin(), ev.area_ids.end(), area);
  if (a != ev.area_ids.end()) {
    const auto code = static_cast<std::int32_t>(a - ev.area_ids.begin());
    for (std::size_t r = 0; r < ev.size(); ++r)
      if (ev.area[r] == code) rows.push_back(r);
  }
  if (rows.empty()) throw error("the evaluation has no row for area '" + area + "'", {}, 0, "area");
  return rows;
}

}  // namespace

plan_summary summarize(const plan& p, const evaluation& ev, const std::string& area,
                       const summary_options& options) {
  const std::vector<std::size_t> rows = rows_of_area(ev, area);
  int year = ev.year[rows.front()];
  if (options.year)
    year = *options.year;
  else
    for (const std::size_t r : rows) year = std::max(year, static_cast<int>(ev.year[r]));
  const bool geometric = options.geometric;
  std::unordered_map<std::string, std::size_t> row_of;
  for (const std::size_t r : rows)
    if (ev.year[r] == year) row_of[ev.indicator_ids[static_cast<std::size_t>(ev.indicator[r])]] = r;

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
      if (ds.score <= 0)
        zero = true;
      else
        log_sum += std::log(ds.score);
      ++n;
    }
    if (n > 0)
      out.score = !geometric ? sum / static_cast<double>(n)
                             : (zero ? 0.0 : std::exp(log_sum / static_cast<double>(n)));
  }
  return out;
}

}  // namespace chitieu

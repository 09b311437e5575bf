/// @file observations_check.cpp
/// @brief observation_problems(), check_observations() and complete_values().
#include <chitieu/area_id.hpp>
#include <chitieu/number_text.hpp>
#include <chitieu/observations_check.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/unit.hpp>

#include "detail/duplicate_rows.hpp"
#include "detail/effective_value.hpp"
#include "detail/observation_rows.hpp"
#include "detail/parallel.hpp"
#include "detail/part_of.hpp"
#include "detail/plan_lookup.hpp"
#include "detail/row_label.hpp"
#include "detail/row_screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace chitieu {
namespace detail {
void row_problems(const panel& obs, std::size_t r, const indicator& ind, std::vector<error>& out) {
  const auto line = static_cast<long>(r + 1);
  const auto add = [&](const std::string& what, const char* field) {
    out.emplace_back(row_label(obs, r) + ": " + what, std::string{}, line, field);
  };
  const int y = obs.year[r];
  if (y < 1900 || y > 2100)
    add("year " + std::to_string(y) + " is implausible; give a calendar year in [1900, 2100]", "year");

  const double v = obs.value[r], num = obs.numerator[r], den = obs.denominator[r];
  const row_screen facts = screen_of(ind);  // what the indicator's unit and target ask of a row
  const bool boolean = facts.zero_or_one;
  const bool has_num = !std::isnan(num), has_den = !std::isnan(den);
  const double factor = facts.factor;

  if (std::isinf(num)) add("numerator is infinite; give a finite number >= 0", "numerator");
  if (std::isinf(den)) add("denominator is infinite; give a finite number > 0", "denominator");
  if (std::isfinite(num) && num < 0)
    add("numerator " + number_text(num) + " is negative; give a number >= 0", "numerator");
  if (std::isfinite(den) && den <= 0)
    add("denominator " + number_text(den) + " is not positive; give a number > 0", "denominator");
  if (std::isfinite(num) && std::isfinite(den) && den > 0 && facts.part_of_whole && num > den)
    add("numerator " + number_text(num) + " exceeds denominator " + number_text(den) +
            " for a percent; the numerator counts a part of the denominator",
        "numerator");
  if (has_num != has_den && std::isnan(v))
    add(std::string(has_num ? "numerator given without denominator" : "denominator given without numerator") +
            " and no value; give both, or the value",
        has_num ? "denominator" : "numerator");

  if (std::isinf(v)) {
    add("value is infinite; give a finite number in " + domain_text(ind.unit), "value");
  } else if (std::isnan(v)) {
    const bool from_ratio = has_num && has_den;
    const bool rolled_up = std::isfinite(obs.coverage[r]);
    const bool assessment_optional = ind.target.kind == target_kind::qualitative;
    const bool half_ratio = has_num != has_den;  // reported above
    if (!from_ratio && !half_ratio && !rolled_up && !assessment_optional)
      add("value is missing; give a number in " + domain_text(ind.unit) + " (or numerator and denominator)",
          "value");
  } else {
    if (boolean && v != 0.0 && v != 1.0)
      add("value " + number_text(v) + " is not an assessment; give 1 (done/met) or 0 (not)", "value");
    else if (!boolean && !in_domain(ind.unit, v))
      add("value " + number_text(v) + " is outside the domain of unit " + std::string(to_string(ind.unit)) +
              " (" + domain_text(ind.unit) + "); values are never clamped, correct the input",
          "value");
    if (std::isfinite(num) && std::isfinite(den) && den > 0) {
      const double c = num * factor / den;
      if (!value_agrees_with_ratio(v, c))
        add("value " + number_text(v) + " disagrees with numerator × " + number_text(factor) +
                " / denominator = " + number_text(c) + "; give consistent numbers or only one form",
            "value");
    }
  }
  const double w = obs.weight[r], se = obs.se[r], cov = obs.coverage[r];
  if (std::isinf(w) || (std::isfinite(w) && w < 0))
    add("weight " + number_text(w) + " is invalid; give a finite number >= 0", "weight");
  if (std::isinf(se) || (std::isfinite(se) && se < 0))
    add("se " + number_text(se) + " is invalid; give a finite standard error >= 0", "se");
  if (!std::isnan(cov) && !(cov >= 0.0 && cov <= 1.0))
    add("coverage " + number_text(cov) + " is invalid; give a share in [0, 1]", "coverage");
}

namespace {

void part_above_whole_problems(const panel& obs, const std::vector<const indicator*>& of_code,
                               std::vector<error>& out) {
  std::map<std::string, std::int32_t> code_of;
  for (std::size_t c = 0; c < obs.indicator_ids.size(); ++c)
    code_of.emplace(obs.indicator_ids[c], static_cast<std::int32_t>(c));
  std::vector<std::int32_t> whole_of(of_code.size(), -1);
  std::vector<bool> is_whole(of_code.size(), false);
  bool any = false;
  for (std::size_t c = 0; c < of_code.size(); ++c) {
    if (!of_code[c] || of_code[c]->part_of.empty()) continue;
    const auto w = code_of.find(of_code[c]->part_of);
    if (w == code_of.end() || !of_code[static_cast<std::size_t>(w->second)]) continue;
    whole_of[c] = w->second;
    is_whole[static_cast<std::size_t>(w->second)] = any = true;
  }
  if (!any) return;
  std::map<std::tuple<std::int32_t, std::int32_t, std::int32_t>, std::size_t> whole_rows;
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (is_whole[static_cast<std::size_t>(obs.indicator[r])])
      whole_rows.emplace(std::make_tuple(obs.indicator[r], obs.area[r], obs.year[r]), r);
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto c = static_cast<std::size_t>(obs.indicator[r]);
    if (whole_of[c] < 0) continue;
    const auto w = whole_rows.find(std::make_tuple(whole_of[c], obs.area[r], obs.year[r]));
    if (w == whole_rows.end()) continue;
    const indicator& part = *of_code[c];
    const indicator& whole = *of_code[static_cast<std::size_t>(whole_of[c])];
    const double pv = effective_value(obs, r, part.unit), wv = effective_value(obs, w->second, whole.unit);
    if (exceeds_whole(pv, wv))
      out.emplace_back(row_label(obs, r) + ": '" + part.id + "' (" + number_text(pv) +
                           ") exceeds its whole '" + whole.id + "' (" + number_text(wv) + ", row " +
                           std::to_string(w->second + 1) +
                           "); a part never exceeds its whole: correct one of the two rows",
                       std::string{}, static_cast<long>(r + 1), "value", 0, static_cast<long>(w->second + 1));
  }
}

}  // namespace
}  // namespace detail

namespace {
/// Per area code of the panel, why its id breaks the area id rule (empty when it is valid).
std::vector<std::string> area_id_problems_of(const panel& obs) {
  std::vector<std::string> out;
  out.reserve(obs.area_ids.size());
  for (const std::string& id : obs.area_ids) out.push_back(area_id_problem(id));
  return out;
}
}  // namespace

std::vector<error> observation_problems(const plan& p, const panel& obs) {
  check_panel_shape(obs);
  const auto of_code = detail::plan_indicators_of_codes(p, obs);
  const auto screens = detail::screens_of_codes(of_code);
  const auto bad_area = area_id_problems_of(obs);
  // The rows in contiguous shares over the cores; the shares' problems joined in row order.
  std::vector<error> out =
      detail::collect_over_rows<error>(obs.size(), [&](std::size_t r, std::vector<error>& found) {
        if (const std::string& why = bad_area[static_cast<std::size_t>(obs.area[r])]; !why.empty()) {
          found.emplace_back(why + "; " + area_id_rule, std::string{}, static_cast<long>(r + 1), "area");
          return;
        }
        const auto code = static_cast<std::size_t>(obs.indicator[r]);
        const indicator* ind = of_code[code];
        if (!ind) {
          found.push_back(detail::unknown_indicator_error(p, obs, r));
          return;
        }
        if (!detail::plainly_valid(obs, r, screens[code])) detail::row_problems(obs, r, *ind, found);
      });
  for (const auto& [r, q] : detail::duplicate_rows(obs))
    out.push_back(detail::duplicate_row_error(detail::row_label(obs, r), static_cast<long>(r + 1),
                                              static_cast<long>(q + 1)));
  detail::part_above_whole_problems(obs, of_code, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const error& a, const error& b) { return a.line() < b.line(); });
  return out;
}

void check_observations(const plan& p, const panel& obs) {
  throw_first_problem(observation_problems(p, obs));
}

void complete_values(const plan& p, panel& obs) {
  check_panel_shape(obs);
  const auto of_code = detail::plan_indicators_of_codes(p, obs);
  const std::size_t n = obs.size();
  const unsigned threads = detail::thread_count(0, n, 65536);
  // Chunks of rows on the cores; run_chunks rethrows the error of the lowest chunk, which is the
  // first row in panel order that has one (a chunk stops at its first).
  detail::run_chunks(threads, threads, [&](std::size_t c) {
    for (std::size_t r = n * c / threads, end = n * (c + 1) / threads; r < end; ++r) {
      if (!std::isnan(obs.value[r])) continue;
      const double num = obs.numerator[r], den = obs.denominator[r];
      if (!(std::isfinite(num) && std::isfinite(den) && den > 0.0)) continue;
      const indicator* ind = of_code[static_cast<std::size_t>(obs.indicator[r])];
      if (!ind) throw detail::unknown_indicator_error(p, obs, r);
      obs.value[r] = detail::effective_value(obs, r, ind->unit);
    }
  });
}

}  // namespace chitieu

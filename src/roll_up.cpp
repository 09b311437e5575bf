/// @file roll_up.cpp
/// @brief roll_up(): running sums per parent × indicator × year, parents finished deepest first.
#include <chitieu/error.hpp>
#include <chitieu/number_text.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/roll_up.hpp>

#include "detail/areas_combine.hpp"
#include "detail/duplicate_rows.hpp"
#include "detail/effective_value.hpp"
#include "detail/huge_pages.hpp"
#include "detail/panel_room.hpp"
#include "detail/part_of.hpp"
#include "detail/roll_up_plan.hpp"
#include "detail/row_label.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu {
namespace detail::areas {
namespace {

/// Two numbers differ beyond rounding (relative 1e-9).
bool differs(double a, double b) noexcept {
  return std::fabs(a - b) > 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// Adds part_of findings over every row of `rows` (rows unique by indicator, area and year).
void part_of_findings(const std::vector<const indicator*>& inds, const panel& rows,
                      std::vector<finding>& out) {
  std::unordered_map<std::string, std::int32_t> code;
  for (std::size_t k = 0; k < rows.indicator_ids.size(); ++k)
    code.emplace(rows.indicator_ids[k], static_cast<std::int32_t>(k));
  std::vector<std::int32_t> whole_of(inds.size(), -1);  // per indicator code: its whole's code
  bool any = false;
  for (std::size_t k = 0; k < inds.size(); ++k) {
    if (inds[k]->part_of.empty()) continue;
    const auto w = code.find(inds[k]->part_of);
    if (w == code.end()) continue;  // the whole has no data at all
    whole_of[k] = w->second;
    any = true;
  }
  if (!any) return;
  // Rows of the wholes by (indicator, area, year), packed into 64 bits.
  const auto key = [&rows](std::int32_t ind, std::size_t r) {
    return (static_cast<std::uint64_t>(ind) << 48) ^ (static_cast<std::uint64_t>(rows.area[r]) << 16) ^
           static_cast<std::uint64_t>(static_cast<std::uint16_t>(rows.year[r]));
  };
  std::vector<char> is_whole(inds.size(), 0);
  for (const std::int32_t w : whole_of)
    if (w >= 0) is_whole[static_cast<std::size_t>(w)] = 1;
  std::unordered_map<std::uint64_t, std::size_t> wholes;
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (is_whole[static_cast<std::size_t>(rows.indicator[r])]) wholes.emplace(key(rows.indicator[r], r), r);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::int32_t whole_code = whole_of[static_cast<std::size_t>(rows.indicator[r])];
    if (whole_code < 0) continue;
    const indicator& part = *inds[static_cast<std::size_t>(rows.indicator[r])];
    const std::string& area = rows.area_ids[static_cast<std::size_t>(rows.area[r])];
    const auto w = wholes.find(key(whole_code, r));
    if (w == wholes.end()) continue;
    const indicator& whole = *inds[static_cast<std::size_t>(whole_code)];
    const double pv = detail::effective_value(rows, r, part.unit);
    const double wv = detail::effective_value(rows, w->second, whole.unit);
    if (exceeds_whole(pv, wv))
      out.push_back({finding_kind::part_exceeds_whole, part.id, area, rows.year[r], pv, wv,
                     "'" + part.id + "' (" + number_text(pv) + ") exceeds its whole '" + part.part_of +
                         "' (" + number_text(wv) + ") in area '" + area + "', " +
                         std::to_string(rows.year[r]) + "; a part can never exceed its whole"});
    const double pd = rows.denominator[r], wd = rows.denominator[w->second];
    if (!std::isnan(pd) && !std::isnan(wd) && differs(pd, wd))
      out.push_back({finding_kind::part_denominator_differs, part.id, area, rows.year[r], pd, wd,
                     "'" + part.id + "' has denominator " + number_text(pd) + " but its whole '" +
                         part.part_of + "' has " + number_text(wd) + " in area '" + area + "', " +
                         std::to_string(rows.year[r]) + "; a part shares its whole's denominator"});
  }
}

/// The roll-up; `geography` set means every year uses the hierarchy of that day. One pass over
/// the rows adds each row to the running sums of its parent × indicator × year; parents are then
/// finished year by year, deepest first (a finished parent row is added to its own parent).
/// `obs` becomes the result's rows (moved, not copied); parent rows are appended to it.
roll_up_result roll_up_on(const plan& p, panel obs, const area_table& areas,
                          const std::optional<date>& geography) {
  check_panel_shape(obs);
  check_unique_rows(obs);
  const auto inds = plan_indicators_of_panel(p, obs);
  const auto& table = areas.areas();
  const std::size_t n_areas = table.size();
  // Area-table position of each area code; parent position of each area.
  std::unordered_map<std::string, std::int32_t> position;
  for (std::size_t i = 0; i < n_areas; ++i) position.emplace(table[i].id, static_cast<std::int32_t>(i));
  std::vector<std::int32_t> pos_of_code(obs.area_ids.size(), -1);
  for (std::size_t c = 0; c < obs.area_ids.size(); ++c) {
    const auto it = position.find(obs.area_ids[c]);
    if (it != position.end()) pos_of_code[c] = it->second;
  }
  for (std::size_t r = 0; r < obs.size(); ++r)
    if (pos_of_code[static_cast<std::size_t>(obs.area[r])] < 0)
      throw error("unknown area (" + row_label(obs, r) + "); expected an id of the area table", {},
                  static_cast<long>(r + 1), "area");
  std::vector<std::int32_t> parent_pos(n_areas, -1);
  for (std::size_t i = 0; i < n_areas; ++i)
    if (!table[i].parent.empty()) parent_pos[i] = position.at(table[i].parent);

  roll_up_result res;
  panel& out = res.rows;
  out = std::move(obs);
  const std::size_t n_rows = out.size();
  if (n_rows == 0) return res;
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (std::size_t a = 0; a < out.area_ids.size(); ++a)
    area_codes.emplace(out.area_ids[a], static_cast<std::int32_t>(a));

  // The hierarchy of each year with data, and a slot per area that is a parent in some year.
  const auto [ymin_it, ymax_it] = std::minmax_element(out.year.begin(), out.year.end());
  const std::int32_t ymin = *ymin_it;
  const auto n_years = static_cast<std::size_t>(std::int64_t{*ymax_it} - ymin + 1);
  std::vector<char> has_year(n_years, 0);
  for (const std::int32_t y : out.year) has_year[static_cast<std::size_t>(y - ymin)] = 1;
  std::vector<hierarchy> year_h(n_years);
  std::vector<std::int32_t> slot(n_areas, -1);
  std::size_t n_slots = 0;
  for (std::size_t yi = 0; yi < n_years; ++yi) {
    if (!has_year[yi]) continue;
    const int y = ymin + static_cast<int>(yi);
    year_h[yi] = hierarchy_on(areas, parent_pos, geography ? *geography : year_end(y));
    for (const std::int32_t q : year_h[yi].order)
      if (slot[static_cast<std::size_t>(q)] < 0)
        slot[static_cast<std::size_t>(q)] = static_cast<std::int32_t>(n_slots++);
  }
  const std::size_t n_inds = inds.size();
  const auto cell = [&](std::int32_t parent, std::size_t k, std::size_t yi) {
    return (static_cast<std::size_t>(slot[static_cast<std::size_t>(parent)]) * n_inds + k) * n_years + yi;
  };
  // Room for every parent row at once (at most one per parent × aggregated indicator × year):
  // one reallocation per column, column after column, instead of a doubling on the way.
  std::size_t aggregated = 0, parent_cells = 0;
  for (const indicator* ind : inds) aggregated += ind->aggregate != aggregate_rule::none;
  for (std::size_t yi = 0; yi < n_years; ++yi) parent_cells += year_h[yi].order.size() * aggregated;
  const auto reserve = [&](auto& column) { reserve_huge(column, n_rows + parent_cells); };
  reserve(out.indicator);
  reserve(out.area);
  reserve(out.year);
  reserve(out.value);
  reserve(out.numerator);
  reserve(out.denominator);
  reserve(out.weight);
  reserve(out.se);
  reserve(out.coverage);
  std::vector<running_sums> sums(n_slots * n_inds * n_years);
  constexpr std::size_t no_row = static_cast<std::size_t>(-1);
  std::vector<std::size_t> own(sums.size(), no_row);  // a parent's own row

  // One pass: each row reports to its parent of the year; a parent's own rows wait for it.
  for (std::size_t r = 0; r < n_rows; ++r) {
    const auto k = static_cast<std::size_t>(out.indicator[r]);
    const indicator& ind = *inds[k];
    if (ind.aggregate == aggregate_rule::none) continue;
    const auto yi = static_cast<std::size_t>(out.year[r] - ymin);
    const hierarchy& h = year_h[yi];
    const std::int32_t a = pos_of_code[static_cast<std::size_t>(out.area[r])];
    if (h.children[static_cast<std::size_t>(a)]) {
      own[cell(a, k, yi)] = r;
      continue;
    }
    const std::int32_t par = h.parent[static_cast<std::size_t>(a)];
    if (par >= 0 && reports(ind, out, r)) sums[cell(par, k, yi)].add(ind, out, r);
  }

  // Parents year by year, deepest first, in table order; indicators in code order.
  for (std::size_t yi = 0; yi < n_years; ++yi) {
    if (!has_year[yi]) continue;
    const std::int32_t y = ymin + static_cast<std::int32_t>(yi);
    const hierarchy& h = year_h[yi];
    for (const std::int32_t par : h.order) {
      const std::string& parent = table[static_cast<std::size_t>(par)].id;
      const std::int32_t grand = h.parent[static_cast<std::size_t>(par)];
      for (std::size_t k = 0; k < n_inds; ++k) {
        const indicator& ind = *inds[k];
        if (ind.aggregate == aggregate_rule::none) continue;
        const std::size_t at = cell(par, k, yi);
        const running_sums& s = sums[at];
        std::size_t row = own[at];
        if (s.count > 0) {
          const double coverage =
              static_cast<double>(s.count) / static_cast<double>(h.children[static_cast<std::size_t>(par)]);
          combined c;
          if (coverage >= ind.min_coverage) c = s.finish(ind, [&] { return row_label(ind.id, parent, y); });
          if (row != no_row && std::isnan(out.value[row]) &&
              (std::isnan(out.numerator[row]) || std::isnan(out.denominator[row]))) {
            // An own row without a number is no observation: the aggregate fills it in.
            out.value[row] = c.value;
            out.numerator[row] = c.numerator;
            out.denominator[row] = c.denominator;
            out.weight[row] = c.weight;
            out.coverage[row] = coverage;
          } else if (row != no_row) {
            const double v = detail::effective_value(out, row, ind.unit);
            if (!std::isnan(v) && !std::isnan(c.value) && differs(v, c.value))
              res.findings.push_back({finding_kind::own_vs_aggregate, ind.id, parent, y, v, c.value,
                                      "own observation " + number_text(v) + " of '" + parent + "' for '" +
                                          ind.id + "' in " + std::to_string(y) + " differs from the " +
                                          std::string(to_string(ind.aggregate)) + " of its children " +
                                          number_text(c.value) + " (coverage " + number_text(coverage) +
                                          "); the own observation is used"});
          } else {
            append_row(out, area_codes, static_cast<std::int32_t>(k), parent, y, c, missing, coverage);
            row = out.size() - 1;
          }
        }
        if (row != no_row && grand >= 0 && reports(ind, out, row))
          sums[cell(grand, k, yi)].add(ind, out, row);
      }
    }
  }
  part_of_findings(inds, out, res.findings);
  return res;
}

}  // namespace
}  // namespace detail::areas

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas) {
  return detail::areas::roll_up_on(p, detail::copy_with_room(obs, detail::parent_row_bound(obs, areas)),
                                   areas, std::nullopt);
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas) {
  return detail::areas::roll_up_on(p, std::move(obs), areas, std::nullopt);
}

roll_up_result roll_up(const plan& p, const panel& obs, const area_table& areas, const date& geography) {
  return detail::areas::roll_up_on(p, detail::copy_with_room(obs, detail::parent_row_bound(obs, areas)),
                                   areas, geography);
}

roll_up_result roll_up(const plan& p, panel&& obs, const area_table& areas, const date& geography) {
  return detail::areas::roll_up_on(p, std::move(obs), areas, geography);
}

}  // namespace chitieu

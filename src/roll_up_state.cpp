/// @file roll_up_state.cpp
/// @brief roll_up_partial(), merge(), roll_up_finish(): the one roll-up, in parts.
#include <chitieu/error.hpp>
#include <chitieu/number_text.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/roll_up_state.hpp>

#include "detail/areas_combine.hpp"
#include "detail/duplicate_rows.hpp"
#include "detail/effective_value.hpp"
#include "detail/parent_areas.hpp"
#include "detail/part_of.hpp"
#include "detail/plan_lookup.hpp"
#include "detail/roll_up_partial.hpp"
#include "detail/roll_up_plan.hpp"
#include "detail/roll_up_rows.hpp"
#include "detail/row_label.hpp"
#include "detail/value_range.hpp"

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

/// Adds part_of findings over the rows r of `rows` with considered(r) (rows unique by indicator, area
/// and year; a part and its whole of the same area are both considered or both not).
template <class Considered>
void part_of_findings(const std::vector<const indicator*>& inds, const panel& rows, Considered&& considered,
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
    if (is_whole[static_cast<std::size_t>(rows.indicator[r])] && considered(r))
      wholes.emplace(key(rows.indicator[r], r), r);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::int32_t whole_code = whole_of[static_cast<std::size_t>(rows.indicator[r])];
    if (whole_code < 0 || !considered(r)) continue;
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

/// The dense index of cell (slot, plan indicator k, year layer yi) of a state.
std::size_t cell_of(const roll_up_state& s, std::int32_t slot, std::size_t k, std::size_t yi) {
  return (static_cast<std::size_t>(slot) * s.indicator_ids.size() + k) * static_cast<std::size_t>(s.years) +
         yi;
}

/// The hierarchy of year `y`: the units of its 31 December, or of the geography day.
hierarchy hierarchy_of(const area_table& areas, const parent_areas& links,
                       const std::optional<date>& geography, std::int32_t y) {
  return hierarchy_on(areas, links.parent, geography ? *geography : year_end(y));
}

/// Throws unless `s` was made for plan `p` and the parent areas `links`.
void check_state(const plan& p, const roll_up_state& s, const parent_areas& links) {
  bool same = s.indicator_ids.size() == p.indicators.size() && s.rules.size() == p.indicators.size() &&
              s.parent_ids == links.ids;
  for (std::size_t k = 0; same && k < p.indicators.size(); ++k)
    same = s.indicator_ids[k] == p.indicators[k].id && s.rules[k] == p.indicators[k].aggregate;
  const std::size_t cells = s.parent_ids.size() * s.indicator_ids.size() * static_cast<std::size_t>(s.years);
  if (!same || s.cells.size() != cells)
    throw error(
        "the roll-up state was made with another plan or area table (or its cells are not parents × "
        "indicators × years); finish it with the plan and areas it was made with",
        {}, 0, "state");
}

/// The state's cells as running sums (and back).
std::vector<running_sums> sums_of(const std::vector<roll_up_cell>& cells) {
  std::vector<running_sums> out(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i)
    out[i] = running_sums{static_cast<std::size_t>(cells[i].count), cells[i].a, cells[i].b};
  return out;
}

/// The cells of running sums, as a state keeps them.
std::vector<roll_up_cell> cells_of(const std::vector<running_sums>& sums) {
  std::vector<roll_up_cell> out(sums.size());
  for (std::size_t i = 0; i < sums.size(); ++i)
    out[i] = roll_up_cell{static_cast<std::int64_t>(sums[i].count), sums[i].a, sums[i].b};
  return out;
}

/// The cells of `s` laid out on the years first_year .. first_year + years - 1 (which contain its own).
std::vector<roll_up_cell> widened(const roll_up_state& s, std::int32_t first_year, std::int32_t years) {
  const std::size_t groups = s.parent_ids.size() * s.indicator_ids.size();
  std::vector<roll_up_cell> out(groups * static_cast<std::size_t>(years));
  const auto shift = static_cast<std::size_t>(s.first_year - first_year);
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t yi = 0; yi < static_cast<std::size_t>(s.years); ++yi)
      out[g * static_cast<std::size_t>(years) + shift + yi] =
          s.cells[g * static_cast<std::size_t>(s.years) + yi];
  return out;
}

}  // namespace
}  // namespace detail::areas

namespace detail::areas {

roll_up_state roll_up_partial_on(const plan& p, const panel& obs, const area_table& areas,
                                 const std::optional<date>& geography, unsigned threads,
                                 std::vector<std::size_t>* own_rows, side_tasks* alongside) {
  check_panel_shape(obs);
  std::optional<std::pair<std::int32_t, std::int32_t>> span;  // first and last year, with rows
  if (obs.size() > 0) span = detail::value_range(obs.year);
  // Duplicate rows come first: found in the pass below when their keys fit a bitmap, else here.
  const bool duplicates_in_pass = span && key_space_of(obs, span->first, span->second).fits_bitmap;
  if (!duplicates_in_pass) check_unique_rows(obs);
  std::vector<const indicator*> inds;
  parent_areas links;
  std::vector<std::int32_t> pos_of_code;
  try {
    inds = plan_indicators_of_panel(p, obs);
    links = parent_areas_of(areas);
    pos_of_code = positions_of_codes(obs, links);
  } catch (...) {
    if (duplicates_in_pass) check_unique_rows(obs);
    throw;
  }
  roll_up_state st;
  for (const indicator& ind : p.indicators) {
    st.indicator_ids.push_back(ind.id);
    st.rules.push_back(ind.aggregate);
  }
  st.parent_ids = links.ids;
  st.own.indicator_ids = st.indicator_ids;
  if (!span) return st;
  st.first_year = span->first;
  st.years = static_cast<std::int32_t>(std::int64_t{span->second} - span->first + 1);

  row_routes routes;
  routes.first_year = st.first_year;
  routes.years = static_cast<std::size_t>(st.years);
  routes.indicators = p.indicators.size();
  routes.parents = links.ids.size();
  routes.inds = inds;
  for (const indicator* ind : inds)
    routes.plan_code.push_back(static_cast<std::int32_t>(ind - p.indicators.data()));
  routes.own.resize(obs.area_ids.size());
  for (std::size_t a = 0; a < obs.area_ids.size(); ++a)
    routes.own[a] = pos_of_code[a] >= 0 && links.slot[static_cast<std::size_t>(pos_of_code[a])] >= 0;
  // Each year with rows: where the rows of each area go, on that year's hierarchy.
  std::vector<char> has_year(routes.years, 0);
  for (const std::int32_t y : obs.year) has_year[static_cast<std::size_t>(y - st.first_year)] = 1;
  routes.to.resize(routes.years);
  for (std::size_t yi = 0; yi < routes.years; ++yi) {
    if (!has_year[yi]) continue;
    auto& to = routes.to[yi];
    const hierarchy h = hierarchy_of(areas, links, geography, st.first_year + static_cast<std::int32_t>(yi));
    to.assign(obs.area_ids.size(), adds_nowhere);
    for (std::size_t a = 0; a < to.size(); ++a) {
      if (pos_of_code[a] < 0) continue;  // a code no row uses
      const auto pos = static_cast<std::size_t>(pos_of_code[a]);
      const std::int32_t par = h.parent[pos];
      if (h.children[pos])
        to[a] = par >= 0 ? waits_for_finish : adds_nowhere;
      else if (par >= 0)
        to[a] = links.slot[static_cast<std::size_t>(par)];
    }
  }
  row_sums added = add_rows(obs, routes, threads, alongside);

  std::unordered_map<std::string, std::int32_t> own_codes;
  for (const std::size_t r : added.own_rows)
    append_row(st.own, own_codes, routes.plan_code[static_cast<std::size_t>(obs.indicator[r])],
               obs.area_ids[static_cast<std::size_t>(obs.area[r])], obs.year[r],
               combined{obs.value[r], obs.numerator[r], obs.denominator[r], obs.weight[r]}, obs.se[r],
               obs.coverage[r]);
  st.cells = cells_of(added.sums);
  part_of_findings(
      inds, obs,
      [&](std::size_t r) {
        const auto a = pos_of_code[static_cast<std::size_t>(obs.area[r])];
        return links.slot[static_cast<std::size_t>(a)] < 0;
      },
      st.findings);
  if (own_rows) *own_rows = std::move(added.own_rows);
  return st;
}

}  // namespace detail::areas

roll_up_state roll_up_partial(const plan& p, const panel& obs, const area_table& areas,
                              const std::optional<date>& geography) {
  return detail::areas::roll_up_partial_on(p, obs, areas, geography, 1, nullptr);
}

void merge(roll_up_state& into, roll_up_state&& other) {
  using namespace detail::areas;
  if (other.indicator_ids != into.indicator_ids || other.rules != into.rules ||
      other.parent_ids != into.parent_ids)
    throw error(
        "roll-up states of different plans or area tables cannot merge; make every state with the "
        "same plan and areas",
        {}, 0, "state");
  into.findings.insert(into.findings.end(), std::make_move_iterator(other.findings.begin()),
                       std::make_move_iterator(other.findings.end()));
  if (other.years == 0) return;
  if (into.years == 0) {
    into.first_year = other.first_year;
    into.years = other.years;
    into.cells = std::move(other.cells);
  } else {
    const std::int32_t first = std::min(into.first_year, other.first_year);
    const std::int32_t last = std::max(into.first_year + into.years, other.first_year + other.years);
    if (first != into.first_year || last != into.first_year + into.years) {
      into.cells = widened(into, first, last - first);
      into.first_year = first;
      into.years = last - first;
    }
    const std::size_t groups = into.parent_ids.size() * into.indicator_ids.size();
    const auto shift = static_cast<std::size_t>(other.first_year - into.first_year);
    for (std::size_t g = 0; g < groups; ++g) {
      const aggregate_rule rule = into.rules[g % into.indicator_ids.size()];
      for (std::size_t yi = 0; yi < static_cast<std::size_t>(other.years); ++yi) {
        const roll_up_cell& o = other.cells[g * static_cast<std::size_t>(other.years) + yi];
        roll_up_cell& c = into.cells[g * static_cast<std::size_t>(into.years) + shift + yi];
        running_sums s{static_cast<std::size_t>(c.count), c.a, c.b};
        s.merge(running_sums{static_cast<std::size_t>(o.count), o.a, o.b}, rule);
        c = roll_up_cell{static_cast<std::int64_t>(s.count), s.a, s.b};
      }
    }
  }
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (std::size_t a = 0; a < into.own.area_ids.size(); ++a)
    area_codes.emplace(into.own.area_ids[a], static_cast<std::int32_t>(a));
  for (std::size_t r = 0; r < other.own.size(); ++r) copy_row(into.own, area_codes, other.own, r);
}

roll_up_result roll_up_finish(const plan& p, roll_up_state&& state, const area_table& areas,
                              const std::optional<date>& geography) {
  using namespace detail::areas;
  const parent_areas links = parent_areas_of(areas);
  detail::areas::check_state(p, state, links);
  roll_up_result res;
  panel& out = res.rows;
  out = std::move(state.own);
  check_panel_shape(out);
  detail::check_unique_rows(out);
  const auto own_pos = positions_of_codes(out, links);
  std::vector<const indicator*> inds;  // by plan position = the rows' indicator code
  for (const indicator& ind : p.indicators) inds.push_back(&ind);
  std::unordered_map<std::string, std::int32_t> area_codes;
  for (std::size_t a = 0; a < out.area_ids.size(); ++a)
    area_codes.emplace(out.area_ids[a], static_cast<std::int32_t>(a));
  constexpr std::size_t no_row = static_cast<std::size_t>(-1);
  std::unordered_map<std::size_t, std::size_t> own;  // cell → the parent area's own row
  for (std::size_t r = 0; r < out.size(); ++r) {
    const std::int32_t slot =
        links.slot[static_cast<std::size_t>(own_pos[static_cast<std::size_t>(out.area[r])])];
    own.emplace(cell_of(state, slot, static_cast<std::size_t>(out.indicator[r]),
                        static_cast<std::size_t>(out.year[r] - state.first_year)),
                r);
  }
  std::vector<running_sums> sums = sums_of(state.cells);
  const auto& table = areas.areas();

  // Parents year by year, deepest first, in table order; indicators in plan order.
  for (std::size_t yi = 0; yi < static_cast<std::size_t>(state.years); ++yi) {
    const std::int32_t y = state.first_year + static_cast<std::int32_t>(yi);
    const hierarchy h = hierarchy_of(areas, links, geography, y);
    for (const std::int32_t par : h.order) {
      const std::string& parent = table[static_cast<std::size_t>(par)].id;
      const std::int32_t slot = links.slot[static_cast<std::size_t>(par)];
      const std::int32_t grand = h.parent[static_cast<std::size_t>(par)];
      std::int32_t parent_code = -1;  // its area code in `out`, once it has a row
      for (std::size_t k = 0; k < inds.size(); ++k) {
        const indicator& ind = *inds[k];
        if (ind.aggregate == aggregate_rule::none) continue;
        const std::size_t at = cell_of(state, slot, k, yi);
        const running_sums& s = sums[at];
        const auto found = own.find(at);
        std::size_t row = found == own.end() ? no_row : found->second;
        if (s.count > 0) {
          const double coverage =
              static_cast<double>(s.count) / static_cast<double>(h.children[static_cast<std::size_t>(par)]);
          combined c;
          if (coverage >= ind.min_coverage)
            c = s.finish(ind, [&] { return detail::row_label(ind.id, parent, y); });
          if (row != no_row && fillable(out, row)) {
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
            if (parent_code < 0) parent_code = area_code(out, area_codes, parent);
            append_row(out, static_cast<std::int32_t>(k), parent_code, y, c, missing, coverage);
            row = out.size() - 1;
          }
        }
        if (row != no_row && grand >= 0 && reports(ind, out, row))
          sums[cell_of(state, links.slot[static_cast<std::size_t>(grand)], k, yi)].add(ind, out, row);
      }
    }
  }
  res.findings.insert(res.findings.end(), std::make_move_iterator(state.findings.begin()),
                      std::make_move_iterator(state.findings.end()));
  part_of_findings(
      inds, out, [](std::size_t) { return true; }, res.findings);
  return res;
}

void drop_parent_rows(panel& obs, const area_table& areas) {
  const auto parent_code = detail::areas::parent_area_codes(obs, detail::areas::parent_areas_of(areas));
  std::vector<char> keep(obs.size());
  for (std::size_t r = 0; r < obs.size(); ++r) keep[r] = !parent_code[static_cast<std::size_t>(obs.area[r])];
  const auto compact = [&keep](auto& column) {
    std::size_t kept = 0;
    for (std::size_t r = 0; r < column.size(); ++r)
      if (keep[r]) column[kept++] = column[r];
    column.resize(kept);
  };
  compact(obs.indicator);
  compact(obs.area);
  compact(obs.year);
  for (auto* column : {&obs.value, &obs.numerator, &obs.denominator, &obs.weight, &obs.se, &obs.coverage})
    compact(*column);
}

}  // namespace chitieu

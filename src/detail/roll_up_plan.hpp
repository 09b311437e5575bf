/// @file roll_up_plan.hpp
/// @brief Internals of roll_up (namespace chitieu::detail::areas): the hierarchy of each year on
/// integer area positions, running sums per parent × indicator × year, and the duplicate check.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include "areas_combine.hpp"
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/plan.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu::detail::areas {

/// The hierarchy of one day on area-table positions.
struct hierarchy {
  std::vector<std::int32_t> parent;    ///< per position: parent position on the day, or -1
  std::vector<std::int32_t> children;  ///< per position: number of children on the day
  std::vector<std::int32_t> order;     ///< positions with children, deepest first, then table order
};

/// The units valid on `d`, their parent links (both ends valid) and the parents in processing order.
inline hierarchy hierarchy_on(const area_table& areas, const std::vector<std::int32_t>& parent_pos,
                              const date& d) {
  const auto& all = areas.areas();
  const std::size_t n = all.size();
  hierarchy h;
  h.parent.assign(n, -1);
  h.children.assign(n, 0);
  std::vector<char> valid(n);
  for (std::size_t i = 0; i < n; ++i) valid[i] = all[i].valid_on(d) ? 1 : 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t p = parent_pos[i];
    if (valid[i] && p >= 0 && valid[static_cast<std::size_t>(p)]) {
      h.parent[i] = p;
      ++h.children[static_cast<std::size_t>(p)];
    }
  }
  std::vector<std::pair<int, std::int32_t>> parents;  // (-depth, position) in table order
  for (std::size_t i = 0; i < n; ++i) {
    if (!h.children[i]) continue;
    int depth = 0;
    for (std::int32_t a = h.parent[i]; a >= 0; a = h.parent[static_cast<std::size_t>(a)]) ++depth;
    parents.emplace_back(-depth, static_cast<std::int32_t>(i));
  }
  std::stable_sort(parents.begin(), parents.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& p : parents) h.order.push_back(p.second);
  return h;
}

/// Running sums of the children reporting to one parent × indicator × year.
struct running_sums {
  std::size_t count = 0;  ///< reporting children
  double a = 0.0;         ///< Σ v (sum), Σ numerators (ratio), Σ w (weighted_mean), min or max
  double b = 0.0;         ///< Σ denominators (ratio), Σ w·v (weighted_mean)

  /// Adds row r of `rows` (which reports) by the indicator's rule.
  void add(const indicator& ind, const panel& rows, std::size_t r) {
    const double v = rows.value[r];
    switch (ind.aggregate) {
      case aggregate_rule::ratio:
        a += ratio_numerator(ind, rows, r);
        b += rows.denominator[r];
        break;
      case aggregate_rule::weighted_mean:
        a += rows.weight[r];
        b += rows.weight[r] * v;
        break;
      case aggregate_rule::min:
      case aggregate_rule::all:
        a = count ? std::min(a, v) : v;
        break;
      case aggregate_rule::max:
      case aggregate_rule::any:
        a = count ? std::max(a, v) : v;
        break;
      default:
        a += v;
    }
    ++count;
  }

  /// The combined numbers by the rule; `where` names the row in messages. Throws chitieu::error
  /// when a ratio's denominators or a mean's weights sum to 0.
  template <class Where>
  combined finish(const indicator& ind, Where&& where) const {
    combined c;
    switch (ind.aggregate) {
      case aggregate_rule::ratio:
        if (b == 0)
          throw error(where() + ": the denominators sum to 0, so the ratio is undefined", {}, 0,
                      "denominator");
        c.numerator = a;
        c.denominator = b;
        c.value = a * ratio_factor(ind.unit) / b;
        break;
      case aggregate_rule::weighted_mean:
        if (a == 0)
          throw error(where() + ": the weights sum to 0, so the weighted mean is undefined", {}, 0,
                      "weight");
        c.weight = a;
        c.value = b / a;
        break;
      default:
        c.value = a;
    }
    return c;
  }
};

}  // namespace chitieu::detail::areas

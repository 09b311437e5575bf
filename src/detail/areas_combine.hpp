/// @file areas_combine.hpp
/// @brief Internals (namespace chitieu::detail::areas) shared by roll_up and reexpress: which rows report, and combining them by rule.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/plan.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace chitieu::detail::areas {

/// NaN, the missing number.
inline constexpr double missing = std::numeric_limits<double>::quiet_NaN();

/// One row entering a combination, with the share of it that counts.
struct contribution {
  std::size_t row;     ///< row of the source panel
  double share = 1.0;  ///< crosswalk share (1 in a roll-up)
};

/// The numbers of a combined row.
struct combined {
  double value = missing;        ///< by the indicator's rule
  double numerator = missing;    ///< Σ numerators (ratio rule)
  double denominator = missing;  ///< Σ denominators (ratio rule)
  double weight = missing;       ///< Σ weights (weighted_mean rule)
};

/// Index of indicator ids of a plan.
inline std::unordered_map<std::string, const indicator*> indicators_by_id(const plan& p) {
  std::unordered_map<std::string, const indicator*> out;
  for (const indicator& i : p.indicators) out.emplace(i.id, &i);
  return out;
}

/// The plan's indicator for each indicator code of a panel; throws chitieu::error for an id
/// the plan does not define.
inline std::vector<const indicator*> panel_indicators(const plan& p, const panel& obs) {
  const auto by_id = indicators_by_id(p);
  std::vector<const indicator*> out;
  for (const std::string& id : obs.indicator_ids) {
    const auto it = by_id.find(id);
    if (it == by_id.end())
      throw error("indicator '" + id + "' is not defined in plan '" + p.id +
                      "'; its aggregation rule is unknown",
                  {}, 0, "indicator");
    out.push_back(it->second);
  }
  return out;
}

/// "indicator 'x', area 'a', year y" for messages.
inline std::string describe_row(const panel& obs, std::size_t r) {
  return "indicator '" + obs.indicator_ids[static_cast<std::size_t>(obs.indicator[r])] +
         "', area '" + obs.area_ids[static_cast<std::size_t>(obs.area[r])] + "', year " +
         std::to_string(obs.year[r]);
}

/// Throws chitieu::error (line = 1-based row) for the first row, in row order, that repeats an
/// earlier row's indicator, area and year, naming both rows. A bitmap over indicator × area ×
/// year codes when it is small (at most 2^27 bits), else the sorted panel index.
inline void check_unique_rows(const panel& obs) {
  const std::size_t n = obs.size();
  if (n < 2) return;
  const auto [lo, hi] = std::minmax_element(obs.year.begin(), obs.year.end());
  const std::size_t years = static_cast<std::size_t>(std::int64_t{*hi} - *lo + 1);
  const std::size_t cells = obs.indicator_ids.size() * obs.area_ids.size() * years;
  const auto fail = [&obs](std::size_t first, std::size_t r) {
    throw error(describe_row(obs, r) + " is observed twice (rows " + std::to_string(first + 1) +
                    " and " + std::to_string(r + 1) + "); keep one row per indicator, area and year",
                {}, static_cast<long>(r + 1), "year");
  };
  const auto same = [&obs](std::size_t a, std::size_t b) {
    return obs.indicator[a] == obs.indicator[b] && obs.area[a] == obs.area[b] && obs.year[a] == obs.year[b];
  };
  if (cells <= (std::size_t{1} << 27)) {
    std::vector<std::uint64_t> seen((cells + 63) / 64, 0);
    for (std::size_t r = 0; r < n; ++r) {
      const std::size_t cell =
          (static_cast<std::size_t>(obs.indicator[r]) * obs.area_ids.size() +
           static_cast<std::size_t>(obs.area[r])) * years +
          static_cast<std::size_t>(obs.year[r] - *lo);
      const std::uint64_t bit = std::uint64_t{1} << (cell % 64);
      if (seen[cell / 64] & bit) {
        std::size_t first = 0;
        while (!same(first, r)) ++first;
        fail(first, r);
      }
      seen[cell / 64] |= bit;
    }
    return;
  }
  const panel_index ix = index_panel(obs);
  std::size_t worst = n;
  for (std::size_t i = 1; i < n; ++i)
    if (same(ix.order[i - 1], ix.order[i])) worst = std::min(worst, ix.order[i]);
  if (worst < n) {
    std::size_t first = 0;
    while (!same(first, worst)) ++first;
    fail(first, worst);
  }
}

/// The numerator row r brings to a ratio: its numerator, else value × denominator / factor.
inline double ratio_numerator(const indicator& ind, const panel& obs, std::size_t r) {
  if (!std::isnan(obs.numerator[r])) return obs.numerator[r];
  return obs.value[r] * obs.denominator[r] / ratio_factor(ind.unit);
}

/// The value of row r, or for a ratio row without one, numerator × factor / denominator.
inline double effective_value(const indicator& ind, const panel& obs, std::size_t r) {
  if (!std::isnan(obs.value[r]) || ind.aggregate != aggregate_rule::ratio) return obs.value[r];
  return obs.numerator[r] * ratio_factor(ind.unit) / obs.denominator[r];
}

/// True when row r carries a usable number for the indicator's rule; false when its value is
/// missing (it did not report). Throws chitieu::error (line = row + 1) when it has a value but
/// lacks what its rule needs: a denominator (ratio) or a weight (weighted_mean).
inline bool reports(const indicator& ind, const panel& obs, std::size_t r) {
  const long line = static_cast<long>(r + 1);
  switch (ind.aggregate) {
    case aggregate_rule::ratio: {
      const bool has_num = !std::isnan(obs.numerator[r]);
      const bool has_den = !std::isnan(obs.denominator[r]);
      if (has_den && (has_num || !std::isnan(obs.value[r]))) return true;
      if (std::isnan(obs.value[r]) && !has_num) return false;
      throw error(describe_row(obs, r) +
                      ": the ratio rule needs a denominator to combine areas (Σ numerator × "
                      "factor / Σ denominator); give denominator (and numerator or value)",
                  {}, line, "denominator");
    }
    case aggregate_rule::weighted_mean:
      if (std::isnan(obs.value[r])) return false;
      if (!std::isnan(obs.weight[r])) return true;
      throw error(describe_row(obs, r) +
                      ": the weighted_mean rule needs a weight to combine areas; give weight",
                  {}, line, "weight");
    case aggregate_rule::all:
    case aggregate_rule::any:
      if (std::isnan(obs.value[r])) return false;
      if (obs.value[r] == 0.0 || obs.value[r] == 1.0) return true;
      throw error(describe_row(obs, r) + ": the " + std::string(to_string(ind.aggregate)) +
                      " rule combines booleans; the value must be 0 or 1",
                  {}, line, "value");
    default:
      return !std::isnan(obs.value[r]);
  }
}

/// Combines reporting rows by the indicator's rule, each scaled by its share: sums, numerators,
/// denominators and weights are multiplied by the share; min, max, all, any pass values as they
/// are. Throws chitieu::error when a ratio's denominators or a mean's weights sum to 0, and
/// std::logic_error for the rule none (callers handle it).
inline combined combine(const indicator& ind, const panel& obs,
                        const std::vector<contribution>& parts, const std::string& where) {
  combined c;
  switch (ind.aggregate) {
    case aggregate_rule::sum:
      c.value = 0;
      for (const auto& p : parts) c.value += p.share * obs.value[p.row];
      break;
    case aggregate_rule::ratio:
      c.numerator = c.denominator = 0;
      for (const auto& p : parts) {
        c.numerator += p.share * ratio_numerator(ind, obs, p.row);
        c.denominator += p.share * obs.denominator[p.row];
      }
      if (c.denominator == 0)
        throw error(where + ": the denominators sum to 0, so the ratio is undefined", {}, 0,
                    "denominator");
      c.value = c.numerator * ratio_factor(ind.unit) / c.denominator;
      break;
    case aggregate_rule::weighted_mean: {
      double wv = 0;
      c.weight = 0;
      for (const auto& p : parts) {
        c.weight += p.share * obs.weight[p.row];
        wv += p.share * obs.weight[p.row] * obs.value[p.row];
      }
      if (c.weight == 0)
        throw error(where + ": the weights sum to 0, so the weighted mean is undefined", {}, 0,
                    "weight");
      c.value = wv / c.weight;
      break;
    }
    case aggregate_rule::min:
    case aggregate_rule::all:
      c.value = std::numeric_limits<double>::infinity();
      for (const auto& p : parts) c.value = std::min(c.value, obs.value[p.row]);
      break;
    case aggregate_rule::max:
    case aggregate_rule::any:
      c.value = -std::numeric_limits<double>::infinity();
      for (const auto& p : parts) c.value = std::max(c.value, obs.value[p.row]);
      break;
    case aggregate_rule::none:
      throw std::logic_error("combine() called for the rule none");
  }
  return c;
}

/// Key of a row: indicator code, area id, year.
using row_key = std::tuple<std::int32_t, std::string, std::int32_t>;

/// Hash of a row key.
struct row_key_hash {
  /// Combines the hashes of the three parts.
  std::size_t operator()(const row_key& k) const noexcept {
    std::size_t h = std::hash<std::string>()(std::get<1>(k));
    h ^= std::hash<std::int64_t>()(std::get<0>(k)) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= std::hash<std::int64_t>()(std::get<2>(k)) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
  }
};

/// Appends a row with the given numbers to `out`, encoding the area id in its dictionary.
inline void append_row(panel& out, std::unordered_map<std::string, std::int32_t>& area_codes,
                       std::int32_t indicator_code, const std::string& area_id, std::int32_t year,
                       const combined& c, double se, double coverage) {
  auto it = area_codes.find(area_id);
  if (it == area_codes.end()) {
    it = area_codes.emplace(area_id, static_cast<std::int32_t>(out.area_ids.size())).first;
    out.area_ids.push_back(area_id);
  }
  out.indicator.push_back(indicator_code);
  out.area.push_back(it->second);
  out.year.push_back(year);
  out.value.push_back(c.value);
  out.numerator.push_back(c.numerator);
  out.denominator.push_back(c.denominator);
  out.weight.push_back(c.weight);
  out.se.push_back(se);
  out.coverage.push_back(coverage);
}

/// Copies row r of `in` to `out` (same indicator dictionary), re-encoding its area.
inline void copy_row(panel& out, std::unordered_map<std::string, std::int32_t>& area_codes,
                     const panel& in, std::size_t r) {
  combined c{in.value[r], in.numerator[r], in.denominator[r], in.weight[r]};
  append_row(out, area_codes, in.indicator[r], in.area_ids[static_cast<std::size_t>(in.area[r])],
             in.year[r], c, in.se[r], in.coverage[r]);
}

}  // namespace chitieu::detail::areas

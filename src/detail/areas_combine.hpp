/// @file areas_combine.hpp
/// @brief Internals (namespace chitieu::detail::areas) shared by roll_up and reexpress: which rows report,
/// and combining them by rule.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/panel_index.hpp>
#include <chitieu/plan.hpp>

#include "plan_lookup.hpp"
#include "row_label.hpp"

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

/// The numerator row r brings to a ratio: its numerator, else value × denominator / factor.
inline double ratio_numerator(const indicator& ind, const panel& obs, std::size_t r) {
  if (!std::isnan(obs.numerator[r])) return obs.numerator[r];
  return obs.value[r] * obs.denominator[r] / ratio_factor(ind.unit);
}

/// Throws the chitieu::error (line = row + 1) of row r, which has a value but lacks what its
/// indicator's rule needs to combine it (see reports()). Kept out of line: reports() is called
/// once a row, and its error never.
[[noreturn]] inline void cannot_report(const indicator& ind, const panel& obs, std::size_t r) {
  const long line = static_cast<long>(r + 1);
  switch (ind.aggregate) {
    case aggregate_rule::ratio:
      throw error(row_label(obs, r) +
                      ": the ratio rule needs a denominator to combine areas (Σ numerator × "
                      "factor / Σ denominator); give denominator (and numerator or value)",
                  {}, line, "denominator");
    case aggregate_rule::weighted_mean:
      throw error(row_label(obs, r) + ": the weighted_mean rule needs a weight to combine areas; give weight",
                  {}, line, "weight");
    default:
      throw error(row_label(obs, r) + ": the " + std::string(to_string(ind.aggregate)) +
                      " rule combines booleans; the value must be 0 or 1",
                  {}, line, "value");
  }
}

/// True when row r carries a usable number for the indicator's rule; false when its value is
/// missing (it did not report). Throws chitieu::error (line = row + 1; cannot_report()) when it has
/// a value but lacks what its rule needs: a denominator (ratio), a weight (weighted_mean), or a
/// value of 0 or 1 (all, any).
inline bool reports(const indicator& ind, const panel& obs, std::size_t r) {
  const double v = obs.value[r];
  switch (ind.aggregate) {
    case aggregate_rule::ratio: {
      const bool has_num = !std::isnan(obs.numerator[r]);
      if (!std::isnan(obs.denominator[r]) && (has_num || !std::isnan(v))) return true;
      if (std::isnan(v) && !has_num) return false;
      break;
    }
    case aggregate_rule::weighted_mean:
      if (std::isnan(v)) return false;
      if (!std::isnan(obs.weight[r])) return true;
      break;
    case aggregate_rule::all:
    case aggregate_rule::any:
      if (std::isnan(v)) return false;
      if (v == 0.0 || v == 1.0) return true;
      break;
    default: return !std::isnan(v);
  }
  cannot_report(ind, obs, r);
}

/// The one implementation of the aggregation rules: running sums of the rows combined into one
/// row (the children of a parent × indicator × year in a roll-up, the rows reaching a successor in
/// a re-expression), each scaled by its share.
struct running_sums {
  std::size_t count = 0;  ///< rows added
  double a = 0.0;         ///< Σ v (sum), Σ numerators (ratio), Σ w (weighted_mean), min or max
  double b = 0.0;         ///< Σ denominators (ratio), Σ w·v (weighted_mean)

  /// Adds row r of `rows` (which reports) by the indicator's rule, scaled by `share`: sums,
  /// numerators, denominators and weights are multiplied by it; min, max, all, any take the value
  /// as it is.
  void add(const indicator& ind, const panel& rows, std::size_t r, double share = 1.0) {
    const double v = rows.value[r];
    switch (ind.aggregate) {
      case aggregate_rule::ratio:
        a += share * ratio_numerator(ind, rows, r);
        b += share * rows.denominator[r];
        break;
      case aggregate_rule::weighted_mean:
        a += share * rows.weight[r];
        b += share * rows.weight[r] * v;
        break;
      case aggregate_rule::min:
      case aggregate_rule::all: a = count ? std::min(a, v) : v; break;
      case aggregate_rule::max:
      case aggregate_rule::any: a = count ? std::max(a, v) : v; break;
      default: a += share * v;
    }
    ++count;
  }

  /// Adds another running sum of the same indicator (rows added elsewhere): sums add, min and
  /// all keep the smaller, max and any the larger; order-free (associative and commutative up to
  /// the rounding of the sums).
  void merge(const running_sums& other, aggregate_rule rule) noexcept {
    if (other.count == 0) return;
    if (count == 0) {
      *this = other;
      return;
    }
    switch (rule) {
      case aggregate_rule::min:
      case aggregate_rule::all: a = std::min(a, other.a); break;
      case aggregate_rule::max:
      case aggregate_rule::any: a = std::max(a, other.a); break;
      default: a += other.a; b += other.b;
    }
    count += other.count;
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
          throw error(where() + ": the weights sum to 0, so the weighted mean is undefined", {}, 0, "weight");
        c.weight = a;
        c.value = b / a;
        break;
      default: c.value = a;
    }
    return c;
  }
};

/// Combines reporting rows by the indicator's rule, each scaled by its share (running_sums).
/// Throws chitieu::error when a ratio's denominators or a mean's weights sum to 0, and
/// std::logic_error for the rule none (callers handle it).
inline combined combine(const indicator& ind, const panel& obs, const std::vector<contribution>& parts,
                        const std::string& where) {
  if (ind.aggregate == aggregate_rule::none) throw std::logic_error("combine() called for the rule none");
  running_sums sums;
  for (const contribution& part : parts) sums.add(ind, obs, part.row, part.share);
  return sums.finish(ind, [&where] { return where; });
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

/// The code of `area_id` in the area dictionary of `out` (`area_codes` maps its ids to codes), added
/// to the dictionary if it is not there yet.
inline std::int32_t area_code(panel& out, std::unordered_map<std::string, std::int32_t>& area_codes,
                              const std::string& area_id) {
  auto it = area_codes.find(area_id);
  if (it == area_codes.end()) {
    it = area_codes.emplace(area_id, static_cast<std::int32_t>(out.area_ids.size())).first;
    out.area_ids.push_back(area_id);
  }
  return it->second;
}

/// Appends a row with the given numbers to `out`, its area already coded in its dictionary.
inline void append_row(panel& out, std::int32_t indicator_code, std::int32_t area, std::int32_t year,
                       const combined& c, double se, double coverage) {
  out.indicator.push_back(indicator_code);
  out.area.push_back(area);
  out.year.push_back(year);
  out.value.push_back(c.value);
  out.numerator.push_back(c.numerator);
  out.denominator.push_back(c.denominator);
  out.weight.push_back(c.weight);
  out.se.push_back(se);
  out.coverage.push_back(coverage);
}

/// Appends a row with the given numbers to `out`, encoding the area id in its dictionary.
inline void append_row(panel& out, std::unordered_map<std::string, std::int32_t>& area_codes,
                       std::int32_t indicator_code, const std::string& area_id, std::int32_t year,
                       const combined& c, double se, double coverage) {
  append_row(out, indicator_code, area_code(out, area_codes, area_id), year, c, se, coverage);
}

/// Copies row r of `in` to `out` (same indicator dictionary), re-encoding its area.
inline void copy_row(panel& out, std::unordered_map<std::string, std::int32_t>& area_codes, const panel& in,
                     std::size_t r) {
  combined c{in.value[r], in.numerator[r], in.denominator[r], in.weight[r]};
  append_row(out, area_codes, in.indicator[r], in.area_ids[static_cast<std::size_t>(in.area[r])], in.year[r],
             c, in.se[r], in.coverage[r]);
}

}  // namespace chitieu::detail::areas

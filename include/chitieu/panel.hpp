/// @file panel.hpp
/// @brief A columnar table of observations: indicator × area × year (docs/evaluation.md "Rows").
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace chitieu {

/// Observations stored by column. Indicators and areas are dictionary-encoded: row r concerns
/// indicator `indicator_ids[indicator[r]]` and area `area_ids[area[r]]`. Missing numbers are NaN.
struct panel {
  std::vector<std::string> indicator_ids;  ///< dictionary of indicator ids
  std::vector<std::string> area_ids;       ///< dictionary of area ids
  std::vector<std::int32_t> indicator;     ///< per row: code into indicator_ids
  std::vector<std::int32_t> area;          ///< per row: code into area_ids
  std::vector<std::int32_t> year;          ///< per row: calendar year
  std::vector<double> value;               ///< per row: the value in the indicator's unit
  std::vector<double> numerator;           ///< per row: numerator (ratio rule), or NaN
  std::vector<double> denominator;         ///< per row: denominator (ratio rule), or NaN
  std::vector<double> weight;              ///< per row: weight (weighted_mean rule), or NaN
  std::vector<double> se;                  ///< per row: standard error, or NaN
  std::vector<double> coverage;            ///< per row: share of children reporting (aggregates), or NaN

  /// Number of rows.
  std::size_t size() const noexcept { return year.size(); }

  /// Appends one row; ids are dictionary-encoded on the fly (linear lookup: for building small panels).
  void add(const std::string& indicator_id, const std::string& area_id, std::int32_t yr, double v,
           double num = std::numeric_limits<double>::quiet_NaN(),
           double den = std::numeric_limits<double>::quiet_NaN(),
           double w = std::numeric_limits<double>::quiet_NaN(),
           double s = std::numeric_limits<double>::quiet_NaN()) {
    indicator.push_back(code_of(indicator_ids, indicator_id));
    area.push_back(code_of(area_ids, area_id));
    year.push_back(yr);
    value.push_back(v);
    numerator.push_back(num);
    denominator.push_back(den);
    weight.push_back(w);
    se.push_back(s);
    coverage.push_back(std::numeric_limits<double>::quiet_NaN());
  }

 private:
  static std::int32_t code_of(std::vector<std::string>& dict, const std::string& id) {
    for (std::size_t i = 0; i < dict.size(); ++i)
      if (dict[i] == id) return static_cast<std::int32_t>(i);
    dict.push_back(id);
    return static_cast<std::int32_t>(dict.size() - 1);
  }
};

}  // namespace chitieu

/// @file evaluation.hpp
/// @brief The columnar result of evaluate(): one row per indicator × area × year (docs/evaluation.md "Columns").
#pragma once

#include <chitieu/pace.hpp>
#include <chitieu/status.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chitieu {

/// Evaluation results stored by column. Indicator and area codes index the dictionaries, which
/// are copies of the input panel's. Undefined numbers are NaN.
struct evaluation {
  std::vector<std::string> indicator_ids;  ///< dictionary of indicator ids (the panel's)
  std::vector<std::string> area_ids;       ///< dictionary of area ids (the panel's)
  std::vector<std::int32_t> indicator;     ///< per row: code into indicator_ids
  std::vector<std::int32_t> area;          ///< per row: code into area_ids
  std::vector<std::int32_t> year;          ///< per row: the evaluated year t
  std::vector<double> value;               ///< the observation of year t (NaN when none)
  std::vector<double> assessed;            ///< the quantity judged: value, ratio to base year or running sum
  std::vector<chitieu::status> status;     ///< the verdict on assessed against the final target
  std::vector<double> margin;              ///< signed distance to the met boundary, positive when met
  std::vector<double> baseline;            ///< v0: assessed value of the baseline year t0 (0 for cumulative)
  std::vector<double> progress;            ///< (v − v0)/(T − v0)
  std::vector<double> elapsed;             ///< (t − t0)/(t1 − t0), or years done/years in period
  std::vector<chitieu::pace> pace;         ///< the pace class under the chosen method
  std::vector<double> projected;           ///< projection of assessed to the target year t1
  std::vector<double> p_meet;              ///< probability that the target-year value meets the target
  std::vector<double> coverage;            ///< share of children reporting (rolled-up rows), else NaN

  /// Number of rows.
  std::size_t size() const noexcept { return year.size(); }

  /// Moves rows [from, from + count) to [to, to + count) in every per-row column (to ≤ from).
  void move_rows(std::size_t from, std::size_t to, std::size_t count) {
    const auto move = [&](auto& c) {
      for (std::size_t i = 0; i < count; ++i) c[to + i] = c[from + i];  // to <= from: front to back
    };
    move(indicator);
    move(area);
    move(year);
    move(value);
    move(assessed);
    move(status);
    move(margin);
    move(baseline);
    move(progress);
    move(elapsed);
    move(pace);
    move(projected);
    move(p_meet);
    move(coverage);
  }

  /// Resizes every per-row column to n rows (new entries are value-initialised: fill them).
  void resize(std::size_t n) {
    indicator.resize(n);
    area.resize(n);
    year.resize(n);
    value.resize(n);
    assessed.resize(n);
    status.resize(n);
    margin.resize(n);
    baseline.resize(n);
    progress.resize(n);
    elapsed.resize(n);
    pace.resize(n);
    projected.resize(n);
    p_meet.resize(n);
    coverage.resize(n);
  }
};

}  // namespace chitieu

/// @file evaluation.hpp
/// @brief The columnar result of evaluate(): one row per indicator × area × year (docs/evaluation.md
/// "Columns").
#pragma once

#include <chitieu/pace.hpp>
#include <chitieu/status.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

class evaluation_row;

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

  /// A view of row `r` (< size()): its ids as text and every column by name.
  evaluation_row row(std::size_t r) const;

  /// The row of `indicator_id` × `area_id` × `year_evaluated`, or nothing when the evaluation has
  /// none (one linear pass: for tools and tests, not for joining evaluations).
  std::optional<evaluation_row> find(std::string_view indicator_id, std::string_view area_id,
                                     int year_evaluated) const;

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

/// One row of an evaluation, read by column name (ids as text, not dictionary codes). It refers
/// to the evaluation, which must outlive it and not be resized meanwhile.
class evaluation_row {
 public:
  /// The view of row `r` of `ev`.
  evaluation_row(const evaluation& ev, std::size_t r) noexcept : ev_(&ev), r_(r) {}

  /// The row's position in the evaluation.
  std::size_t index() const noexcept { return r_; }
  /// The indicator id.
  const std::string& indicator() const {
    return ev_->indicator_ids[static_cast<std::size_t>(ev_->indicator[r_])];
  }
  /// The area id.
  const std::string& area() const { return ev_->area_ids[static_cast<std::size_t>(ev_->area[r_])]; }
  /// The evaluated year t.
  int year() const noexcept { return ev_->year[r_]; }
  /// The observation of year t (NaN when none).
  double value() const noexcept { return ev_->value[r_]; }
  /// The quantity judged: value, ratio to the base year or running sum.
  double assessed() const noexcept { return ev_->assessed[r_]; }
  /// The verdict against the final target.
  chitieu::status status() const noexcept { return ev_->status[r_]; }
  /// Signed distance to the met boundary, positive when met.
  double margin() const noexcept { return ev_->margin[r_]; }
  /// v0, the baseline year's assessed value.
  double baseline() const noexcept { return ev_->baseline[r_]; }
  /// (v − v0)/(T − v0).
  double progress() const noexcept { return ev_->progress[r_]; }
  /// Share of the time to the target year gone by.
  double elapsed() const noexcept { return ev_->elapsed[r_]; }
  /// The pace class.
  chitieu::pace pace() const noexcept { return ev_->pace[r_]; }
  /// Projection of assessed to the target year.
  double projected() const noexcept { return ev_->projected[r_]; }
  /// Probability that the target-year value meets the target.
  double p_meet() const noexcept { return ev_->p_meet[r_]; }
  /// Share of children reporting (rolled-up rows), else NaN.
  double coverage() const noexcept { return ev_->coverage[r_]; }

 private:
  const evaluation* ev_;
  std::size_t r_;
};

inline evaluation_row evaluation::row(std::size_t r) const { return evaluation_row(*this, r); }

inline std::optional<evaluation_row> evaluation::find(std::string_view indicator_id, std::string_view area_id,
                                                      int year_evaluated) const {
  const auto code_of = [](const std::vector<std::string>& dictionary, std::string_view id) -> std::int32_t {
    for (std::size_t k = 0; k < dictionary.size(); ++k)
      if (dictionary[k] == id) return static_cast<std::int32_t>(k);
    return -1;
  };
  const std::int32_t i = code_of(indicator_ids, indicator_id);
  const std::int32_t a = code_of(area_ids, area_id);
  if (i < 0 || a < 0) return std::nullopt;
  for (std::size_t r = 0; r < size(); ++r)
    if (indicator[r] == i && area[r] == a && year[r] == year_evaluated) return row(r);
  return std::nullopt;
}

}  // namespace chitieu

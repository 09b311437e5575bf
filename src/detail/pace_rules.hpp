/// @file pace_rules.hpp
/// @brief The three pace methods as pure functions of one evaluated row (docs/evaluation.md "Pace").
#pragma once

#include <chitieu/pace.hpp>
#include <chitieu/status.hpp>
#include "indicator_rules.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

namespace chitieu::detail {

/// What the pace rules see of one evaluated row.
struct pace_inputs {
  chitieu::status status = chitieu::status::no_data;     ///< the row's status
  double v = std::numeric_limits<double>::quiet_NaN();   ///< assessed value at t
  double v0 = std::numeric_limits<double>::quiet_NaN();  ///< assessed value at t0 (0 for cumulative)
  bool has_t0 = false;                                   ///< whether a baseline year with data ≤ t exists
  int t = 0;                                             ///< evaluated year
  int t0 = 0;                                            ///< baseline year with data (valid when has_t0)
  std::size_t points = 0;                                ///< data points in t0..t (cumulative: years done)
  double projected = std::numeric_limits<double>::quiet_NaN();  ///< projection to t1
};

/// True when a is strictly worse than b in the direction d.
inline bool worse(direction d, double a, double b) noexcept { return d == direction::lower ? a > b : a < b; }

/// Common first steps: not_applicable kinds, and rows without a value.
inline bool pace_preamble(const indicator_rules& r, const pace_inputs& in, pace& out) noexcept {
  if (r.pace_not_applicable) {
    out = pace::not_applicable;
    return true;
  }
  if (in.status == status::no_data || in.status == status::not_assessed || std::isnan(in.v)) {
    out = pace::insufficient_data;
    return true;
  }
  return false;
}

/// Method chitieu for an annual_change target: achieved if met, else r = assessed/T:
/// moderate r ≥ 0.5, stagnating r ≥ 0, regressing below (and when T = 0).
inline pace annual_change_pace(const indicator_rules& r, const pace_inputs& in) noexcept {
  if (is_met(in.status)) return pace::achieved;
  const double ratio = in.v / r.boundary;
  if (ratio >= 0.5) return pace::moderate;
  if (ratio >= 0.0) return pace::stagnating;
  return pace::regressing;
}

/// Method chitieu: achieved, insufficient_data (< 2 points or no projection), on_track (the
/// projection meets the target), regressing (the baseline met it), then r = (projected − v0)/(T − v0).
/// annual_change targets: annual_change_pace.
inline pace chitieu_pace(const indicator_rules& r, const pace_inputs& in) noexcept {
  pace out{};
  if (pace_preamble(r, in, out)) return out;
  if (r.kind == target_kind::annual_change) return annual_change_pace(r, in);
  if (is_met(in.status)) return pace::achieved;
  if (in.points < 2 || std::isnan(in.projected) || std::isnan(in.v0)) return pace::insufficient_data;
  if (is_met(judge(*r.tg, in.projected))) return pace::on_track;
  if (is_met(judge(*r.tg, in.v0))) return pace::regressing;
  const double T = r.boundary;
  if (T == in.v0) return worse(r.dir, in.projected, in.v0) ? pace::regressing : pace::stagnating;
  const double ratio = (in.projected - in.v0) / (T - in.v0);
  if (ratio >= 0.5) return pace::moderate;
  if (ratio >= 0.0) return pace::stagnating;
  return pace::regressing;
}

/// Open SDG's compound annual growth rate (b/a)^(1/years) − 1.
inline double cagr(double a, double b, double years) noexcept { return std::pow(b / a, 1.0 / years) - 1.0; }

/// Method open_sdg (not_applicable for cumulative and annual_change targets; Open SDG / Statistics Canada
/// progress measure, sdg-build ProgressMeasure): insufficient_data when base and current are less than a year
/// apart (checked first, as docs/evaluation.md "Method open_sdg" orders it); T = 0 becomes 0.001;
/// target_achieved if v ≥ T (higher) or ≤ T (lower); insufficient_data when they differ in sign, or when the
/// ratio is undefined; a base value of 0 becomes 0.001; ratio = sign(v0)·d·CAGR(v0→v)/|CAGR(v0→T over
/// t0..t1)|.
inline pace open_sdg_pace(const indicator_rules& r, const pace_inputs& in) noexcept {
  pace out{};
  if (r.kind == target_kind::cumulative || r.kind == target_kind::annual_change) return pace::not_applicable;
  if (pace_preamble(r, in, out)) return out;
  const double T = r.boundary == 0.0 ? 0.001 : r.boundary;
  const double d = r.dir == direction::lower ? -1.0 : 1.0;
  // docs/evaluation.md's order: fewer than one year between base and current comes first.
  if (!in.has_t0 || in.t - in.t0 < 1 || r.target_year <= in.t0 || std::isnan(in.v0))
    return pace::insufficient_data;
  if (d > 0 ? in.v >= T : in.v <= T) return pace::target_achieved;
  const double base = in.v0 == 0.0 ? 0.001 : in.v0;
  if ((base > 0.0 && in.v < 0.0) || (base < 0.0 && in.v > 0.0)) return pace::insufficient_data;
  const double sign = base < 0.0 ? -1.0 : 1.0;
  const double observed = cagr(base, in.v, in.t - in.t0);
  const double required = cagr(base, T, r.target_year - in.t0);
  const double ratio = sign * d * observed / std::abs(required);
  if (std::isnan(ratio)) return pace::insufficient_data;
  if (ratio >= 0.95) return pace::on_track;
  if (ratio >= 0.6) return pace::progress_needs_acceleration;
  if (ratio >= 0.0) return pace::limited_progress;
  return pace::deterioration;
}

/// Method sdsn (not_applicable for cumulative and annual_change targets): on_track if met; insufficient_data
/// if t = t0 (or no baseline, or t1 ≤ t0); decreasing if the baseline met it; else ratio = ((v − v0)/(t −
/// t0)) / ((T − v0)/(t1 − t0)). When T = v0 the required rate is 0: stagnating if v = v0, decreasing if
/// worse.
inline pace sdsn_pace(const indicator_rules& r, const pace_inputs& in) noexcept {
  pace out{};
  if (r.kind == target_kind::cumulative || r.kind == target_kind::annual_change) return pace::not_applicable;
  if (pace_preamble(r, in, out)) return out;
  if (is_met(in.status)) return pace::on_track;
  if (!in.has_t0 || in.t == in.t0 || r.target_year <= in.t0 || std::isnan(in.v0))
    return pace::insufficient_data;
  if (is_met(judge(*r.tg, in.v0))) return pace::decreasing;
  const double T = r.boundary;
  if (T == in.v0) return worse(r.dir, in.v, in.v0) ? pace::decreasing : pace::stagnating;
  const double ratio = ((in.v - in.v0) / static_cast<double>(in.t - in.t0)) /
                       ((T - in.v0) / static_cast<double>(r.target_year - in.t0));
  if (ratio >= 1.0) return pace::on_track;
  if (ratio >= 0.5) return pace::moderately_improving;
  if (ratio >= 0.0) return pace::stagnating;
  return pace::decreasing;
}

/// Dispatches to the chosen method.
inline pace pace_of(pace_method m, const indicator_rules& r, const pace_inputs& in) noexcept {
  switch (m) {
    case pace_method::open_sdg: return open_sdg_pace(r, in);
    case pace_method::sdsn: return sdsn_pace(r, in);
    case pace_method::chitieu: break;
  }
  return chitieu_pace(r, in);
}

}  // namespace chitieu::detail

/// @file pace.hpp
/// @brief Pace classes and pace methods (DESIGN.md §2 "Progress, projection, pace").
#pragma once

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace chitieu {

/// How fast an indicator moves towards its target. Three families share the enum: the chitieu
/// method (achieved … regressing), Open SDG's progress measure and the SDSN dashboard classes;
/// insufficient_data and not_applicable are common to all three.
enum class pace {
  achieved,                     ///< chitieu: the target is met or exceeded
  on_track,                     ///< chitieu: the projection meets the target; also Open SDG (ratio ≥ 0.95) and SDSN (ratio ≥ 1)
  moderate,                     ///< chitieu: projected progress r ≥ 0.5
  stagnating,                   ///< chitieu: 0 ≤ r < 0.5; SDSN: 0 ≤ ratio < 0.5
  regressing,                   ///< chitieu: r < 0, or the baseline met the target and the projection does not
  insufficient_data,            ///< too few points (or no value this year) to judge
  not_applicable,               ///< milestones, sustained, qualitative targets and two-sided bands
  target_achieved,              ///< Open SDG: the current value reaches the target
  progress_needs_acceleration,  ///< Open SDG: 0.6 ≤ ratio < 0.95
  limited_progress,             ///< Open SDG: 0 ≤ ratio < 0.6
  deterioration,                ///< Open SDG: ratio < 0
  moderately_improving,         ///< SDSN: 0.5 ≤ ratio < 1
  decreasing                    ///< SDSN: ratio < 0, or the baseline met the target and the value does not
};

/// All pace classes, in declaration order (the order of the integer codes used by the bindings).
inline constexpr std::array<pace, 13> all_paces{
    pace::achieved,          pace::on_track,
    pace::moderate,          pace::stagnating,
    pace::regressing,        pace::insufficient_data,
    pace::not_applicable,    pace::target_achieved,
    pace::progress_needs_acceleration, pace::limited_progress,
    pace::deterioration,     pace::moderately_improving,
    pace::decreasing};

/// The English code of a pace class ("on_track", "limited_progress", ...).
constexpr std::string_view to_string(pace p) noexcept {
  switch (p) {
    case pace::achieved: return "achieved";
    case pace::on_track: return "on_track";
    case pace::moderate: return "moderate";
    case pace::stagnating: return "stagnating";
    case pace::regressing: return "regressing";
    case pace::insufficient_data: return "insufficient_data";
    case pace::not_applicable: return "not_applicable";
    case pace::target_achieved: return "target_achieved";
    case pace::progress_needs_acceleration: return "progress_needs_acceleration";
    case pace::limited_progress: return "limited_progress";
    case pace::deterioration: return "deterioration";
    case pace::moderately_improving: return "moderately_improving";
    case pace::decreasing: return "decreasing";
  }
  return "?";
}

/// Which rule set assigns the pace.
enum class pace_method {
  chitieu,   ///< projection-based (the default): achieved, on_track, moderate, stagnating, regressing
  open_sdg,  ///< Open SDG's progress measure: compound annual growth rates against the required rate
  sdsn       ///< SDSN dashboard: observed linear rate against the required linear rate
};

/// The name of a pace method ("chitieu", "open_sdg" or "sdsn").
constexpr std::string_view to_string(pace_method m) noexcept {
  switch (m) {
    case pace_method::chitieu: return "chitieu";
    case pace_method::open_sdg: return "open_sdg";
    case pace_method::sdsn: return "sdsn";
  }
  return "?";
}

/// Parses "chitieu", "open_sdg" or "sdsn"; throws std::invalid_argument naming the valid names.
inline pace_method pace_method_from_string(std::string_view name) {
  for (auto m : {pace_method::chitieu, pace_method::open_sdg, pace_method::sdsn})
    if (to_string(m) == name) return m;
  throw std::invalid_argument("unknown pace method '" + std::string(name) +
                              "'; expected chitieu, open_sdg or sdsn");
}

}  // namespace chitieu

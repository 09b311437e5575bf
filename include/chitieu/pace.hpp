/// @file pace.hpp
/// @brief Pace classes and pace methods (docs/evaluation.md "Pace").
#pragma once

#include <chitieu/enum_table.hpp>

#include <array>
#include <string_view>

namespace chitieu {

/// How fast an indicator moves towards its target. Three families share the enum: the chitieu
/// method (achieved … regressing), Open SDG's progress measure and the SDSN dashboard classes;
/// insufficient_data and not_applicable are common to all three.
enum class pace {
  achieved,  ///< chitieu: the target is met or exceeded
  on_track,  ///< chitieu: the projection meets the target; also Open SDG (ratio ≥ 0.95) and SDSN (ratio ≥ 1)
  moderate,           ///< chitieu: projected progress r ≥ 0.5
  stagnating,         ///< chitieu: 0 ≤ r < 0.5; SDSN: 0 ≤ ratio < 0.5
  regressing,         ///< chitieu: r < 0, or the baseline met the target and the projection does not
  insufficient_data,  ///< too few points (or no value this year) to judge
  not_applicable,     ///< milestones, sustained, qualitative targets and two-sided bands
  target_achieved,    ///< Open SDG: the current value reaches the target
  progress_needs_acceleration,  ///< Open SDG: 0.6 ≤ ratio < 0.95
  limited_progress,             ///< Open SDG: 0 ≤ ratio < 0.6
  deterioration,                ///< Open SDG: ratio < 0
  moderately_improving,         ///< SDSN: 0.5 ≤ ratio < 1
  decreasing                    ///< SDSN: ratio < 0, or the baseline met the target and the value does not
};

/// The table of pace classes.
template <>
struct enum_table<pace> {
  static constexpr std::string_view noun = "pace";  ///< how messages name a pace class
  /// One row per pace class, in declaration order.
  static constexpr std::array<enum_entry<pace>, 13> entries{{
      {pace::achieved, "achieved", "Đã đạt", "Achieved"},
      {pace::on_track, "on_track", "Đúng tiến độ", "On track"},
      {pace::moderate, "moderate", "Tiến triển khá", "Moderate progress"},
      {pace::stagnating, "stagnating", "Chững lại", "Stagnating"},
      {pace::regressing, "regressing", "Đi lùi", "Regressing"},
      {pace::insufficient_data, "insufficient_data", "Chưa đủ số liệu", "Insufficient data"},
      {pace::not_applicable, "not_applicable", "Không áp dụng", "Not applicable"},
      {pace::target_achieved, "target_achieved", "Đã đạt chỉ tiêu", "Target achieved"},
      {pace::progress_needs_acceleration, "progress_needs_acceleration", "Cần đẩy nhanh tiến độ",
       "Progress needs acceleration"},
      {pace::limited_progress, "limited_progress", "Tiến triển hạn chế", "Limited progress"},
      {pace::deterioration, "deterioration", "Xấu đi", "Deterioration"},
      {pace::moderately_improving, "moderately_improving", "Cải thiện vừa phải", "Moderately improving"},
      {pace::decreasing, "decreasing", "Giảm sút", "Decreasing"},
  }};
};

/// All pace classes, in declaration order (the order of the integer codes used by the bindings).
inline constexpr auto all_paces = enum_values<pace>();

/// Which rule set assigns the pace.
enum class pace_method {
  chitieu,   ///< projection-based (the default): achieved, on_track, moderate, stagnating, regressing
  open_sdg,  ///< Open SDG's progress measure: compound annual growth rates against the required rate
  sdsn       ///< SDSN dashboard: observed linear rate against the required linear rate
};

/// The table of pace methods.
template <>
struct enum_table<pace_method> {
  static constexpr std::string_view noun = "pace method";  ///< how messages name a method
  /// One row per method, in declaration order.
  static constexpr std::array<enum_entry<pace_method>, 3> entries{{
      {pace_method::chitieu, "chitieu", "phương pháp chitieu", "chitieu method"},
      {pace_method::open_sdg, "open_sdg", "phương pháp Open SDG", "Open SDG method"},
      {pace_method::sdsn, "sdsn", "phương pháp SDSN", "SDSN method"},
  }};
};

/// Parses "chitieu", "open_sdg" or "sdsn"; throws chitieu::error naming the valid names.
inline pace_method pace_method_from_string(std::string_view name) {
  return enum_from_string<pace_method>(name);
}

}  // namespace chitieu

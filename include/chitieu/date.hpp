/// @file date.hpp
/// @brief A civil (proleptic Gregorian) date read from and written as ISO "YYYY-MM-DD".
#pragma once

#include <chitieu/error.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <tuple>

namespace chitieu {

/// A calendar date; validity periods of areas and crosswalk dates use it.
struct date {
  int year = 1970;  ///< calendar year
  int month = 1;    ///< month 1-12
  int day = 1;      ///< day of month 1-31

  /// The date as "YYYY-MM-DD".
  std::string iso() const {
    char buf[40];  // room for any int values, so the output is never truncated
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }

  /// Chronological comparison.
  friend bool operator<(const date& a, const date& b) noexcept {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
  /// Chronological comparison.
  friend bool operator>(const date& a, const date& b) noexcept { return b < a; }
  /// Chronological comparison.
  friend bool operator<=(const date& a, const date& b) noexcept { return !(b < a); }
  /// Chronological comparison.
  friend bool operator>=(const date& a, const date& b) noexcept { return !(a < b); }
  /// Same day.
  friend bool operator==(const date& a, const date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  /// Different days.
  friend bool operator!=(const date& a, const date& b) noexcept { return !(a == b); }
};

/// True for leap years of the Gregorian calendar.
constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/// Number of days in month `m` (1-12) of year `y`.
constexpr int days_in_month(int y, int m) noexcept {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

/// 31 December of year `y`: the day on which the units and parent links of year `y` are taken.
constexpr date year_end(int y) noexcept { return date{y, 12, 31}; }

/// Why `text` is not an ISO date "YYYY-MM-DD" (exactly that shape, a real calendar day), or
/// nullptr when it is one; the date is then stored in `*out` when `out` is given. The one check
/// of ISO dates (parse_date, plan validation).
constexpr const char* iso_date_problem(std::string_view text, date* out = nullptr) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return "wrong shape";
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (std::size_t i = 0; i < lens[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') return "non-digit character";
      parts[p] = parts[p] * 10 + (c - '0');
    }
  if (parts[1] < 1 || parts[1] > 12) return "month outside 01-12";
  if (parts[2] < 1 || parts[2] > days_in_month(parts[0], parts[1])) return "no such day in that month";
  if (out) *out = date{parts[0], parts[1], parts[2]};
  return nullptr;
}

/// Parses an ISO date "YYYY-MM-DD" (see iso_date_problem); throws chitieu::error quoting the
/// text and the expected form otherwise.
inline date parse_date(std::string_view text) {
  date d;
  if (const char* why = iso_date_problem(text, &d))
    throw error("'" + std::string(text) + "' is not a date: " + why +
                "; expected an ISO date YYYY-MM-DD such as 2025-07-01");
  return d;
}

}  // namespace chitieu

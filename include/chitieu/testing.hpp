/// @file testing.hpp
/// @brief Test helpers for code built on chitieu, for any test framework: find a row, check its
/// status or pace, compare two evaluations, each failure as a readable message (docs/testing.md).
/// Adapters: chitieu/testing/boost_test.hpp, chitieu/testing/gtest.hpp.
#pragma once

#include <chitieu/direction.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/plan.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace chitieu::testing {

/// How close two evaluations' numbers must be: |left − right| ≤ atol + rtol·|right| (right is the
/// expected one), or both NaN.
struct tolerance {
  double rtol = 1e-9;         ///< relative tolerance
  double atol = 0.0;          ///< absolute tolerance
  bool check_pace = true;     ///< false: leave out pace, projected and p_meet
  std::size_t max_rows = 10;  ///< differences listed at most (then "... and N more")
};

/// The tolerance asking for exactly equal numbers (rtol = atol = 0).
inline tolerance exactly() {
  tolerance t;
  t.rtol = 0.0;
  return t;
}

/// Thrown by find() when the evaluation has no such row; what() says what rows there are.
class missing_row : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

/// A number for messages: shortest of %.6g, "NaN" for NaN.
inline std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

/// Up to twelve names, quoted, then how many more.
inline std::string some(const std::set<std::string>& names) {
  std::string out;
  std::size_t n = 0;
  for (const std::string& name : names) {
    if (n == 12) return out + " and " + std::to_string(names.size() - 12) + " more";
    out += (n++ ? ", '" : "'") + name + "'";
  }
  return out;
}

/// The target phrase of `indicator` with its direction, when the plan is given.
inline std::string target_of(const plan* p, const std::string& indicator) {
  if (!p) return "(not known: pass the plan to see it)";
  for (const auto& ind : p->indicators)
    if (ind.id == indicator)
      return ind.target.dir == direction::none
                 ? ind.target_phrase
                 : ind.target_phrase + " (" + std::string(to_string(ind.target.dir)) + " is better)";
  return "(indicator not in plan '" + p->id + "')";
}

}  // namespace detail

/// The row of `indicator` × `area` × `year`; throws missing_row saying which years that
/// indicator has in that area, or which areas it has, or that it has no rows.
inline evaluation_row find(const evaluation& ev, std::string_view indicator, std::string_view area,
                           int year) {
  if (const auto row = ev.find(indicator, area, year)) return *row;
  std::set<std::string> indicators, areas, years;
  for (std::size_t r = 0; r < ev.size(); ++r) {
    const evaluation_row row = ev.row(r);
    indicators.insert(row.indicator());
    if (row.indicator() != indicator) continue;
    areas.insert(row.area());
    if (row.area() == area) years.insert(std::to_string(row.year()));
  }
  const std::string ind(indicator), at(area);
  const std::string where =
      "no row for indicator '" + ind + "', area '" + at + "', year " + std::to_string(year);
  if (areas.empty())
    throw missing_row(where + ": the evaluation has no row of indicator '" + ind + "' (" +
                      detail::some(indicators) + " have rows)");
  if (years.empty())
    throw missing_row(where + ": indicator '" + ind + "' has rows in the areas " + detail::some(areas) +
                      " only");
  throw missing_row(where + ": '" + ind + "' × '" + at + "' has rows for the years " + detail::some(years) +
                    " only");
}

/// The row as aligned "name  value" lines: value, assessed, target (with `p`), margin, coverage,
/// status, pace, p_meet.
inline std::string describe(const evaluation_row& row, const plan* p = nullptr) {
  const std::pair<const char*, std::string> cells[] = {
      {"value", detail::number(row.value())},
      {"assessed", detail::number(row.assessed())},
      {"target", detail::target_of(p, row.indicator())},
      {"margin", detail::number(row.margin())},
      {"coverage", detail::number(row.coverage())},
      {"status", std::string(to_string(row.status()))},
      {"pace", std::string(to_string(row.pace()))},
      {"p_meet", detail::number(row.p_meet())},
  };
  std::string out;
  for (const auto& [name, text] : cells) {
    std::string label = name;
    label.resize(9, ' ');
    out += (out.empty() ? "  " : "\n  ") + label + text;
  }
  return out;
}

namespace detail {
/// Empty when the row's `column` (read by `get`) is `expected`, else the message naming the
/// column and showing the row; what rows there are when it has none.
template <class Class>
std::string check_row(const evaluation& ev, std::string_view indicator, std::string_view area, int year,
                      const char* column, Class (evaluation_row::*get)() const noexcept, Class expected,
                      const plan* p) {
  try {
    const evaluation_row row = find(ev, indicator, area, year);
    const Class actual = (row.*get)();
    if (actual == expected) return {};
    return std::string(column) + " of '" + row.indicator() + "' × '" + row.area() + "' × " +
           std::to_string(row.year()) + " is '" + std::string(to_string(actual)) + "', expected '" +
           std::string(to_string(expected)) + "'\n" + describe(row, p);
  } catch (const missing_row& e) {
    return e.what();
  }
}
}  // namespace detail

/// Empty when the row's status is `expected`; else a message showing the row (see describe()),
/// or what rows there are when it has none.
inline std::string check_status(const evaluation& ev, std::string_view indicator, std::string_view area,
                                int year, status expected, const plan* p = nullptr) {
  return detail::check_row(ev, indicator, area, year, "status", &evaluation_row::status, expected, p);
}

/// Empty when the row's pace is `expected`; else a message as check_status().
inline std::string check_pace(const evaluation& ev, std::string_view indicator, std::string_view area,
                              int year, pace expected, const plan* p = nullptr) {
  return detail::check_row(ev, indicator, area, year, "pace", &evaluation_row::pace, expected, p);
}

namespace detail {

/// An evaluation row's key: indicator id, area id, year.
using row_key = std::tuple<std::string, std::string, int>;

/// The rows of an evaluation by indicator × area × year.
inline std::map<row_key, std::size_t> rows_by_key(const evaluation& ev) {
  std::map<row_key, std::size_t> out;
  for (std::size_t r = 0; r < ev.size(); ++r) {
    const evaluation_row row = ev.row(r);
    out.emplace(row_key{row.indicator(), row.area(), row.year()}, r);
  }
  return out;
}

/// True when two numbers agree within `tol` (or are both NaN).
inline bool close(double left, double right, const tolerance& tol) {
  if (std::isnan(left) || std::isnan(right)) return std::isnan(left) && std::isnan(right);
  if (left == right) return true;  // also equal infinities
  return std::fabs(left - right) <= tol.atol + tol.rtol * std::fabs(right);
}

/// "indicator × area × year" of a key.
inline std::string key_text(const row_key& k) {
  return std::get<0>(k) + " × " + std::get<1>(k) + " × " + std::to_string(std::get<2>(k));
}

}  // namespace detail

/// A readable difference between two evaluations, empty when they agree: rows are matched by
/// indicator × area × year (row order aside); numbers agree within `tol`, status and pace must be
/// equal. The message counts the differing cells and the rows only on one side and lists up to
/// tol.max_rows of each, one line a cell: "key: column left → right".
inline std::string compare(const evaluation& left, const evaluation& right, const tolerance& tol = {}) {
  const auto a = detail::rows_by_key(left), b = detail::rows_by_key(right);
  std::vector<std::string> cells, only_left, only_right;
  const auto differ = [&](const detail::row_key& key, const char* column, const std::string& l,
                          const std::string& r) {
    cells.push_back(detail::key_text(key) + ": " + column + " " + l + " → " + r);
  };
  for (const auto& [key, i] : a) {
    const auto found = b.find(key);
    if (found == b.end()) {
      only_left.push_back(detail::key_text(key));
      continue;
    }
    const evaluation_row l = left.row(i), r = right.row(found->second);
    if (l.status() != r.status())
      differ(key, "status", std::string(to_string(l.status())), std::string(to_string(r.status())));
    if (tol.check_pace && l.pace() != r.pace())
      differ(key, "pace", std::string(to_string(l.pace())), std::string(to_string(r.pace())));
    const std::pair<const char*, double (evaluation_row::*)() const noexcept> numbers[] = {
        {"value", &evaluation_row::value},         {"assessed", &evaluation_row::assessed},
        {"margin", &evaluation_row::margin},       {"baseline", &evaluation_row::baseline},
        {"progress", &evaluation_row::progress},   {"elapsed", &evaluation_row::elapsed},
        {"projected", &evaluation_row::projected}, {"p_meet", &evaluation_row::p_meet},
        {"coverage", &evaluation_row::coverage}};
    for (const auto& [name, get] : numbers) {
      if (!tol.check_pace && (std::string_view(name) == "projected" || std::string_view(name) == "p_meet"))
        continue;
      if (!detail::close((l.*get)(), (r.*get)(), tol))
        differ(key, name, detail::number((l.*get)()), detail::number((r.*get)()));
    }
  }
  for (const auto& entry : b)
    if (!a.count(entry.first)) only_right.push_back(detail::key_text(entry.first));
  if (cells.empty() && only_left.empty() && only_right.empty()) return {};
  std::string out = "evaluations differ (" + std::to_string(left.size()) + " rows left, " +
                    std::to_string(right.size()) + " right; rtol=" + detail::number(tol.rtol) +
                    ", atol=" + detail::number(tol.atol) + (tol.check_pace ? "" : ", pace not checked") +
                    "): " + std::to_string(cells.size()) + " cells differ, " +
                    std::to_string(only_left.size()) + " rows only left, " +
                    std::to_string(only_right.size()) + " only right";
  const auto list = [&](const char* title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    out += std::string("\n") + title + ":";
    for (std::size_t k = 0; k < lines.size() && k < tol.max_rows; ++k) out += "\n  " + lines[k];
    if (lines.size() > tol.max_rows)
      out += "\n  ... and " + std::to_string(lines.size() - tol.max_rows) + " more";
  };
  list("differing cells", cells);
  list("rows only left", only_left);
  list("rows only right", only_right);
  return out;
}

}  // namespace chitieu::testing

/// @file columns_of.hpp
/// @brief Every per-row column of a panel or an evaluation, one call each, in the struct's order.
#pragma once

#include <chitieu/evaluation.hpp>
#include <chitieu/panel.hpp>

namespace chitieu::detail {

/// Calls f(column) on each per-row column of `p`: indicator, area, year, value, numerator,
/// denominator, weight, se, coverage.
template <class F>
void for_each_column(panel& p, F&& f) {
  f(p.indicator);
  f(p.area);
  f(p.year);
  f(p.value);
  f(p.numerator);
  f(p.denominator);
  f(p.weight);
  f(p.se);
  f(p.coverage);
}

/// Calls f(column) on each per-row column of `e`, indicator to coverage.
template <class F>
void for_each_column(evaluation& e, F&& f) {
  f(e.indicator);
  f(e.area);
  f(e.year);
  f(e.value);
  f(e.assessed);
  f(e.status);
  f(e.margin);
  f(e.baseline);
  f(e.progress);
  f(e.elapsed);
  f(e.pace);
  f(e.projected);
  f(e.p_meet);
  f(e.coverage);
}

}  // namespace chitieu::detail

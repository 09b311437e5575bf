/// @file series_evaluator.hpp
/// @brief Evaluates one indicator × area series: assessed, status, progress, projection, pace.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/evaluation.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/projection.hpp>
#include <chitieu/unit.hpp>
#include "duplicate_rows.hpp"
#include "effective_value.hpp"
#include "indicator_rules.hpp"
#include "pace_rules.hpp"
#include "row_label.hpp"
#include "running_fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::detail {

/// How a series_evaluator reads its panel and what it writes.
struct series_reading {
  /// Values are completed (complete_values()): the panel's numerator and denominator are not
  /// read and may be empty.
  bool completed_values = false;
  /// Writes the evaluation's indicator, area, year, value and coverage; false when the caller
  /// takes those columns from the panel itself (rows in index order, every observed year).
  bool writes_row_columns = true;
};

/// Evaluates series one at a time, reusing its scratch buffers (no allocation per row). p_meet's
/// Student t is held back and computed for many rows in one loop (finish()): the calls, independent of
/// one another, then overlap instead of each ending its row's chain of arithmetic.
class series_evaluator {
 public:
  /// Binds the panel, the pace method and the evaluated year (empty: every observed year).
  /// `lines`, when given, maps a row of `p` to the row of the caller's panel named in messages
  /// (evaluate() passes the panel or blocks of it gathered in index order).
  series_evaluator(const panel& p, pace_method method, std::optional<int> year,
                   const std::size_t* lines = nullptr, series_reading reading = {})
      : p_(p), method_(method), year_(year), lines_(lines), reading_(reading) {}

  /// Evaluates the series whose panel rows are rows[0..m) (years ascending) under rules r and
  /// writes its evaluation rows into out from position pos; p_meet may be left to finish(). Returns
  /// the number of rows written. Throws chitieu::error on a duplicate year or an infinite value.
  std::size_t run(const indicator_rules& r, const std::size_t* rows, std::size_t m, evaluation& out,
                  std::size_t pos) {
    const std::size_t written = emit_rows(r, rows, m, out, pos);
    if (pending_t_.size() >= held_t_rows) finish(out);
    return written;
  }

  /// Writes p_meet of the rows whose Student t run() held back (their quantile stands in
  /// out.p_meet meanwhile). Call once after the last run() into `out`, before `out` is read.
  void finish(evaluation& out) {
    for (const held_t& h : pending_t_) out.p_meet[h.at] = student_t_cdf(out.p_meet[h.at], h.df);
    pending_t_.clear();
  }

 private:
  static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  /// The rows whose Student t run() holds back before it computes them: 16 KiB of positions and
  /// degrees of freedom, and p_meet's recent rows, stay in the core's cache.
  static constexpr std::size_t held_t_rows = 1024;

  /// A row whose p_meet waits for its Student t: its position in the evaluation and n − 2.
  struct held_t {
    std::size_t at;
    double df;
  };

  // run() without finishing p_meet.
  std::size_t emit_rows(const indicator_rules& r, const std::size_t* rows, std::size_t m, evaluation& out,
                        std::size_t pos) {
    load(r, rows, m);
    if (!year_) {
      for (std::size_t i = 0; i < m; ++i) emit(r, years_[i], i, out, pos + i);
      return m;
    }
    const int t = *year_;
    std::size_t last = m;  // index of the row at year t, if any
    bool any = false;
    for (std::size_t i = 0; i < m && years_[i] <= t; ++i) {
      any = true;
      if (years_[i] == t) last = i;
    }
    if (!any) return 0;
    emit(r, t, last, out, pos);
    return 1;
  }

  // Copies the series into the scratch buffers and builds the fit points.
  void load(const indicator_rules& r, const std::size_t* rows, std::size_t m) {
    rows_.assign(rows, rows + m);
    years_.resize(m);
    values_.resize(m);
    assessed_.resize(m);
    double base_value = nan;
    for (std::size_t i = 0; i < m; ++i) {
      const std::size_t row = rows[i];
      years_[i] = p_.year[row];
      values_[i] = reading_.completed_values ? p_.value[row] : effective_value(p_, row, r.unit);
      if (std::isinf(values_[i]))
        throw error(
            row_label(p_, row) + ": value is infinite; give a finite number in " + domain_text(r.unit), {},
            line(row), "value");
      if (i > 0 && years_[i] == years_[i - 1])
        throw duplicate_row_error(row_label(p_, row), line(row), line(rows[i - 1]));
      if (r.kind == target_kind::relative && years_[i] == r.base_year) base_value = values_[i];
    }
    const bool relative = r.kind == target_kind::relative;
    const bool base_ok = std::isfinite(base_value) && base_value != 0.0;
    for (std::size_t i = 0; i < m; ++i)
      assessed_[i] = !relative ? values_[i] : (base_ok ? values_[i] / base_value : nan);
    // Fit points: years ≥ the baseline year with a finite (static) assessed value. The buffers
    // are sized for every row and cut to the points kept (no push_back per point).
    px_.resize(m);
    py_.resize(m);
    praw_.resize(m);
    pyear_.resize(m);
    pbad_.resize(m + 1);
    pbad_[0] = 0;
    std::size_t k = 0;
    for (std::size_t i = 0; i < m; ++i) {
      const double a = assessed_[i];
      if (years_[i] < r.baseline_year || std::isnan(a)) continue;
      const bool bad = r.log_fit && !(a > 0.0);
      pyear_[k] = years_[i];
      praw_[k] = a;
      px_[k] = static_cast<double>(years_[i]);
      py_[k] = r.log_fit ? (bad ? 0.0 : std::log(a)) : a;
      pbad_[k + 1] = pbad_[k] + (bad ? 1 : 0);
      ++k;
    }
    px_.resize(k);
    py_.resize(k);
    praw_.resize(k);
    pyear_.resize(k);
    pbad_.resize(k + 1);
    for (double& x : px_) x -= static_cast<double>(pyear_.empty() ? 0 : pyear_.front());
    fit_.clear();
    for (std::size_t j = 0; j < px_.size(); ++j) fit_.add(px_[j], py_[j]);
  }

  // The 1-based row of the caller's panel that row of p_ stands for.
  long line(std::size_t row) const noexcept { return static_cast<long>((lines_ ? lines_[row] : row) + 1); }

  // Number of fit points with year ≤ t.
  std::size_t points_until(int t) const noexcept {
    return static_cast<std::size_t>(std::upper_bound(pyear_.begin(), pyear_.end(), t) - pyear_.begin());
  }

  // Writes one evaluation row at year t; i indexes the series row of year t (none: no observation).
  void emit(const indicator_rules& r, int t, std::size_t i, evaluation& out, std::size_t at) {
    const bool has_row = i != none && i < rows_.size();
    const std::size_t row = has_row ? rows_[i] : rows_.front();
    if (reading_.writes_row_columns) {
      out.indicator[at] = p_.indicator[row];
      out.area[at] = p_.area[row];
      out.year[at] = t;
      out.value[at] = has_row ? values_[i] : nan;
      out.coverage[at] = has_row ? p_.coverage[row] : nan;
    }
    out.p_meet[at] = nan;
    out.projected[at] = nan;

    pace_inputs in;
    in.t = t;
    if (r.kind == target_kind::cumulative)
      cumulative(r, t, out, at, in);
    else if (r.kind == target_kind::annual_change)
      annual_change(r, t, has_row ? i : none, out, at, in);
    else
      generic(r, t, has_row ? i : none, out, at, in);

    status st = judge(*r.tg, out.assessed[at]);
    if (st == status::not_assessed && has_row && std::isfinite(p_.coverage[row])) st = status::no_data;
    out.status[at] = st;
    out.margin[at] = margin(*r.tg, out.assessed[at]);
    in.status = st;
    in.v = out.assessed[at];
    in.projected = out.projected[at];
    out.pace[at] = pace_of(method_, r, in);
  }

  // Threshold, range, approx, relative, milestone, sustained and qualitative targets.
  void generic(const indicator_rules& r, int t, std::size_t i, evaluation& out, std::size_t at,
               pace_inputs& in) {
    const bool available = r.kind != target_kind::relative || t >= r.base_year;
    const std::size_t k = available ? points_until(t) : 0;
    double a = i != none && available ? assessed_[i] : nan;
    if (r.kind == target_kind::sustained)
      a = r.boolean() ? sustained(r, t, i) : worst_since_baseline(r, t, i);
    out.assessed[at] = a;
    baseline(r, t, k, out, at, in);
    const double T = r.boundary;
    // + 0.0: on the baseline row of a falling target 0 / (T - v0) is -0.0, written "-0.0" otherwise.
    out.progress[at] = (std::isnan(T) || T == in.v0) ? nan : (a - in.v0) / (T - in.v0) + 0.0;
    if (!r.projects || k < 2 || pbad_[k] != 0) return;
    linear_fit fit = fit_.fit(k);  // O(1): running sums over the first k points
    const double x1 = static_cast<double>(r.target_year - in.t0);
    const double yhat = fit.predict(x1);
    // A log fit is back-transformed relative to the first point, v0·exp(ŷ − ln v0) (= exp ŷ):
    // a flat series then projects exactly v0 (exp(ln v0) is off by an ulp, enough to turn r = 0
    // into r < 0, `stagnating` into `regressing`).
    const double projected = r.log_fit ? praw_.front() * std::exp(yhat - py_.front()) : yhat;
    out.projected[at] = clamp_to_domain(r.kind == target_kind::relative ? unit::ratio : r.unit, projected);
    if (r.p_meet_applicable && k >= 3) {
      fit.rss = residual_sum_of_squares(fit, px_.data(), py_.data(), k);  // O(k), exact residuals
      // p_meet = student_t_cdf(q, df) (probability_to_meet()), the t held back for finish().
      const meet_quantile m = quantile_to_meet(fit, x1, r.fit_boundary, r.dir, r.boundary_inclusive);
      out.p_meet[at] = m.needs_t() ? m.q : m.decided;
      if (m.needs_t()) pending_t_.push_back({at, m.df});
    }
  }

  // Sustained: 1 when every year from the baseline year to t is present and 1; 0 when some
  // year in it is not 1; NaN when a year is missing. Before the baseline year: the year's own value.
  double sustained(const indicator_rules& r, int t, std::size_t i) const noexcept {
    if (t < r.baseline_year) return i != none ? values_[i] : nan;
    long present = 0;
    bool not_one = false;
    for (std::size_t j = 0; j < years_.size() && years_[j] <= t; ++j) {
      if (years_[j] < r.baseline_year || std::isnan(values_[j])) continue;
      ++present;
      if (values_[j] != 1.0) not_one = true;
    }
    if (not_one) return 0.0;
    return present == long{t} - r.baseline_year + 1 ? 1.0 : nan;
  }

  // Sustained with a bound: the worst value (least margin) of the years from the baseline year to
  // t; NaN when a year is missing and none of those present breaks the bound. Before the baseline
  // year: the year's own value.
  double worst_since_baseline(const indicator_rules& r, int t, std::size_t i) const noexcept {
    if (t < r.baseline_year) return i != none ? values_[i] : nan;
    long present = 0;
    double worst = nan;
    for (std::size_t j = 0; j < years_.size() && years_[j] <= t; ++j) {
      if (years_[j] < r.baseline_year || std::isnan(values_[j])) continue;
      ++present;
      if (std::isnan(worst) || margin(*r.tg, values_[j]) < margin(*r.tg, worst)) worst = values_[j];
    }
    if (present == long{t} - r.baseline_year + 1) return worst;
    return !std::isnan(worst) && !is_met(judge(*r.tg, worst)) ? worst : nan;
  }

  // annual_change: the mean yearly change from t0 (the first year ≥ the baseline year with data)
  // to t; NaN at t0 and without a value at t. progress = assessed/T; no projection.
  void annual_change(const indicator_rules& r, int t, std::size_t i, evaluation& out, std::size_t at,
                     pace_inputs& in) {
    const std::size_t k = points_until(t);
    baseline(r, t, k, out, at, in);
    const double a = (k > 0 && i != none) ? mean_yearly_change(r.change, in.v0, values_[i], t - in.t0) : nan;
    out.assessed[at] = a;
    out.progress[at] = (std::isnan(r.boundary) || r.boundary == 0.0) ? nan : a / r.boundary;
  }

  // t0, v0 (the first of the k fit points up to t), the baseline and elapsed columns.
  void baseline(const indicator_rules& r, int t, std::size_t k, evaluation& out, std::size_t at,
                pace_inputs& in) const noexcept {
    in.points = k;
    in.has_t0 = k > 0;
    in.t0 = k > 0 ? pyear_.front() : 0;
    in.v0 = k > 0 ? praw_.front() : nan;
    out.baseline[at] = in.v0;
    out.elapsed[at] = (k == 0 || r.target_year == in.t0)
                          ? nan
                          : static_cast<double>(t - in.t0) / static_cast<double>(r.target_year - in.t0);
  }

  // Cumulative: running sum over [from, min(t, to)], every year needed; baseline 0.
  void cumulative(const indicator_rules& r, int t, evaluation& out, std::size_t at, pace_inputs& in) {
    const int span = r.to - r.from + 1;
    const int upto = std::min(t, r.to);
    const int done = t < r.from ? 0 : upto - r.from + 1;
    double sum = 0.0;
    int present = 0;
    for (std::size_t j = 0; j < years_.size() && years_[j] <= upto; ++j) {
      if (years_[j] < r.from || std::isnan(values_[j])) continue;
      sum += values_[j];
      ++present;
    }
    const double a = (done > 0 && present == done) ? sum : nan;
    out.assessed[at] = a;
    out.baseline[at] = 0.0;
    out.progress[at] = (std::isnan(r.boundary) || r.boundary == 0.0) ? nan : a / r.boundary;
    out.elapsed[at] = static_cast<double>(done) / static_cast<double>(span);
    const int left = r.to - upto;
    if (!std::isnan(a)) out.projected[at] = clamp_to_domain(r.unit, a + a / done * left);
    in.v0 = 0.0;
    in.has_t0 = t >= r.from;
    in.t0 = r.from;
    in.points = std::isnan(a) ? 0 : static_cast<std::size_t>(done);
  }

  const panel& p_;
  pace_method method_;
  std::optional<int> year_;
  const std::size_t* lines_;
  series_reading reading_;
  std::vector<std::size_t> rows_;
  std::vector<int> years_;
  std::vector<double> values_, assessed_;
  std::vector<double> px_, py_, praw_;
  std::vector<int> pyear_;
  std::vector<std::size_t> pbad_;
  running_fit fit_;
  std::vector<held_t> pending_t_;
};

}  // namespace chitieu::detail

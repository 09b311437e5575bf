// bench_evaluate: evaluate() on 1 000 120 generated observations (40 indicators × 2 273 areas ×
// 11 years, 2020–2030), median of 5 runs, against a named baseline: one pass that only sums the
// values of each series (the memory-bound floor of touching every observation once).
#include <chitieu/evaluate.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr int n_indicators = 40;
constexpr int n_areas = 2273;
constexpr int first_year = 2020;
constexpr int n_years = 11;

// Deterministic noise in [-0.5, 0.5) from a 64-bit mix (no library distribution involved).
double noise(std::uint64_t k) {
  k += 0x9e3779b97f4a7c15ULL;
  k = (k ^ (k >> 30)) * 0xbf58476d1ce4e5b9ULL;
  k = (k ^ (k >> 27)) * 0x94d049bb133111ebULL;
  k ^= k >> 31;
  return static_cast<double>(k >> 11) / 9007199254740992.0 - 0.5;
}

chitieu::target one_sided(chitieu::target_kind k, chitieu::direction d, double x) {
  chitieu::target t;
  t.kind = k;
  t.dir = d;
  (d == chitieu::direction::lower ? t.upper : t.lower) = x;
  return t;
}

// A plan mixing the kinds the La Gi plan uses.
chitieu::plan make_plan() {
  using chitieu::direction;
  using chitieu::target_kind;
  chitieu::plan p;
  p.id = "bench";
  p.baseline_year = 2020;
  p.target_year = 2030;
  for (int i = 0; i < n_indicators; ++i) {
    chitieu::indicator ind;
    ind.id = "ind" + std::to_string(i);
    switch (i % 8) {
      case 0:
      case 1:
      case 2:  // "trên 80%"
        ind.unit = chitieu::unit::percent;
        ind.target = one_sided(target_kind::threshold, direction::higher, 80);
        ind.target.lower_inclusive = false;
        break;
      case 3:  // "dưới 2%"
        ind.unit = chitieu::unit::percent;
        ind.target = one_sided(target_kind::threshold, direction::lower, 2);
        break;
      case 4:  // "2,0–2,6 lần so với năm 2020"
        ind.unit = chitieu::unit::money;
        ind.target = one_sided(target_kind::relative, direction::higher, 2.0);
        ind.target.upper = 2.6;
        ind.target.base_year = 2020;
        break;
      case 5:  // "giai đoạn 2026 - 2030: 13.500"
        ind.unit = chitieu::unit::count;
        ind.target = one_sided(target_kind::cumulative, direction::higher, 13500);
        ind.target.period = std::make_pair(2026, 2030);
        break;
      case 6:  // compound growth
        ind.unit = chitieu::unit::money;
        ind.target = one_sided(target_kind::threshold, direction::higher, 150);
        ind.trend = chitieu::trend::compound;
        break;
      default:  // "hoàn thành"
        ind.unit = chitieu::unit::boolean;
        ind.target.kind = target_kind::milestone;
        ind.target.dir = direction::none;
    }
    p.indicators.push_back(ind);
  }
  return p;
}

chitieu::panel make_panel(bool shuffled) {
  chitieu::panel obs;
  for (int i = 0; i < n_indicators; ++i) obs.indicator_ids.push_back("ind" + std::to_string(i));
  for (int a = 0; a < n_areas; ++a) obs.area_ids.push_back("area" + std::to_string(a));
  const std::size_t n = std::size_t{n_indicators} * n_areas * n_years;
  obs.indicator.reserve(n);
  obs.area.reserve(n);
  obs.year.reserve(n);
  obs.value.reserve(n);
  for (int i = 0; i < n_indicators; ++i)
    for (int a = 0; a < n_areas; ++a)
      for (int y = 0; y < n_years; ++y) {
        const auto key = (static_cast<std::uint64_t>(i) * n_areas + static_cast<std::uint64_t>(a)) * n_years +
                         static_cast<std::uint64_t>(y);
        const double e = noise(key);
        double v = 0;
        switch (i % 8) {
          case 0:
          case 1:
          case 2: v = std::clamp(60 + 1.8 * y + 4 * e, 0.0, 100.0); break;
          case 3: v = std::max(0.0, 4 - 0.2 * y + e); break;
          case 4: v = 50 * (1 + 0.08 * y) * (1 + 0.05 * e); break;
          case 5: v = 2600 + 400 * e; break;
          case 6: v = 100 * (1 + 0.04 * y) * (1 + 0.05 * e); break;
          default: v = y >= 5 + static_cast<int>(8 * (e + 0.5)) ? 1 : 0;
        }
        obs.indicator.push_back(i);
        obs.area.push_back(a);
        obs.year.push_back(first_year + y);
        obs.value.push_back(v);
      }
  if (shuffled) {  // a deterministic permutation of the rows
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    for (std::size_t k = n - 1; k > 0; --k)
      std::swap(perm[k],
                perm[static_cast<std::size_t>((noise(k * 7919) + 0.5) * static_cast<double>(k + 1))]);
    chitieu::panel out = obs;
    for (std::size_t r = 0; r < n; ++r) {
      out.indicator[r] = obs.indicator[perm[r]];
      out.area[r] = obs.area[perm[r]];
      out.year[r] = obs.year[perm[r]];
      out.value[r] = obs.value[perm[r]];
    }
    obs = std::move(out);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  obs.numerator.assign(n, nan);
  obs.denominator.assign(n, nan);
  obs.weight.assign(n, nan);
  obs.se.assign(n, nan);
  obs.coverage.assign(n, nan);
  return obs;
}

template <class F>
double median_ms(F&& f, int runs = 5) {
  std::vector<double> ms;
  for (int k = 0; k < runs; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main() {
  const auto plan = make_plan();
  const auto sorted = make_panel(false);
  const auto shuffled = make_panel(true);
  std::size_t sink = 0;
  double checksum = 0;

  // Baseline: one pass summing each series' values (series id = indicator × area).
  std::vector<double> sums(std::size_t{n_indicators} * n_areas);
  const double base_ms = median_ms([&] {
    std::fill(sums.begin(), sums.end(), 0.0);
    for (std::size_t r = 0; r < sorted.size(); ++r)
      sums[static_cast<std::size_t>(sorted.indicator[r]) * n_areas +
           static_cast<std::size_t>(sorted.area[r])] += sorted.value[r];
    checksum += sums[0];
  });
  const double eval_ms = median_ms([&] {
    const auto e = chitieu::evaluate(plan, sorted);
    sink += e.size();
  });
  const double shuffled_ms = median_ms([&] {
    const auto e = chitieu::evaluate(plan, shuffled);
    sink += e.size();
  });
  chitieu::evaluate_options at_2025;
  at_2025.year = 2025;
  const double year_ms = median_ms([&] {
    const auto e = chitieu::evaluate(plan, sorted, at_2025);
    sink += e.size();
  });

  std::printf("observations                      %zu (%d indicators x %d areas x %d years)\n", sorted.size(),
              n_indicators, n_areas, n_years);
  std::printf("baseline: sum values per series   %8.1f ms\n", base_ms);
  std::printf("evaluate, rows in order           %8.1f ms  (%.1f x baseline, %.0f ns/row)\n", eval_ms,
              eval_ms / base_ms, eval_ms * 1e6 / static_cast<double>(sorted.size()));
  std::printf("evaluate, rows shuffled           %8.1f ms  (%.1f x baseline)\n", shuffled_ms,
              shuffled_ms / base_ms);
  std::printf("evaluate --year 2025              %8.1f ms  (%.1f x baseline)\n", year_ms, year_ms / base_ms);
  std::printf("(checksum %g, rows %zu)\n", checksum, sink);
  return 0;
}

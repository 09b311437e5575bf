// bench_t_cdf: the time Boost.Math's Student t distribution function takes on given (q, df)
// pairs — the p_meet calls of a review, written by bench/national/t_cdf_floor.py. Usage:
//   bench_t_cdf PAIRS.bin [RUNS]
// PAIRS.bin: a little-endian uint64 count n, then n doubles q, then n int32 degrees of freedom.
// Prints one JSON object: the pair count, the median milliseconds of one pass over all pairs on
// one thread with Boost.Math (promote_double<false>) and with chitieu::student_t_cdf (the closed
// form p_meet uses), the sums of both results and their largest absolute difference.
#include <chitieu/student_t.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

/// The pairs of a PAIRS.bin file; throws std::runtime_error naming the file and what is wrong.
void read_pairs(const char* path, std::vector<double>& q, std::vector<std::int32_t>& df) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string(path) + ": cannot open the pairs file");
  std::uint64_t n = 0;
  if (!in.read(reinterpret_cast<char*>(&n), sizeof n))
    throw std::runtime_error(std::string(path) + ": no pair count (a little-endian uint64 first)");
  q.resize(n);
  df.resize(n);
  in.read(reinterpret_cast<char*>(q.data()), static_cast<std::streamsize>(n * sizeof(double)));
  in.read(reinterpret_cast<char*>(df.data()), static_cast<std::streamsize>(n * sizeof(std::int32_t)));
  if (!in)
    throw std::runtime_error(std::string(path) + ": truncated; expected " + std::to_string(n) +
                             " doubles then " + std::to_string(n) + " int32 after the count");
  for (std::size_t i = 0; i < n; ++i)
    if (df[i] < 1)
      throw std::runtime_error(std::string(path) + ": pair " + std::to_string(i) + " has " +
                               std::to_string(df[i]) + " degrees of freedom; expected 1 or more");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_t_cdf PAIRS.bin [RUNS]\n");
    return 2;
  }
  std::vector<double> q;
  std::vector<std::int32_t> df;
  try {
    read_pairs(argv[1], q, df);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_t_cdf: %s\n", e.what());
    return 2;
  }
  const std::size_t n = q.size();
  using no_promotion = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<double> boost_p(n), closed_p(n);
  const auto median_ms = [runs](auto&& pass) {
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      pass();
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
  };
  const double boost_ms = median_ms([&] {
    for (std::size_t i = 0; i < n; ++i)
      boost_p[i] = boost::math::cdf(boost::math::students_t_distribution<double, no_promotion>(df[i]), q[i]);
  });
  const double closed_ms = median_ms([&] {
    for (std::size_t i = 0; i < n; ++i) closed_p[i] = chitieu::student_t_cdf(q[i], df[i]);
  });
  double boost_sum = 0.0, closed_sum = 0.0, max_diff = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    boost_sum += boost_p[i];
    closed_sum += closed_p[i];
    max_diff = std::max(max_diff, std::abs(boost_p[i] - closed_p[i]));
  }
  std::printf(
      "{\"pairs\": %llu, \"runs\": %d, \"median_ms\": %.3f, \"closed_form_median_ms\": %.3f, "
      "\"sum\": %.6f, \"closed_form_sum\": %.6f, \"max_abs_difference\": %.3g}\n",
      static_cast<unsigned long long>(n), runs, boost_ms, closed_ms, boost_sum, closed_sum, max_diff);
  return 0;
}

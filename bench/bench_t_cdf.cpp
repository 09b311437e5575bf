// bench_t_cdf: the time Boost.Math's Student t distribution function takes on given (q, df)
// pairs — the p_meet calls of a review, written by bench/national/t_cdf_floor.py. Usage:
//   bench_t_cdf PAIRS.bin [RUNS]
// PAIRS.bin: a little-endian uint64 count n, then n doubles q, then n int32 degrees of freedom.
// Prints one JSON object: the pair count, the median milliseconds of one pass over all pairs on
// one thread (the call of projection.hpp: promote_double<false>), and the sum of the results.
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_t_cdf PAIRS.bin [RUNS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::uint64_t n = 0;
  if (!in.read(reinterpret_cast<char*>(&n), sizeof n)) throw std::runtime_error("cannot read the pair count");
  std::vector<double> q(n);
  std::vector<std::int32_t> df(n);
  in.read(reinterpret_cast<char*>(q.data()), static_cast<std::streamsize>(n * sizeof(double)));
  in.read(reinterpret_cast<char*>(df.data()), static_cast<std::streamsize>(n * sizeof(std::int32_t)));
  if (!in) throw std::runtime_error("truncated pairs file");
  using no_promotion = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> ms;
  double sum = 0.0;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      sum += boost::math::cdf(boost::math::students_t_distribution<double, no_promotion>(df[i]), q[i]);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("{\"pairs\": %llu, \"runs\": %d, \"median_ms\": %.3f, \"sum\": %.6f}\n",
              static_cast<unsigned long long>(n), runs, ms[ms.size() / 2], sum);
  return 0;
}

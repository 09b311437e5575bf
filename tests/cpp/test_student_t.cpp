#include <boost/test/unit_test.hpp>

#include <chitieu/student_t.hpp>

#include <boost/math/distributions/students_t.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace {

/// Dense, logarithmic, far-tail and random x for one df: both signs.
std::vector<double> grid(std::mt19937_64& rng) {
  std::vector<double> xs;
  for (int k = -2500; k <= 2500; ++k) xs.push_back(k * 0.02);  // −50 … 50 by 0.02
  for (int k = -600; k <= 600; ++k) {                          // 1e-6 … 1e6, 100 points a decade
    const double x = std::pow(10.0, k / 100.0);
    xs.push_back(x);
    xs.push_back(-x);
  }
  for (double x : {1e7, 1e8, 1e10, 1e15, 1e20, 1e50, 1e100, 1e150, 1e155, 1e200, 1e300,
                   std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity()}) {
    xs.push_back(x);
    xs.push_back(-x);
  }
  std::uniform_real_distribution<double> decade(-4.0, 6.0), sign(-1.0, 1.0);
  for (int k = 0; k < 2000; ++k) xs.push_back(std::copysign(std::pow(10.0, decade(rng)), sign(rng)));
  return xs;
}

struct errors {
  double absolute = 0.0;  ///< largest |ours − reference|
  double relative = 0.0;  ///< largest |ours − reference| / reference where it is < 1e-3 (normal numbers)
  int arbitrated = 0;     ///< points where Boost.Math in double was outside the bounds, decided at 50 digits
};

bool within(double ours, double reference, double& absolute, double& relative) {
  absolute = std::abs(ours - reference);
  relative = reference < 1e-3 && reference >= std::numeric_limits<double>::min() ? absolute / reference : 0.0;
  return absolute <= 1e-14 && relative <= 1e-12;
}

/// Compares with Boost.Math in double; where that is outside the bounds, Boost.Math in 50 digits
/// decides (Boost's double is itself about 1e-14 off at df = 1 near x = 1e-6).
template <class Precise>
void account(errors& e, double ours, double reference, Precise precise) {
  double absolute, relative;
  if (!within(ours, reference, absolute, relative)) {
    ++e.arbitrated;
    within(ours, precise(), absolute, relative);
  }
  e.absolute = std::max(e.absolute, absolute);
  e.relative = std::max(e.relative, relative);
}

using fifty_digits = boost::multiprecision::cpp_bin_float_50;

}  // namespace

BOOST_AUTO_TEST_CASE(closed_form_matches_boost_math_for_every_df_up_to_200) {
  std::mt19937_64 rng(20260415);
  errors worst;
  for (int df = 1; df <= 200; ++df) {
    const boost::math::students_t reference(df);
    const boost::math::students_t_distribution<fifty_digits> precise(df);
    errors e;
    for (double x : grid(rng)) {
      account(e, chitieu::student_t_cdf(x, df), boost::math::cdf(reference, x),
              [&] { return boost::math::cdf(precise, fifty_digits(x)).convert_to<double>(); });
      account(
          e, chitieu::student_t_upper(x, df), boost::math::cdf(boost::math::complement(reference, x)), [&] {
            return boost::math::cdf(boost::math::complement(precise, fifty_digits(x))).convert_to<double>();
          });
    }
    BOOST_TEST_INFO("df = " << df << ": absolute " << e.absolute << ", relative " << e.relative);
    BOOST_TEST((e.absolute <= 1e-14 && e.relative <= 1e-12));
    worst.absolute = std::max(worst.absolute, e.absolute);
    worst.relative = std::max(worst.relative, e.relative);
    worst.arbitrated += e.arbitrated;
  }
  BOOST_TEST_MESSAGE("df 1-200: largest absolute error "
                     << worst.absolute << ", largest relative error below 1e-3 " << worst.relative << "; "
                     << worst.arbitrated << " points decided by Boost.Math at 50 digits");
}

BOOST_AUTO_TEST_CASE(tails_are_exact_limits_and_nan_stays_nan) {
  const double inf = std::numeric_limits<double>::infinity();
  BOOST_TEST(chitieu::student_t_cdf(inf, 3) == 1.0);
  BOOST_TEST(chitieu::student_t_cdf(-inf, 3) == 0.0);
  BOOST_TEST(chitieu::student_t_cdf(0.0, 4) == 0.5);
  BOOST_TEST(std::isnan(chitieu::student_t_cdf(std::numeric_limits<double>::quiet_NaN(), 3)));
  // df = 1 is Cauchy: P(T ≤ −1) = 1/4; df = 2: P(T ≤ t) = ½(1 + t/√(2 + t²)), at t = 1: ½ + 1/(2√3).
  BOOST_TEST(chitieu::student_t_cdf(-1.0, 1) == 0.25, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(chitieu::student_t_cdf(1.0, 2) == 0.5 + 0.5 / std::sqrt(3.0),
             boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(fractional_and_large_df_use_boost_math) {
  using no_promotion = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  for (double df : {0.5, 2.5, 7.25, 201.0, 1000.0}) {
    const boost::math::students_t_distribution<double, no_promotion> reference(df);
    for (double x : {-30.0, -2.0, -0.1, 0.0, 0.7, 4.0}) {
      BOOST_TEST(chitieu::student_t_cdf(x, df) == boost::math::cdf(reference, x));
      BOOST_TEST(chitieu::student_t_upper(x, df) == boost::math::cdf(boost::math::complement(reference, x)));
    }
  }
}

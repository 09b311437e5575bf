#include <boost/test/unit_test.hpp>

#include <chitieu/plan_file.hpp>
#include <chitieu/plan_validate.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

using chitieu::aggregate_rule;
using chitieu::direction;
using chitieu::target_kind;
using chitieu::unit;

namespace {

constexpr double none = std::numeric_limits<double>::quiet_NaN();

std::string plan_path(const std::string& id) {
  return std::string(CHITIEU_SOURCE_DIR) + "/plans/" + id + ".toml";
}

/// The typed reading of one La Gi indicator, as docs/plan-format.md tabulates it.
struct reading {
  const char* id;
  target_kind kind;
  double lower;  // NaN: no bound
  bool lower_inclusive;
  double upper;  // NaN: no bound
  bool upper_inclusive;
  unit u;
  direction dir;
  aggregate_rule agg;
  bool aspirational;
};

using K = target_kind;
using U = unit;
using D = direction;
using A = aggregate_rule;

// Approx bands are x ± 1 % of x: 60 ± 0.6, 5 ± 0.05, 76.5 ± 0.765, 14.8 ± 0.148.
const reading la_gi[] = {
    {"income_per_capita", K::relative, 2.0, true, 2.6, true, U::money, D::higher, A::weighted_mean, false},
    {"unemployment_rate", K::threshold, none, true, 2.0, true, U::percent, D::lower, A::ratio, false},
    {"trained_labour", K::threshold, 80.0, false, none, true, U::percent, D::higher, A::ratio, false},
    {"trained_labour_certified", K::threshold, 40.0, true, none, true, U::percent, D::higher, A::ratio,
     false},
    {"new_jobs", K::cumulative, 13500.0, true, none, true, U::count, D::higher, A::sum, false},
    {"social_insurance", K::approx, 59.4, true, 60.6, true, U::percent, D::higher, A::ratio, true},
    {"social_insurance_voluntary", K::approx, 4.95, true, 5.05, true, U::percent, D::higher, A::ratio, true},
    {"unemployment_insurance", K::threshold, 47.0, true, none, true, U::percent, D::higher, A::ratio, true},
    {"pension_coverage", K::threshold, 60.0, true, none, true, U::percent, D::higher, A::ratio, true},
    {"social_assistance_households", K::threshold, 100.0, true, none, true, U::percent, D::higher, A::ratio,
     true},
    {"minimum_living_standard", K::qualitative, none, true, none, true, U::boolean, D::none, A::none, true},
    {"assistance_poor_households", K::qualitative, none, true, none, true, U::boolean, D::none, A::none,
     true},
    {"national_standard_schools", K::threshold, 65.11, true, none, true, U::percent, D::higher, A::ratio,
     false},
    {"preschool_universal", K::milestone, none, true, none, true, U::boolean, D::none, A::all, false},
    {"enrolment_primary", K::threshold, 97.5, false, none, true, U::percent, D::higher, A::ratio, false},
    {"enrolment_lower_secondary", K::threshold, 95.0, true, none, true, U::percent, D::higher, A::ratio,
     false},
    {"enrolment_upper_secondary", K::threshold, 75.0, true, none, true, U::percent, D::higher, A::ratio,
     false},
    {"life_expectancy", K::approx, 75.735, true, 77.265, true, U::years, D::higher, A::weighted_mean, false},
    {"healthy_life_years", K::threshold, 68.0, true, none, true, U::years, D::higher, A::weighted_mean,
     false},
    {"doctors_per_10k", K::range, 12.0, true, 15.0, true, U::per_10k, D::higher, A::ratio, true},
    {"hospital_beds_per_10k", K::threshold, 35.0, false, none, true, U::per_10k, D::higher, A::ratio, true},
    {"health_insurance", K::threshold, 95.0, false, none, true, U::percent, D::higher, A::ratio, true},
    {"primary_care_insured", K::threshold, 95.0, false, none, true, U::percent, D::higher, A::ratio, true},
    {"health_management", K::threshold, 95.0, false, none, true, U::percent, D::higher, A::ratio, true},
    {"immunisation", K::threshold, 95.0, false, none, true, U::percent, D::higher, A::ratio, true},
    {"child_stunting", K::threshold, none, true, 15.0, false, U::percent, D::lower, A::ratio, true},
    {"aids_ended", K::milestone, none, true, none, true, U::boolean, D::none, A::all, true},
    {"tb_ended", K::milestone, none, true, none, true, U::boolean, D::none, A::all, true},
    {"malaria_elimination", K::sustained, none, true, none, true, U::boolean, D::none, A::all, true},
    {"health_satisfaction", K::threshold, 95.0, true, none, true, U::percent, D::higher, A::weighted_mean,
     false},
    {"housing_floor_area", K::range, 30.0, true, 32.0, true, U::m2_per_person, D::higher, A::ratio, false},
    {"social_housing_projects", K::threshold, 4.0, true, none, true, U::count, D::higher, A::sum, true},
    {"social_housing_area", K::approx, 14.652, true, 14.948, true, U::hectares, D::higher, A::sum, true},
    {"hygienic_water", K::threshold, 100.0, true, none, true, U::percent, D::higher, A::ratio, true},
    {"clean_water", K::threshold, 98.0, true, none, true, U::percent, D::higher, A::ratio, true},
    {"hygienic_latrines", K::threshold, 100.0, true, none, true, U::percent, D::higher, A::ratio, true},
    {"rural_wastewater_collection", K::threshold, 25.0, true, none, true, U::percent, D::higher, A::ratio,
     true},
    {"household_wastewater_treatment", K::threshold, 60.0, true, none, true, U::percent, D::higher, A::ratio,
     true},
    {"urban_solid_waste", K::threshold, 96.0, true, none, true, U::percent, D::higher, A::ratio, false},
    {"regular_exercise", K::threshold, 45.0, false, none, true, U::percent, D::higher, A::ratio, false},
};

bool same_bound(const std::optional<double>& got, double want) {
  if (std::isnan(want)) return !got.has_value();
  return got.has_value() && std::abs(*got - want) < 1e-9;
}

}  // namespace

BOOST_AUTO_TEST_CASE(embedded_ids) {
  const std::vector<std::string> want{"binh-thuan-2024", "la-gi-2024", "nq-42-2023"};
  BOOST_TEST(chitieu::embedded_plan_ids() == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(embedded_equals_file_and_round_trips) {
  for (const auto& id : chitieu::embedded_plan_ids()) {
    BOOST_TEST_CONTEXT(id) {
      const auto embedded = chitieu::load_plan(id);
      BOOST_TEST(embedded.id == id);
      BOOST_TEST((embedded == chitieu::read_plan(plan_path(id))));
      BOOST_TEST((chitieu::load_plan(plan_path(id)) == embedded));  // a path loads the file
      BOOST_TEST((chitieu::parse_plan(chitieu::write_plan(embedded)) == embedded));
      BOOST_TEST(chitieu::plan_problems(embedded).empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_id_lists_the_embedded_plans) {
  try {
    chitieu::load_plan("la-gi-2025");
    BOOST_FAIL("accepted an unknown id");
  } catch (const chitieu::error& e) {
    BOOST_TEST(e.file() == "la-gi-2025");
    BOOST_TEST(e.message().find("embedded plans: binh-thuan-2024, la-gi-2024, nq-42-2023") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(la_gi_metadata) {
  const auto p = chitieu::load_plan("la-gi-2024");
  BOOST_TEST(p.area == "la-gi");
  BOOST_TEST(p.parent == "binh-thuan-2024");
  BOOST_TEST(p.issuer == "Ban Chấp hành Đảng bộ thị xã La Gi (khóa XI)");
  BOOST_TEST(p.baseline_year == 2020);
  BOOST_TEST(p.target_year == 2030);
  BOOST_TEST(p.adopted.empty());  // the OCR text lost the date; see docs/plan-format.md
  BOOST_TEST(p.source ==
             "Kế hoạch thực hiện Chương trình hành động số 81-CTr/TU của Thị ủy La Gi (2024), mục II.1 "
             "\"Các chỉ tiêu chủ yếu đến năm 2030\"");
  BOOST_TEST(p.domains.size() == 7u);
}

BOOST_AUTO_TEST_CASE(la_gi_typed_readings) {
  const auto p = chitieu::load_plan("la-gi-2024");
  BOOST_TEST_REQUIRE(p.indicators.size() == std::size(la_gi));  // 38 rows, row 27 and row 31 split: 40
  BOOST_TEST(p.indicators.size() == 40u);
  for (std::size_t k = 0; k < std::size(la_gi); ++k) {
    const reading& r = la_gi[k];
    const auto& i = p.indicators[k];
    BOOST_TEST_CONTEXT(r.id) {
      BOOST_TEST(i.id == r.id);
      BOOST_TEST(to_string(i.target.kind) == to_string(r.kind));
      BOOST_TEST(same_bound(i.target.lower, r.lower));
      BOOST_TEST(same_bound(i.target.upper, r.upper));
      if (i.target.lower) BOOST_TEST(i.target.lower_inclusive == r.lower_inclusive);
      if (i.target.upper) BOOST_TEST(i.target.upper_inclusive == r.upper_inclusive);
      BOOST_TEST(to_string(i.unit) == to_string(r.u));
      BOOST_TEST(to_string(i.target.dir) == to_string(r.dir));
      BOOST_TEST(to_string(i.aggregate) == to_string(r.agg));
      BOOST_TEST(i.target.aspirational == r.aspirational);
      BOOST_TEST(!i.text.empty());
      // the document, section II.1 and the bullet (ý 1 … ý 8): no file name
      BOOST_TEST(i.source.rfind("Kế hoạch thực hiện Chương trình hành động số 81-CTr/TU của Thị ủy La Gi "
                                "(2024), mục II.1, ý ",
                                0) == 0u);
      if (i.aggregate == aggregate_rule::ratio) {
        BOOST_TEST(!i.numerator.empty());
        BOOST_TEST(!i.denominator.empty());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(la_gi_counts) {
  const auto p = chitieu::load_plan("la-gi-2024");
  std::map<std::string, int> kinds;
  int aspirational = 0;
  for (const auto& i : p.indicators) {
    ++kinds[std::string(to_string(i.target.kind))];
    aspirational += i.target.aspirational ? 1 : 0;
  }
  BOOST_TEST(kinds["threshold"] == 26);
  BOOST_TEST(kinds["approx"] == 4);
  BOOST_TEST(kinds["range"] == 2);
  BOOST_TEST(kinds["relative"] == 1);
  BOOST_TEST(kinds["cumulative"] == 1);
  BOOST_TEST(kinds["milestone"] == 3);
  BOOST_TEST(kinds["sustained"] == 1);
  BOOST_TEST(kinds["qualitative"] == 2);
  // "Phấn đấu" sentences: social security 7 + health 10 + housing projects 2 + water 5 = 24
  BOOST_TEST(aspirational == 24);
}

BOOST_AUTO_TEST_CASE(la_gi_special_readings) {
  const auto p = chitieu::load_plan("la-gi-2024");
  auto get = [&](const std::string& id) -> const chitieu::indicator& {
    for (const auto& i : p.indicators)
      if (i.id == id) return i;
    throw std::logic_error(id);
  };
  BOOST_TEST(*get("income_per_capita").target.base_year == 2020);
  BOOST_TEST(to_string(get("income_per_capita").trend) == "compound");
  BOOST_TEST(get("new_jobs").target.period->first == 2026);
  BOOST_TEST(get("new_jobs").target.period->second == 2030);
  BOOST_TEST(get("trained_labour_certified").part_of == "trained_labour");
  BOOST_TEST(get("social_insurance_voluntary").part_of == "social_insurance");
  BOOST_TEST(get("social_insurance_voluntary").denominator == get("social_insurance").denominator);
  BOOST_TEST(get("aids_ended").text == get("tb_ended").text);  // one phrase of the plan, two milestones
}

BOOST_AUTO_TEST_CASE(cascade_links_resolve) {
  std::map<std::string, chitieu::plan> plans;
  for (const auto& id : chitieu::embedded_plan_ids()) plans.emplace(id, chitieu::load_plan(id));
  BOOST_TEST(plans.at("la-gi-2024").parent == "binh-thuan-2024");
  BOOST_TEST(plans.at("binh-thuan-2024").parent == "nq-42-2023");
  BOOST_TEST(plans.at("nq-42-2023").parent.empty());
  int links = 0;
  for (const auto& [id, p] : plans) {
    for (const auto& i : p.indicators) {
      for (const auto& a : i.aligns_with) {
        BOOST_TEST_CONTEXT(id << "/" << i.id << " -> " << a) {
          const auto slash = a.find('/');
          const auto& other = plans.at(a.substr(0, slash));
          const chitieu::indicator* match = nullptr;
          for (const auto& j : other.indicators)
            if (j.id == a.substr(slash + 1)) match = &j;
          BOOST_TEST_REQUIRE(match != nullptr);
          BOOST_TEST(to_string(match->unit) == to_string(i.unit));
          BOOST_TEST(to_string(match->target.dir) == to_string(i.target.dir));
          ++links;
        }
      }
    }
  }
  BOOST_TEST(links == 12);  // La Gi 11 (social insurance has two), Bình Thuận 1
}

#include "report.hpp"

#include <chitieu/date.hpp>
#include <chitieu/plan_file.hpp>

#include <cmath>
#include <cstdio>

namespace report {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

chitieu::review_result run(const request& r, chitieu::plan& plan, const chitieu::csv_options& csv) {
  plan = chitieu::load_plan(r.plan);
  const chitieu::observations_file obs = chitieu::read_observations(r.data, csv);
  if (!r.areas) return chitieu::review(plan, obs);
  const chitieu::area_table areas = chitieu::read_areas(*r.areas, csv);
  chitieu::review_options options;
  options.with_areas(areas);
  if (r.geography) options.with_geography(chitieu::parse_date(*r.geography));
  if (!r.crosswalk) return chitieu::review(plan, obs, options);
  const chitieu::crosswalk cw = chitieu::read_crosswalk(*r.crosswalk, areas, csv);
  return chitieu::review(plan, obs, options.with_crosswalk(cw));
}

void write_json(std::ostream& out, const chitieu::plan& plan, const chitieu::review_result& result) {
  out << "{\"plan\": " << quoted(plan.id) << ",\n \"rows\": [";
  const chitieu::evaluation& ev = result.evaluation;
  for (std::size_t r = 0; r < ev.size(); ++r) {
    const chitieu::evaluation_row row = ev.row(r);
    out << (r ? ",\n  " : "\n  ") << "{\"indicator\": " << quoted(row.indicator())
        << ", \"area\": " << quoted(row.area()) << ", \"year\": " << row.year()
        << ", \"value\": " << number(row.value()) << ", \"assessed\": " << number(row.assessed())
        << ", \"status\": " << quoted(std::string(chitieu::to_string(row.status())))
        << ", \"margin\": " << number(row.margin()) << ", \"baseline\": " << number(row.baseline())
        << ", \"progress\": " << number(row.progress()) << ", \"elapsed\": " << number(row.elapsed())
        << ", \"pace\": " << quoted(std::string(chitieu::to_string(row.pace())))
        << ", \"projected\": " << number(row.projected()) << ", \"p_meet\": " << number(row.p_meet())
        << ", \"coverage\": " << number(row.coverage()) << "}";
  }
  out << "],\n \"findings\": [";
  for (std::size_t f = 0; f < result.findings.size(); ++f) {
    const chitieu::finding& x = result.findings[f];
    out << (f ? ",\n  " : "\n  ") << "{\"kind\": " << quoted(std::string(chitieu::to_string(x.kind)))
        << ", \"indicator\": " << quoted(x.indicator) << ", \"area\": " << quoted(x.area)
        << ", \"year\": " << x.year << ", \"message\": " << quoted(x.message) << "}";
  }
  out << "]}\n";
}

}  // namespace report

// Writing plans as TOML in the layout of plans/*.toml; parse_plan reads it back to the same plan.
#include <chitieu/plan_file.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace chitieu {

namespace {

/// A TOML basic string: quotes, backslashes and control characters escaped, UTF-8 kept.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (const auto u = static_cast<unsigned char>(c); u < 0x20 || u == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(u));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

/// The shortest decimal that reads back to exactly `v`, always written as a TOML float.
std::string float_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string localized_text(const localized& l) {
  return "{ vi = " + quoted(l.vi) + ", en = " + quoted(l.en) + " }";
}

void line(std::ostringstream& out, const char* key, const std::string& value) {
  out << key << " = " << value << '\n';
}

void text_line(std::ostringstream& out, const char* key, const std::string& value) {
  if (!value.empty()) line(out, key, quoted(value));
}

}  // namespace

std::string write_plan(const plan& p) {
  std::ostringstream out;
  out << "schema = 1\n\n[plan]\n";
  line(out, "id", quoted(p.id));
  line(out, "title", localized_text(p.title));
  text_line(out, "issuer", p.issuer);
  text_line(out, "area", p.area);
  if (!p.adopted.empty()) line(out, "adopted", p.adopted);
  line(out, "baseline_year", std::to_string(p.baseline_year));
  line(out, "target_year", std::to_string(p.target_year));
  text_line(out, "parent", p.parent);
  text_line(out, "source", p.source);

  for (const auto& d : p.domains) {
    out << "\n[[domains]]\n";
    line(out, "id", quoted(d.id));
    line(out, "name", localized_text(d.name));
  }
  for (const auto& i : p.indicators) {
    out << "\n[[indicators]]\n";
    line(out, "id", quoted(i.id));
    line(out, "domain", quoted(i.domain));
    line(out, "name", localized_text(i.name));
    line(out, "unit", quoted(std::string(to_string(i.unit))));
    line(out, "direction", quoted(std::string(to_string(i.dir))));
    line(out, "target", quoted(i.target_phrase));
    if (i.tolerance) line(out, "tolerance", float_text(*i.tolerance));
    if (i.baseline_year) line(out, "baseline_year", std::to_string(*i.baseline_year));
    if (i.target_year) line(out, "target_year", std::to_string(*i.target_year));
    if (i.period)
      line(out, "period", "[" + std::to_string(i.period->first) + ", " + std::to_string(i.period->second) + "]");
    if (i.trend != trend::linear) line(out, "trend", quoted(std::string(to_string(i.trend))));
    if (i.change) line(out, "change", quoted(std::string(to_string(*i.change))));
    line(out, "aggregate", quoted(std::string(to_string(i.aggregate))));
    if (i.min_coverage != 1.0) line(out, "min_coverage", float_text(i.min_coverage));
    text_line(out, "part_of", i.part_of);
    if (i.aspirational) line(out, "aspirational", "true");
    text_line(out, "numerator", i.numerator);
    text_line(out, "denominator", i.denominator);
    if (!i.aligns_with.empty()) {
      std::string list;
      for (const auto& a : i.aligns_with) list += (list.empty() ? "" : ", ") + quoted(a);
      line(out, "aligns_with", "[" + list + "]");
    }
    text_line(out, "source", i.source);
    text_line(out, "text", i.text);
  }
  return out.str();
}

}  // namespace chitieu

// Writing plans as TOML in the layout of plans/*.toml; parse_plan reads it back to the same plan.
#include <chitieu/plan_fields.hpp>
#include <chitieu/plan_file.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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

/// The TOML text of a value, by its type.
std::string value_text(const field_key& f, const std::string& v) {
  return f.format == field_format::date ? v : quoted(v);
}
std::string value_text(const field_key&, const localized& l) {
  return "{ vi = " + quoted(l.vi) + ", en = " + quoted(l.en) + " }";
}
std::string value_text(const field_key&, int v) { return std::to_string(v); }
std::string value_text(const field_key&, double v) { return float_text(v); }
std::string value_text(const field_key&, bool v) { return v ? "true" : "false"; }
std::string value_text(const field_key&, const std::pair<int, int>& v) {
  return "[" + std::to_string(v.first) + ", " + std::to_string(v.second) + "]";
}
std::string value_text(const field_key&, const std::vector<std::string>& v) {
  std::string list;
  for (const auto& s : v) list += (list.empty() ? "" : ", ") + quoted(s);
  return "[" + list + "]";
}
template <class E, if_enum_table<E> = 0>
std::string value_text(const field_key&, E v) {
  return quoted(std::string(to_string(v)));
}
template <class T>
std::string value_text(const field_key& f, const std::optional<T>& v) {
  return value_text(f, *v);  // only called when v holds a value
}

/// Writes `key = value` for every field of an entity: required fields always, the others when
/// they differ from a default-constructed entity's (an empty text, an absent year, linear, ...).
template <class Fields, class Entity>
void write_fields(std::ostringstream& out, const Fields& fields, const Entity& e) {
  static const Entity defaults{};
  for_each_field(fields, [&](const auto& f) {
    if (f.required || !(f.get(e) == f.get(defaults)))
      out << f.key << " = " << value_text(f, f.get(e)) << '\n';
  });
}

}  // namespace

std::string write_plan(const plan& p) {
  std::ostringstream out;
  out << "schema = 1\n\n[plan]\n";
  write_fields(out, plan_fields, p);
  for (const auto& d : p.domains) {
    out << "\n[[domains]]\n";
    write_fields(out, domain_fields, d);
  }
  for (const auto& i : p.indicators) {
    out << "\n[[indicators]]\n";
    write_fields(out, indicator_fields, i);
  }
  return out.str();
}

}  // namespace chitieu

/// @file plan_fields.hpp
/// @brief The one description of the fields of plans, domains and indicators: each field's key
/// (in plan files, in the plan JSON and as a Python property), whether a file must give it, a
/// hint for messages, and where it is stored. The plan-file reader and writer, equality and the
/// Python bindings iterate these tables (docs/development.md "The data model").
///
/// Adding a field is one member in plan.hpp and one row here; a member of a new type needs one
/// overload in the reader, the writer and the bindings.
#pragma once

#include <tuple>
#include <utility>

namespace chitieu {

/// How a string field is written in a plan file.
enum class field_format {
  text,  ///< a TOML string
  date   ///< a TOML date (no quotes), stored as its ISO text
};

/// What the reader and writer need to know of a field besides where it is stored.
struct field_key {
  const char* key;      ///< key in plan files and the plan JSON, name of the Python property
  bool required;        ///< a plan file must give it (and the writer always writes it)
  const char* hint;     ///< what a value looks like, for messages; may be empty
  field_format format;  ///< how a string is written
};

/// One field of an entity: its key and its accessor.
template <class Get>
struct field : field_key {
  Get get;  ///< get(entity) is a reference to the stored value
};

/// Builds a field (deducing the accessor's type).
template <class Get>
constexpr field<Get> make_field(const char* key, bool required, const char* hint, Get get,
                                field_format format = field_format::text) {
  return {{key, required, hint, format}, get};
}

/// Calls f(field) for every field of a table, in table order (the order of the keys in a file).
template <class Table, class F>
constexpr void for_each_field(const Table& table, F&& f) {
  std::apply([&f](const auto&... each) { (f(each), ...); }, table);
}

/// True when a and b agree in every field of the table.
template <class Table, class T>
bool fields_equal(const Table& table, const T& a, const T& b) {
  bool equal = true;
  for_each_field(table, [&](const auto& f) { equal = equal && f.get(a) == f.get(b); });
  return equal;
}

/// The fields of [plan] (the domains and indicators are arrays of their own).
// clang-format off
inline constexpr auto plan_fields = std::make_tuple(
    make_field("id", true, "the plan id, e.g. \"la-gi-2024\"", [](auto& p) -> auto& { return p.id; }),
    make_field("title", true, "", [](auto& p) -> auto& { return p.title; }),
    make_field("issuer", false, "", [](auto& p) -> auto& { return p.issuer; }),
    make_field("area", false, "an area id", [](auto& p) -> auto& { return p.area; }),
    make_field("adopted", false, "a TOML date such as 2024-07-01 (no quotes)",
               [](auto& p) -> auto& { return p.adopted; }, field_format::date),
    make_field("baseline_year", true, "", [](auto& p) -> auto& { return p.baseline_year; }),
    make_field("target_year", true, "", [](auto& p) -> auto& { return p.target_year; }),
    make_field("parent", false, "a plan id", [](auto& p) -> auto& { return p.parent; }),
    make_field("source", false, "", [](auto& p) -> auto& { return p.source; }));

/// The fields of a [[domains]] entry.
inline constexpr auto domain_fields = std::make_tuple(
    make_field("id", true, "a domain id such as \"health\"", [](auto& d) -> auto& { return d.id; }),
    make_field("name", true, "", [](auto& d) -> auto& { return d.name; }));

/// The fields of an [[indicators]] entry. `target` is the phrase; direction, tolerance, period and
/// aspirational are stored once, in the parsed target, which the reader builds from them.
inline constexpr auto indicator_fields = std::make_tuple(
    make_field("id", true, "an indicator id such as \"health_insurance\"", [](auto& i) -> auto& { return i.id; }),
    make_field("domain", true, "the id of one of the plan's [[domains]]", [](auto& i) -> auto& { return i.domain; }),
    make_field("name", true, "", [](auto& i) -> auto& { return i.name; }),
    make_field("unit", true, "", [](auto& i) -> auto& { return i.unit; }),
    make_field("unit_text", false, "the unit in words with its scale, such as { vi = \"triệu đồng\", en = \"million VND\" }",
               [](auto& i) -> auto& { return i.unit_text; }),
    make_field("direction", true, "", [](auto& i) -> auto& { return i.target.dir; }),
    make_field("target", true, "a target phrase such as \"trên 95%\"", [](auto& i) -> auto& { return i.target_phrase; }),
    make_field("tolerance", false, "", [](auto& i) -> auto& { return i.target.tolerance; }),
    make_field("baseline_year", false, "", [](auto& i) -> auto& { return i.baseline_year; }),
    make_field("target_year", false, "", [](auto& i) -> auto& { return i.target_year; }),
    make_field("period", false, "", [](auto& i) -> auto& { return i.target.period; }),
    make_field("trend", false, "", [](auto& i) -> auto& { return i.trend; }),
    make_field("change", false, "", [](auto& i) -> auto& { return i.change; }),
    make_field("aggregate", true, "", [](auto& i) -> auto& { return i.aggregate; }),
    make_field("min_coverage", false, "", [](auto& i) -> auto& { return i.min_coverage; }),
    make_field("part_of", false, "the id of the whole", [](auto& i) -> auto& { return i.part_of; }),
    make_field("aspirational", false, "", [](auto& i) -> auto& { return i.target.aspirational; }),
    make_field("numerator", false, "", [](auto& i) -> auto& { return i.numerator; }),
    make_field("denominator", false, "", [](auto& i) -> auto& { return i.denominator; }),
    make_field("aligns_with", false, "\"plan-id/indicator-id\" string", [](auto& i) -> auto& { return i.aligns_with; }),
    make_field("source", false, "", [](auto& i) -> auto& { return i.source; }),
    make_field("text", false, "", [](auto& i) -> auto& { return i.text; }));
// clang-format on

}  // namespace chitieu

/// @file enum_table.hpp
/// @brief One table per enum (value, name, Vietnamese and English label) from which parsing,
/// formatting, the value lists and the Python bindings follow (docs/development.md "Enums").
///
/// An enum joins by specialising `enum_table<E>` next to its declaration, with `noun` (how
/// messages name it, e.g. "aggregate rule") and `entries` in declaration order. Adding a value is
/// then one enumerator and one table row: `to_string`, `enum_from_string`, `enum_values`, the
/// labels and `chitieu._core.enum_table()` pick it up.
#pragma once

#include <chitieu/error.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace chitieu {

/// One row of an enum's table.
template <class E>
struct enum_entry {
  E value;                ///< the enumerator
  std::string_view name;  ///< its name in files, columns and Python ("not_met")
  std::string_view vi;    ///< its Vietnamese label ("Không đạt")
  std::string_view en;    ///< its English label ("Not met")
};

/// The table of enum `E`; specialised next to each enum with `noun` and `entries`.
template <class E>
struct enum_table;

namespace detail {
/// True when `enum_table<E>` is specialised.
template <class E, class = void>
struct has_enum_table : std::false_type {};
/// True when `enum_table<E>` is specialised.
template <class E>
struct has_enum_table<E, std::void_t<decltype(enum_table<E>::entries)>> : std::true_type {};

/// True when row k of E's table holds the enumerator whose code is k.
template <class E>
constexpr bool rows_in_declaration_order() noexcept {
  const auto& rows = enum_table<E>::entries;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (static_cast<std::size_t>(rows[k].value) != k) return false;
  return true;
}

/// The enumerators of E's rows k...
template <class E, std::size_t... k>
constexpr std::array<E, sizeof...(k)> values_of_rows(std::index_sequence<k...>) noexcept {
  return {enum_table<E>::entries[k].value...};
}
}  // namespace detail

/// Enables a function for enums with a table.
template <class E>
using if_enum_table = std::enable_if_t<detail::has_enum_table<E>::value, int>;

/// The table row of a value.
template <class E, if_enum_table<E> = 0>
constexpr const enum_entry<E>& enum_row(E v) noexcept {
  static_assert(detail::rows_in_declaration_order<E>(), "enum_table rows must follow the declaration order");
  return enum_table<E>::entries[static_cast<std::size_t>(v)];
}

/// The name of a value as written in files, columns and Python ("percent", "not_met", ...).
template <class E, if_enum_table<E> = 0>
constexpr std::string_view to_string(E v) noexcept {
  return enum_row(v).name;
}

/// The Vietnamese label of a value ("Đạt", "Không đạt", ...).
template <class E, if_enum_table<E> = 0>
constexpr std::string_view label_vi(E v) noexcept {
  return enum_row(v).vi;
}

/// The English label of a value ("Met", "Not met", ...).
template <class E, if_enum_table<E> = 0>
constexpr std::string_view label_en(E v) noexcept {
  return enum_row(v).en;
}

/// Every value of E, in declaration order (the order of the integer codes).
template <class E, if_enum_table<E> = 0>
constexpr auto enum_values() noexcept {
  return detail::values_of_rows<E>(std::make_index_sequence<enum_table<E>::entries.size()>{});
}

/// The names of E's values as a list for messages: "higher, lower or none".
template <class E, if_enum_table<E> = 0>
std::string enum_names_text() {
  const auto& rows = enum_table<E>::entries;
  std::string out;
  for (std::size_t k = 0; k < rows.size(); ++k)
    out += (k == 0 ? "" : k + 1 == rows.size() ? " or " : ", ") + std::string(rows[k].name);
  return out;
}

/// Parses a name; throws chitieu::error "unknown <noun> '<name>'; expected …" otherwise.
template <class E, if_enum_table<E> = 0>
E enum_from_string(std::string_view name) {
  for (const auto& row : enum_table<E>::entries)
    if (row.name == name) return row.value;
  throw error("unknown " + std::string(enum_table<E>::noun) + " '" + std::string(name) + "'; expected " +
              enum_names_text<E>());
}

}  // namespace chitieu

// Official codes resolved by year, and the area checks of observations.
#include <chitieu/area_codes.hpp>

#include <chitieu/panel_index.hpp>

#include "detail/area_periods.hpp"
#include "detail/areas_combine.hpp"
#include "detail/parallel.hpp"
#include "detail/row_label.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

namespace chitieu {

namespace {

constexpr const char* code_option = "area_key=\"code\" (CLI: --area-key code)";

/// Quoted ids of the rows of `areas` at `rows`, joined with ", ".
std::string quoted_ids(const area_table& areas, const std::vector<std::size_t>& rows) {
  std::string out;
  for (const std::size_t i : rows) out += (out.empty() ? "'" : ", '") + areas.areas()[i].id + "'";
  return out;
}

/// "valid <from> to <to>" of an area.
std::string validity(const area& a) {
  return "valid " + (a.valid_from ? a.valid_from->iso() : std::string("open")) + " to " +
         (a.valid_to ? a.valid_to->iso() : std::string("open"));
}

/// The rows of `areas` whose `field` equals `text`.
template <class Field>
std::vector<std::size_t> rows_where(const area_table& areas, const std::string& text, Field field) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < areas.areas().size(); ++i)
    if (field(areas.areas()[i]) == text) out.push_back(i);
  return out;
}

/// Why `code` resolves to no unit or to several in `year`, or empty with `id` set.
std::string resolve(const area_table& areas, const std::string& code, int year, std::string& id) {
  const date day = year_end(year);
  const auto holders = rows_where(areas, code, [](const area& a) -> const std::string& { return a.code; });
  std::vector<std::size_t> then;
  for (const std::size_t i : holders)
    if (areas.areas()[i].valid_on(day)) then.push_back(i);
  if (then.size() == 1) {
    id = areas.areas()[then.front()].id;
    return {};
  }
  const std::string in = " on 31 December " + std::to_string(year);
  if (then.size() > 1)
    return "code '" + code + "' is held by " + quoted_ids(areas, then) + in +
           "; give those units distinct codes (or their validity dates) in the area table";
  if (!holders.empty()) {
    std::string which;
    for (const std::size_t i : holders)
      which += (which.empty() ? "" : "; ") + ("'" + areas.areas()[i].id + "' " + validity(areas.areas()[i]));
    return "no unit holds code '" + code + "'" + in + " (it is the code of " + which +
           "); give the code of a unit of " + std::to_string(year);
  }
  std::string out = "no unit of the area table has code '" + code + "'";
  if (areas.contains(code))
    out += "; '" + code + "' is an id of the table: name areas by id (leave out " + code_option + ")";
  else if (const auto named =
               rows_where(areas, code, [](const area& a) -> const std::string& { return a.name; });
           !named.empty())
    out += "; '" + code + "' is the name of " + quoted_ids(areas, named) + ": give its code instead";
  else
    out += "; expected an official code of the area table";
  return out + (areas.source().empty() ? std::string() : " (" + areas.source() + ")");
}

/// The hint for an area id unknown to `areas` that is a code or a name of the table.
std::string id_hint(const area_table& areas, const std::string& text) {
  if (const auto coded = rows_where(areas, text, [](const area& a) -> const std::string& { return a.code; });
      !coded.empty())
    return "; '" + text + "' is the official code of " + quoted_ids(areas, coded) +
           ": to name areas by code, use " + code_option;
  if (const auto named = rows_where(areas, text, [](const area& a) -> const std::string& { return a.name; });
      !named.empty())
    return "; '" + text + "' is the name of " + quoted_ids(areas, named) + ": give its id";
  return {};
}

std::uint64_t pair_key(std::int32_t code, std::int32_t year) noexcept {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(code)) << 32) |
         static_cast<std::uint32_t>(year);
}

}  // namespace

std::string unit_of_code(const area_table& areas, const std::string& code, int year) {
  std::string id;
  if (std::string why = resolve(areas, code, year, id); !why.empty()) throw error(why, {}, 0, "area");
  return id;
}

namespace {

/// Resolves every row of a code-keyed panel: the new dictionary and per-row codes, or problems.
struct resolution {
  std::vector<std::string> ids;
  std::vector<std::int32_t> rows;
  std::vector<error> problems;
};

resolution resolve_panel(const panel& obs, const area_table& areas) {
  resolution out;
  out.rows.resize(obs.size());
  std::unordered_map<std::uint64_t, std::int32_t> pairs;  // (code, year) → new code, -1: unresolved
  std::unordered_map<std::string, std::int32_t> new_code;
  std::unordered_map<std::uint64_t, std::string> why_of;
  for (std::size_t r = 0; r < obs.size(); ++r) {
    const auto key = pair_key(obs.area[r], obs.year[r]);
    auto it = pairs.find(key);
    if (it == pairs.end()) {
      std::string id;
      std::string why = resolve(areas, obs.area_ids[static_cast<std::size_t>(obs.area[r])], obs.year[r], id);
      std::int32_t c = -1;
      if (why.empty()) {
        const auto [at, fresh] = new_code.emplace(id, static_cast<std::int32_t>(out.ids.size()));
        if (fresh) out.ids.push_back(id);
        c = at->second;
      } else {
        why_of.emplace(key, std::move(why));
      }
      it = pairs.emplace(key, c).first;
    }
    out.rows[r] = it->second;
    if (it->second < 0)
      out.problems.emplace_back(detail::row_label(obs, r) + ": " + why_of.at(key), std::string{},
                                static_cast<long>(r + 1), "area");
  }
  return out;
}

}  // namespace

std::vector<error> area_code_problems(const panel& obs, const area_table& areas) {
  check_panel_shape(obs);
  return resolve_panel(obs, areas).problems;
}

void resolve_area_codes(panel& obs, const area_table& areas) {
  check_panel_shape(obs);
  resolution res = resolve_panel(obs, areas);
  throw_first_problem(res.problems);
  obs.area_ids = std::move(res.ids);
  obs.area = std::move(res.rows);
}

std::vector<error> observation_area_problems(const panel& obs, const area_table& areas) {
  // Per area code (not per row): known or not, and the years whose 31 December it is valid on.
  std::vector<std::pair<int, int>> span(obs.area_ids.size(), {1, 0});  // empty: unknown
  std::vector<char> known(obs.area_ids.size(), 0);
  for (std::size_t c = 0; c < obs.area_ids.size(); ++c)
    if (areas.contains(obs.area_ids[c])) {
      known[c] = 1;
      span[c] = detail::year_end_span(areas.at(obs.area_ids[c]));
    }
  return detail::collect_over_rows<error>(obs.size(), [&](std::size_t r, std::vector<error>& out) {
    const auto c = static_cast<std::size_t>(obs.area[r]);
    if (known[c] && obs.year[r] >= span[c].first && obs.year[r] <= span[c].second) return;
    const std::string& id = obs.area_ids[c];
    const long line = static_cast<long>(r + 1);
    if (!known[c]) {
      out.emplace_back(
          detail::row_label(obs, r) + ": unknown area '" + id + "'; expected an id of the area table" +
              (areas.source().empty() ? std::string() : " (" + areas.source() + ")") + id_hint(areas, id),
          std::string{}, line, "area");
      return;
    }
    out.emplace_back(detail::row_label(obs, r) + ": area '" + id + "' is not a unit of " +
                         std::to_string(obs.year[r]) + " (" + validity(areas.at(id)) +
                         "; the units of a year are those valid on its 31 December)",
                     std::string{}, line, "area");
  });
}

}  // namespace chitieu

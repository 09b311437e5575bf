// A plan restricted to some of its indicators.
#include <chitieu/plan_select.hpp>

#include <chitieu/error.hpp>

#include "detail/plan_lookup.hpp"

#include <set>

namespace chitieu {

plan select_indicators(const plan& p, const std::vector<std::string>& ids) {
  if (ids.empty())
    throw error("no indicator chosen; name at least one indicator of plan '" + p.id + "'", {}, 0,
                "indicators");
  const std::set<std::string> chosen(ids.begin(), ids.end());
  std::set<std::string> known;
  for (const indicator& i : p.indicators) known.insert(i.id);
  for (const std::string& id : ids)
    if (known.count(id) == 0) throw error(detail::unknown_indicator_message(p, id), {}, 0, "indicators");
  plan out = p;
  out.indicators.clear();
  std::set<std::string> domains;
  for (const indicator& i : p.indicators) {
    if (chosen.count(i.id) == 0) continue;
    if (!i.part_of.empty() && chosen.count(i.part_of) == 0)
      throw error("indicator '" + i.id + "' is part of '" + i.part_of + "'; choose '" + i.part_of +
                      "' too (a part is checked against its whole)",
                  {}, 0, "indicators");
    out.indicators.push_back(i);
    domains.insert(i.domain);
  }
  out.domains.clear();
  for (const domain& d : p.domains)
    if (domains.count(d.id) != 0) out.domains.push_back(d);
  return out;
}

}  // namespace chitieu

// Areas and crosswalk links from columns of text: the date rule of the area and crosswalk files.
#include <chitieu/area_columns.hpp>

#include <chitieu/date.hpp>
#include <chitieu/error.hpp>

#include <optional>
#include <stdexcept>

namespace chitieu {
namespace {

void same_length(std::size_t n, std::size_t m, const char* what) {
  if (n != m)
    throw error(std::string(what) + " has " + std::to_string(m) + " entries but ids has " +
                    std::to_string(n) + "; give one entry per row",
                {}, 0, what);
}

/// The date of `text`, or chitieu::error at data row `row` (0-based), field `field`.
date cell_date(const std::string& text, const std::string& source, std::size_t row, const char* field) {
  try {
    return parse_date(text);
  } catch (const std::invalid_argument& e) {
    throw error(e.what(), source, static_cast<long>(row + 1), field);
  }
}

/// As cell_date, an empty cell being an open end (nothing).
std::optional<date> open_date(const std::string& text, const std::string& source, std::size_t row,
                              const char* field) {
  if (text.empty()) return std::nullopt;
  return cell_date(text, source, row, field);
}

}  // namespace

std::vector<area> make_areas(const std::vector<std::string>& ids, const std::vector<std::string>& codes,
                             const std::vector<std::string>& names, const std::vector<std::string>& levels,
                             const std::vector<std::string>& parents,
                             const std::vector<std::string>& valid_from,
                             const std::vector<std::string>& valid_to, const std::string& source) {
  const std::size_t n = ids.size();
  same_length(n, codes.size(), "codes");
  same_length(n, names.size(), "names");
  same_length(n, levels.size(), "levels");
  same_length(n, parents.size(), "parents");
  same_length(n, valid_from.size(), "valid_from");
  same_length(n, valid_to.size(), "valid_to");
  std::vector<area> out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = area{ids[i],
                  codes[i],
                  names[i],
                  levels[i],
                  parents[i],
                  open_date(valid_from[i], source, i, "valid_from"),
                  open_date(valid_to[i], source, i, "valid_to")};
  return out;
}

std::vector<crosswalk_link> make_links(const std::vector<std::string>& froms,
                                       const std::vector<std::string>& tos, const std::vector<double>& shares,
                                       const std::vector<std::string>& dates, const std::string& source) {
  same_length(froms.size(), tos.size(), "tos");
  same_length(froms.size(), shares.size(), "shares");
  same_length(froms.size(), dates.size(), "dates");
  std::vector<crosswalk_link> out(froms.size());
  for (std::size_t i = 0; i < froms.size(); ++i)
    out[i] = crosswalk_link{froms[i], tos[i], shares[i], cell_date(dates[i], source, i, "date")};
  return out;
}

}  // namespace chitieu

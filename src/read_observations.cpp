// read_observations(): the observation CSV file into a panel, with each row's line.
#include <chitieu/csv_files.hpp>

#include "csv_table.hpp"
#include "detail/text_dictionary.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace chitieu {
namespace {

const std::vector<std::string> number_columns = {"year", "value", "numerator", "denominator", "weight", "se"};

/// Dictionary codes of an id column (ids numbered in order of first appearance); chitieu::error
/// at the first empty id.
std::vector<std::int32_t> codes(const detail::csv_table& table, const std::string& name,
                                std::vector<std::string>& dictionary) {
  std::vector<std::int32_t> out;
  out.reserve(table.rows.size());
  detail::text_dictionary seen;
  const std::size_t c = *table.column(name);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string& id = table.rows[r][c];
    if (id.empty())
      throw error("empty cell; every row needs an indicator and an area id", table.path, table.lines[r],
                  name);
    out.push_back(seen.code(id));
  }
  dictionary = seen.ids();
  return out;
}

}  // namespace

error observations_file::at_line(const error& e) const {
  const long row = e.line();
  const bool ours = row >= 1 && static_cast<std::size_t>(row) <= lines.size();
  return error(e.message(), path, ours ? lines[static_cast<std::size_t>(row - 1)] : row, e.field());
}

observations_file read_observations(const std::string& path, const csv_options& options) {
  const detail::csv_table table =
      detail::read_csv_table(path, "observations", options, {"indicator", "area"});
  std::vector<std::vector<double>> numbers;  // checked in column order, as the Python reader does
  for (const std::string& name : number_columns) numbers.push_back(table.numbers(name));
  const bool ratio_only = !table.column("value") && table.column("numerator") && table.column("denominator");
  table.require_columns(ratio_only ? std::vector<std::string>{"indicator", "area", "year"}
                                   : std::vector<std::string>{"indicator", "area", "year", "value"},
                        "observations");
  observations_file out;
  out.path = path;
  out.lines = table.lines;
  panel& obs = out.panel;
  const std::vector<double>& years = numbers[0];
  const std::size_t year_column = *table.column("year");
  obs.year.reserve(years.size());
  for (std::size_t r = 0; r < years.size(); ++r) {
    const double y = years[r];
    if (!std::isfinite(y) || y != std::round(y) || std::fabs(y) > 9999)
      throw error("'" + table.rows[r][year_column] + "' is not a year (a whole number such as 2024)", path,
                  table.lines[r], "year");
    obs.year.push_back(static_cast<std::int32_t>(y));
  }
  obs.indicator = codes(table, "indicator", obs.indicator_ids);
  obs.area = codes(table, "area", obs.area_ids);
  obs.value = std::move(numbers[1]);
  obs.numerator = std::move(numbers[2]);
  obs.denominator = std::move(numbers[3]);
  obs.weight = std::move(numbers[4]);
  obs.se = std::move(numbers[5]);
  obs.coverage.assign(obs.year.size(), std::nan(""));
  return out;
}

review_result review(const plan& p, const observations_file& observations, const review_options& options) {
  try {
    return review(p, observations.panel, options);
  } catch (const error& e) {
    throw observations.at_line(e);
  }
}

}  // namespace chitieu

// read_areas() and read_crosswalk(): the area and crosswalk CSV files, validated.
#include <chitieu/area_columns.hpp>
#include <chitieu/csv_files.hpp>

#include "csv_table.hpp"

#include <string>
#include <vector>

namespace chitieu {
namespace {
const std::vector<std::string> area_columns = {"id",     "code",       "name",    "level",
                                               "parent", "valid_from", "valid_to"};
const std::vector<std::string> crosswalk_columns = {"from", "to", "share", "date"};
const char* const required_cell = "empty cell; this column is required in every row";
}  // namespace

area_table read_areas(const std::string& path, const csv_options& options) {
  const detail::csv_table table = detail::read_csv_table(path, "areas", options, area_columns);
  table.require_columns(area_columns, "areas");
  table.require_cells("id", required_cell);
  try {
    return area_table(
        make_areas(table.texts("id"), table.texts("code"), table.texts("name"), table.texts("level"),
                   table.texts("parent"), table.texts("valid_from"), table.texts("valid_to"), path),
        path);
  } catch (const error& e) {
    detail::rethrow_at_line(e, table);
  }
}

crosswalk read_crosswalk(const std::string& path, const area_table& areas, const csv_options& options) {
  const detail::csv_table table = detail::read_csv_table(path, "crosswalk", options, crosswalk_columns);
  std::vector<double> shares = table.numbers("share");
  table.require_columns(crosswalk_columns, "crosswalks");
  for (const std::string& name : crosswalk_columns) table.require_cells(name, required_cell);
  try {
    return crosswalk(make_links(table.texts("from"), table.texts("to"), shares, table.texts("date"), path),
                     areas, path);
  } catch (const error& e) {
    detail::rethrow_at_line(e, table);
  }
}

}  // namespace chitieu

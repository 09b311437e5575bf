// chitieu-report's core: a review of CSV files as a JSON document.
#pragma once

#include <chitieu/csv_files.hpp>
#include <chitieu/plan.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace report {

/// The files and options of one report.
struct request {
  std::string plan;                      ///< a built-in plan id or a plan file
  std::string data;                      ///< the observation CSV file
  std::optional<std::string> areas;      ///< the area CSV file, to roll up
  std::optional<std::string> crosswalk;  ///< the crosswalk CSV file (needs areas and geography)
  std::optional<std::string> geography;  ///< re-express every year on the units of this day
};

/// Reads the plan and the files, written as `csv` says (by default: encoding and delimiter
/// detected, decimal dot), and reviews them (chitieu::error on bad input).
chitieu::review_result run(const request& r, chitieu::plan& plan, const chitieu::csv_options& csv = {});

/// Writes `{"plan": id, "rows": [...], "findings": [...]}`: one object per evaluation row with the
/// evaluation columns (null where undefined), one per finding.
void write_json(std::ostream& out, const chitieu::plan& plan, const chitieu::review_result& result);

}  // namespace report

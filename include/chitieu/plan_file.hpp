/// @file plan_file.hpp
/// @brief Plan files: reading and writing the TOML format of docs/plan-format.md, and the plans
/// compiled into the library.
#pragma once

#include <chitieu/error.hpp>
#include <chitieu/export.hpp>
#include <chitieu/plan.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

/// Parses and validates a plan file's text. Throws chitieu::error naming `source_name`, the line,
/// the key (field) and, in the message, the column: for TOML syntax, unknown keys, wrong types,
/// bad values, unreadable target phrases and every rule of plan_problems.
CHITIEU_API plan parse_plan(std::string_view toml_text, const std::string& source_name = "<string>");

/// Every problem of a plan file's text at once (empty when parse_plan would succeed): a syntax
/// error alone, else unknown keys, wrong types, bad values, unreadable phrases and validation.
CHITIEU_API std::vector<error> plan_file_problems(std::string_view toml_text,
                                                  const std::string& source_name = "<string>");

/// Reads and validates a plan file; errors name the path.
CHITIEU_API plan read_plan(const std::string& path);

/// Writes a plan as TOML; parse_plan(write_plan(p)) == p for every valid plan.
CHITIEU_API std::string write_plan(const plan& p);

/// The ids of the plans compiled into the library, sorted.
CHITIEU_API std::vector<std::string> embedded_plan_ids();

/// Loads an embedded plan by id ("la-gi-2024") or else a plan file by path; throws chitieu::error
/// listing the embedded ids when `id_or_path` is neither.
CHITIEU_API plan load_plan(std::string_view id_or_path);

}  // namespace chitieu

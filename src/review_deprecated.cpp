/// @file review_deprecated.cpp
/// @brief The review() overloads of 0.1.0, with the area table, crosswalk and recycled evaluation
/// as pointers: deprecated in 0.2.0, each forwards to its review(plan, panel, review_options).
/// Delete this file when they are removed (docs/api-stability.md).
#include <chitieu/csv_files.hpp>
#include <chitieu/review.hpp>

#include <utility>

namespace chitieu {

namespace {

/// `options` with the areas and crosswalk of the deprecated pointer arguments (null: none).
review_options with_pointers(review_options options, const area_table* areas, const crosswalk* cw) {
  options.areas.reset();
  options.crosswalk.reset();
  if (areas) options.with_areas(*areas);
  if (cw) options.with_crosswalk(*cw);
  return options;
}

}  // namespace

review_result review(const plan& p, panel&& observations, const area_table* areas, const crosswalk* cw,
                     const review_options& options, evaluation* recycle) {
  evaluation none;
  return review(p, std::move(observations), with_pointers(options, areas, cw),
                recycle ? std::move(*recycle) : std::move(none));
}

review_result review(const plan& p, const panel& observations, const area_table* areas, const crosswalk* cw,
                     const review_options& options, evaluation* recycle) {
  evaluation none;
  return review(p, observations, with_pointers(options, areas, cw),
                recycle ? std::move(*recycle) : std::move(none));
}

review_result review(const plan& p, const observations_file& observations, const area_table* areas,
                     const crosswalk* cw, const review_options& options) {
  return review(p, observations, with_pointers(options, areas, cw));
}

}  // namespace chitieu

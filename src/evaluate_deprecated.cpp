/// @file evaluate_deprecated.cpp
/// @brief The evaluate() overload with the evaluation to recycle as a pointer: deprecated in 0.2.0,
/// it forwards to evaluate(plan, panel&&, evaluate_options, evaluation&&). Delete this file when it
/// is removed (docs/api-stability.md).
#include <chitieu/evaluate.hpp>

#include <utility>

namespace chitieu {

evaluation evaluate(const plan& p, panel&& obs, const evaluate_options& opt, evaluation* recycle) {
  evaluation none;
  return evaluate(p, std::move(obs), opt, recycle ? std::move(*recycle) : std::move(none));
}

}  // namespace chitieu

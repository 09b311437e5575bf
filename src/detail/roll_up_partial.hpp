/// @file roll_up_partial.hpp
/// @brief Internals of the roll-up (namespace chitieu::detail::areas): roll_up_partial() on several
/// threads, telling which rows became the state's own rows.
#pragma once

#include <chitieu/areas.hpp>
#include <chitieu/date.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/roll_up_state.hpp>

#include "roll_up_rows.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace chitieu::detail::areas {

/// roll_up_partial() with its pass over the rows shared by `threads` threads (0: the hardware's; the
/// state and the errors do not depend on it). `own_rows` set: receives the rows of `obs` that became
/// the state's own rows, in the order of `own`. `alongside` set: the threads of the pass over the rows
/// take its tasks once their share is done (what they leave, the caller drains).
roll_up_state roll_up_partial_on(const plan& p, const panel& obs, const area_table& areas,
                                 const std::optional<date>& geography, unsigned threads,
                                 std::vector<std::size_t>* own_rows, side_tasks* alongside = nullptr);

}  // namespace chitieu::detail::areas

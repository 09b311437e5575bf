/// @file plan_ids.hpp
/// @brief The shape of a plan, domain or indicator id (namespace chitieu::detail).
#pragma once

#include <string>

namespace chitieu::detail {

/// True for an id: a lowercase ASCII letter followed by [a-z0-9_-].
bool is_valid_id(const std::string& s) noexcept;

}  // namespace chitieu::detail

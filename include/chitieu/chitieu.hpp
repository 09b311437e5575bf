/// @file chitieu.hpp
/// @brief Umbrella header: everything public in chitieu.
#pragma once

#include <chitieu/aggregate_rule.hpp>
#include <chitieu/direction.hpp>
#include <chitieu/error.hpp>
#include <chitieu/panel.hpp>
#include <chitieu/plan.hpp>
#include <chitieu/status.hpp>
#include <chitieu/target.hpp>
#include <chitieu/unit.hpp>

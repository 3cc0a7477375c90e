#pragma once

/// @file
/// Rate-limit information the server reports with each answer.

#include <chrono>
#include <optional>

#include "amigo/operation.hpp"

namespace amigo {

/// The `X-RateLimit-*` headers of one answer. A header the server left out,
/// or sent in a form that is not a number, stays empty.
struct RateLimitInfo {
  Operation operation = Operation::list_users;  ///< the call that was answered
  std::optional<long> limit;                    ///< X-RateLimit-Limit
  std::optional<long> remaining;                ///< X-RateLimit-Remaining
  /// X-RateLimit-Reset: how long until the window starts over.
  std::optional<std::chrono::milliseconds> reset;
};

}  // namespace amigo

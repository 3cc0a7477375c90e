#pragma once

// Reads the X-RateLimit-* headers every answer carries.

#include <optional>

#include "amigo/operation.hpp"
#include "amigo/rate_limit.hpp"
#include "amigo/transport.hpp"

namespace amigo::detail {

/// The answer's rate-limit headers; empty when it carries none of them.
/// A header that is not a number is left empty, the others still count.
std::optional<RateLimitInfo> read_rate_limit(Operation operation, const HttpResponse& response);

}  // namespace amigo::detail

#pragma once

// The retry rules, free of I/O so tests can check them directly: which
// failures may be tried again, and how long to wait first.

#include <chrono>
#include <optional>
#include <string_view>

#include "amigo/errors.hpp"
#include "amigo/operation.hpp"
#include "amigo/options.hpp"

namespace amigo::detail {

/// 429 and 503: the server asks us to come back later, whatever the operation.
bool is_retryable_status(int status) noexcept;

/// Whether a request that got no answer may be sent again. An invite is
/// repeated only when it certainly never left, so no user is invited twice.
bool may_retry_after_transport_failure(Operation operation, const TransportError& error) noexcept;

/// Retry-After as delta seconds ("120", "0.5") or an HTTP date (IMF-fixdate,
/// RFC 850 or asctime), as a wait from `now` clamped to [0, max_wait].
/// Empty when the value is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now,
    std::chrono::milliseconds max_wait);

/// The longest backoff before retry number `retry` (1 for the first retry):
/// min(max_backoff, initial_backoff * 2^(retry - 1)).
std::chrono::milliseconds backoff_ceiling(const RetryOptions& options, int retry) noexcept;

/// Full jitter: `unit_random` (in [0, 1)) of the ceiling.
std::chrono::milliseconds backoff_delay(const RetryOptions& options, int retry,
                                        double unit_random) noexcept;

}  // namespace amigo::detail

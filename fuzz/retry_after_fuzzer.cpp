// Retry-After values: delta seconds or an HTTP date, from arbitrary bytes.

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.hpp"
#include "retry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using std::chrono::milliseconds;
  // A fixed "now" (2024-05-01T12:00:00Z) keeps every run reproducible.
  const std::chrono::system_clock::time_point now{std::chrono::seconds{1714564800}};
  const milliseconds max_wait{60'000};
  amigo::fuzz::expect_only<amigo::Error>([&] {
    const auto wait =
        amigo::detail::parse_retry_after(amigo::fuzz::as_text(data, size), now, max_wait);
    if (wait) {
      amigo::fuzz::require(*wait >= milliseconds{0} && *wait <= max_wait,
                           "a wait is clamped to [0, max_wait]");
    }
  });
  return 0;
}

#include "retry.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>

#include <date/date.h>

namespace amigo::detail {
namespace {

using std::chrono::milliseconds;

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

// Digits with an optional sign and fraction; nothing else ("1e3", "inf" are refused).
std::optional<double> parse_seconds(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  std::size_t digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
      ++digits;
    } else if (text[i] == '.' && !seen_point) {
      seen_point = true;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  // strtod rather than stod: an absurdly long number gives HUGE_VAL (clamped later), not a throw.
  return std::strtod(std::string(text).c_str(), nullptr);
}

// date::parse converts %S's seconds even when it failed to read them, from an
// uninitialised variable; it can read them when each ':' is followed by a digit.
bool colons_precede_digits(std::string_view text) {
  for (std::size_t at = text.find(':'); at != std::string_view::npos; at = text.find(':', at + 1)) {
    if (at + 1 == text.size() || std::isdigit(static_cast<unsigned char>(text[at + 1])) == 0) {
      return false;
    }
  }
  return true;
}

std::optional<date::sys_seconds> parse_http_date(std::string_view text) {
  if (!colons_precede_digits(text)) return std::nullopt;
  // IMF-fixdate, then the two obsolete forms a server may still send.
  static constexpr const char* kFormats[] = {
      "%a, %d %b %Y %H:%M:%S GMT",
      "%A, %d-%b-%y %H:%M:%S GMT",
      "%a %b %e %H:%M:%S %Y",
  };
  for (const char* format : kFormats) {
    std::istringstream in{std::string(text)};
    date::sys_seconds when;
    in >> date::parse(format, when);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return when;
  }
  return std::nullopt;
}

milliseconds clamp_wait(double wait_ms, milliseconds max_wait) {
  if (!(wait_ms > 0)) return milliseconds{0};
  if (wait_ms >= static_cast<double>(max_wait.count())) return max_wait;
  return milliseconds{static_cast<milliseconds::rep>(std::ceil(wait_ms))};
}

}  // namespace

bool is_retryable_status(int status) noexcept { return status == 429 || status == 503; }

bool may_retry_after_transport_failure(Operation operation, const TransportError& error) noexcept {
  switch (operation) {
    case Operation::invite_user:
      return !error.request_may_have_been_sent();
    case Operation::sign_in_with_api_key:
    case Operation::list_users:
    case Operation::update_user:
    case Operation::delete_user:
      return true;
  }
  return false;
}

std::optional<milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now,
                                              milliseconds max_wait) {
  value = trim(value);
  if (auto seconds = parse_seconds(value)) return clamp_wait(*seconds * 1000.0, max_wait);
  if (auto when = parse_http_date(value)) {
    // In doubles: a date centuries away would overflow the clock's nanoseconds.
    using Milliseconds = std::chrono::duration<double, std::milli>;
    auto wait = Milliseconds(when->time_since_epoch()).count() -
                Milliseconds(now.time_since_epoch()).count();
    return clamp_wait(wait, max_wait);
  }
  return std::nullopt;
}

milliseconds backoff_ceiling(const RetryOptions& options, int retry) noexcept {
  milliseconds ceiling = std::max(options.initial_backoff, milliseconds{0});
  // Doubling stops at max_backoff, so it cannot overflow however many retries there are.
  for (int i = 1; i < retry && ceiling < options.max_backoff; ++i) {
    ceiling = ceiling > options.max_backoff / 2 ? options.max_backoff : ceiling * 2;
  }
  return std::min(ceiling, std::max(options.max_backoff, milliseconds{0}));
}

milliseconds backoff_delay(const RetryOptions& options, int retry, double unit_random) noexcept {
  double fraction = std::clamp(unit_random, 0.0, 1.0);
  auto ceiling = static_cast<double>(backoff_ceiling(options, retry).count());
  return milliseconds{static_cast<milliseconds::rep>(fraction * ceiling)};
}

}  // namespace amigo::detail

#include "rate_limit_headers.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace amigo::detail {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<long> parse_count(const std::string* header) {
  if (header == nullptr) return std::nullopt;
  std::string_view text = trim(*header);
  long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// Seconds until the window resets, possibly fractional ("0.25").
std::optional<std::chrono::milliseconds> parse_reset(const std::string* header) {
  if (header == nullptr) return std::nullopt;
  std::string text(trim(*header));
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos ||
      text.find('.') != text.rfind('.') || text == ".") {
    return std::nullopt;
  }
  double seconds = std::strtod(text.c_str(), nullptr);
  // Beyond a year the number is nonsense; refuse it rather than overflow.
  if (!(seconds <= 365.0 * 24 * 3600)) return std::nullopt;
  return std::chrono::milliseconds{static_cast<long long>(std::llround(seconds * 1000.0))};
}

}  // namespace

std::optional<RateLimitInfo> read_rate_limit(Operation operation, const HttpResponse& response) {
  const std::string* limit = response.find_header("X-RateLimit-Limit");
  const std::string* remaining = response.find_header("X-RateLimit-Remaining");
  const std::string* reset = response.find_header("X-RateLimit-Reset");
  if (limit == nullptr && remaining == nullptr && reset == nullptr) return std::nullopt;

  RateLimitInfo info;
  info.operation = operation;
  info.limit = parse_count(limit);
  info.remaining = parse_count(remaining);
  info.reset = parse_reset(reset);
  return info;
}

}  // namespace amigo::detail

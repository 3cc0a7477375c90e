#include "timestamp_text.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace amigo_users {
namespace {

std::tm utc_fields(amigo::Timestamp time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::seconds>(time));
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  return fields;
}

std::string formatted(amigo::Timestamp time, const char* format) {
  const std::tm fields = utc_fields(time);
  char text[32];
  const std::size_t size = std::strftime(text, sizeof text, format, &fields);
  return {text, size};
}

}  // namespace

std::string rfc3339(amigo::Timestamp time) {
  // Floor, so that an instant before 1970 does not borrow a second.
  const auto whole = std::chrono::floor<std::chrono::seconds>(time);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(time - whole).count();
  std::string text = formatted(whole, "%Y-%m-%dT%H:%M:%S");
  if (micros != 0) {
    char fraction[24];
    if (micros % 1000 == 0) {
      std::snprintf(fraction, sizeof fraction, ".%03lld", static_cast<long long>(micros / 1000));
    } else {
      std::snprintf(fraction, sizeof fraction, ".%06lld", static_cast<long long>(micros));
    }
    text += fraction;
  }
  return text + "Z";
}

std::string short_utc(amigo::Timestamp time) {
  return formatted(std::chrono::floor<std::chrono::seconds>(time), "%Y-%m-%d %H:%M");
}

}  // namespace amigo_users

#include "rfc3339.hpp"

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <sstream>

namespace amigo::detail {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::nanoseconds;
using std::chrono::seconds;

// The value of `count` decimal digits starting at `pos`, or -1 when one of
// them is not a digit. The caller has checked the length.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Timestamp counts nanoseconds in 64 bits, which reaches from 1677 to 2262;
// converting a year outside that range would overflow, so it is refused.
constexpr int kMinYear = 1678;
constexpr int kMaxYear = 2261;

// RFC 3339 allows a space for the 'T' too (section 5.6, NOTE), and some
// serialisers use it.
bool is_date_time_separator(char c) { return c == 'T' || c == 't' || c == ' '; }

// Digits after the decimal point, as nanoseconds; digits past the ninth are
// below the clock's resolution and dropped. Advances `pos` past them.
std::optional<nanoseconds> read_fraction(std::string_view text, std::size_t& pos) {
  std::int64_t value = 0;
  std::size_t digits = 0;
  for (; pos < text.size() && is_digit(text[pos]); ++pos, ++digits) {
    if (digits < 9) value = value * 10 + (text[pos] - '0');
  }
  if (digits == 0) return std::nullopt;
  for (std::size_t i = digits; i < 9; ++i) value *= 10;
  return nanoseconds{value};
}

// "Z", "+HH:MM" or "-HH:MM" ending the text exactly: the offset from UTC.
std::optional<minutes> read_offset(std::string_view text, std::size_t pos) {
  const char sign = text[pos];
  if ((sign == 'Z' || sign == 'z') && pos + 1 == text.size()) return minutes{0};
  if ((sign != '+' && sign != '-') || text.size() - pos != 6 || text[pos + 3] != ':') {
    return std::nullopt;
  }
  const int offset_hours = read_digits(text, pos + 1, 2);
  const int offset_minutes = read_digits(text, pos + 4, 2);
  if (offset_hours < 0 || offset_minutes < 0 || offset_hours > 23 || offset_minutes > 59) {
    return std::nullopt;
  }
  const minutes offset = hours{offset_hours} + minutes{offset_minutes};
  return sign == '-' ? -offset : offset;
}

// The shape servers send, "YYYY-MM-DDTHH:MM:SS[.fff...](Z|+HH:MM)", read
// without streams because a page of users holds one per user. Anything else
// (a leap second, say) is left to the general parser.
std::optional<Timestamp> parse_common_shape(std::string_view text) {
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || !is_date_time_separator(text[10]) ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const int year = read_digits(text, 0, 4);
  const int month = read_digits(text, 5, 2);
  const int day = read_digits(text, 8, 2);
  const int hour = read_digits(text, 11, 2);
  const int minute = read_digits(text, 14, 2);
  const int second = read_digits(text, 17, 2);
  if (year < kMinYear || year > kMaxYear || month < 0 || day < 0 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59) {
    return std::nullopt;
  }
  const date::year_month_day civil_day{date::year{year}, date::month{static_cast<unsigned>(month)},
                                       date::day{static_cast<unsigned>(day)}};
  if (!civil_day.ok()) return std::nullopt;

  std::size_t pos = 19;
  nanoseconds fraction{0};
  if (text[pos] == '.') {
    ++pos;
    const auto digits = read_fraction(text, pos);
    if (!digits || pos == text.size()) return std::nullopt;
    fraction = *digits;
  }
  const auto offset = read_offset(text, pos);
  if (!offset) return std::nullopt;

  const auto time = date::sys_days{civil_day} + hours{hour} + minutes{minute} + seconds{second} +
                    fraction - *offset;
  return date::floor<Timestamp::duration>(time);
}

// Advances `pos` over `min` to `max` digits; their value, or -1 when there
// are fewer than `min`.
int skip_digits(std::string_view text, std::size_t& pos, std::size_t min, std::size_t max) {
  int value = 0;
  std::size_t count = 0;
  for (; count < max && pos < text.size() && is_digit(text[pos]); ++count, ++pos) {
    value = value * 10 + (text[pos] - '0');
  }
  return count < min ? -1 : value;
}

// Whether date::parse may be given the text: "Y-M-DTh:m:s..." with a year
// in range. date::parse converts %T's seconds even when it failed to read
// them, from an uninitialised variable, so it only sees times it can read.
bool has_date_and_time(std::string_view text) {
  std::size_t pos = 0;
  const int year = skip_digits(text, pos, 1, 4);
  if (year < kMinYear || year > kMaxYear) return false;
  for (const char separator : {'-', '-', 'T', ':', ':'}) {
    if (pos >= text.size() || text[pos] != separator) return false;
    ++pos;
    if (skip_digits(text, pos, 1, 2) < 0) return false;
  }
  return true;
}

std::optional<Timestamp> parse_with_date_library(std::string_view text) {
  // date::parse wants the upper-case separators; RFC 3339 allows both.
  std::string upper(text);
  for (char& c : upper) {
    if (c == 't') c = 'T';
    if (c == 'z') c = 'Z';
  }
  if (!has_date_and_time(upper)) return std::nullopt;
  for (const char* format : {"%FT%T%Ez", "%FT%TZ"}) {
    std::istringstream in(upper);
    date::sys_time<nanoseconds> time;
    in >> date::parse(format, time);
    if (!in.fail() && in.peek() == std::istringstream::traits_type::eof()) {
      return date::floor<Timestamp::duration>(time);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Timestamp> parse_rfc3339(std::string_view text) {
  if (auto time = parse_common_shape(text)) return time;
  return parse_with_date_library(text);
}

std::string format_rfc3339(Timestamp time) {
  const auto whole_seconds = date::floor<seconds>(time);
  std::string text = date::format("%FT%T", whole_seconds);

  auto fraction = std::chrono::duration_cast<nanoseconds>(time - whole_seconds).count();
  if (fraction != 0) {
    std::string digits(9, '0');
    for (auto it = digits.rbegin(); it != digits.rend(); ++it, fraction /= 10) {
      *it = static_cast<char>('0' + fraction % 10);
    }
    digits.erase(digits.find_last_not_of('0') + 1);
    text += '.';
    text += digits;
  }
  text += 'Z';
  return text;
}

}  // namespace amigo::detail

#include "rfc3339.hpp"

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <iterator>

namespace amigo::detail {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::nanoseconds;
using std::chrono::seconds;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Timestamp counts nanoseconds in 64 bits, which reaches from 1677 to 2262;
// converting a year outside that range would overflow, so it is refused.
constexpr int kMinYear = 1678;
constexpr int kMaxYear = 2261;

// Reads `min` to `max` digits at `pos` and advances past them: their value,
// or -1 when fewer than `min` are there.
int read_number(std::string_view text, std::size_t& pos, std::size_t min, std::size_t max) {
  int value = 0;
  std::size_t count = 0;
  for (; count < max && pos < text.size() && is_digit(text[pos]); ++count, ++pos) {
    value = value * 10 + (text[pos] - '0');
  }
  return count < min ? -1 : value;
}

// RFC 3339 allows a space for the 'T' too (section 5.6, NOTE), and some
// serialisers use it.
bool is_date_time_separator(char c) { return c == 'T' || c == 't' || c == ' '; }

struct CivilTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// "YYYY-MM-DDTHH:MM:SS", advancing `pos` past it. RFC 3339 wants two digits
// for all but the year; one is accepted too, as some serialisers write it.
std::optional<CivilTime> read_civil_time(std::string_view text, std::size_t& pos) {
  CivilTime time;
  time.year = read_number(text, pos, 4, 4);
  if (time.year < 0) return std::nullopt;
  int* const fields[] = {&time.month, &time.day, &time.hour, &time.minute, &time.second};
  const char separators[] = {'-', '-', 'T', ':', ':'};
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    if (pos == text.size()) return std::nullopt;
    const bool separated =
        separators[i] == 'T' ? is_date_time_separator(text[pos]) : text[pos] == separators[i];
    if (!separated) return std::nullopt;
    ++pos;
    *fields[i] = read_number(text, pos, 1, 2);
    if (*fields[i] < 0) return std::nullopt;
  }
  return time;
}

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
// Whole hours ("+02") are accepted too, as some serialisers write them.
std::optional<minutes> read_offset(std::string_view text, std::size_t pos) {
  if (pos == text.size()) return std::nullopt;
  const char sign = text[pos];
  if ((sign == 'Z' || sign == 'z') && pos + 1 == text.size()) return minutes{0};
  if (sign != '+' && sign != '-') return std::nullopt;
  ++pos;
  const int offset_hours = read_number(text, pos, 2, 2);
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    offset_minutes = read_number(text, pos, 2, 2);
  }
  if (pos != text.size() || offset_hours < 0 || offset_minutes < 0 || offset_hours > 23 ||
      offset_minutes > 59) {
    return std::nullopt;
  }
  const minutes offset = hours{offset_hours} + minutes{offset_minutes};
  return sign == '-' ? -offset : offset;
}

}  // namespace

// Read without streams (date::parse): a page of users holds one timestamp
// per user, and date::parse computes with values it failed to read, so
// malformed text from a server is undefined behaviour there.
std::optional<Timestamp> parse_rfc3339(std::string_view text) {
  std::size_t pos = 0;
  const auto civil = read_civil_time(text, pos);
  if (!civil || civil->year < kMinYear || civil->year > kMaxYear || civil->hour > 23 ||
      civil->minute > 59 || civil->second > 59) {
    return std::nullopt;
  }
  const date::year_month_day day{date::year{civil->year},
                                 date::month{static_cast<unsigned>(civil->month)},
                                 date::day{static_cast<unsigned>(civil->day)}};
  if (!day.ok()) return std::nullopt;

  nanoseconds fraction{0};
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const auto digits = read_fraction(text, pos);
    if (!digits) return std::nullopt;
    fraction = *digits;
  }
  const auto offset = read_offset(text, pos);
  if (!offset) return std::nullopt;

  const auto time = date::sys_days{day} + hours{civil->hour} + minutes{civil->minute} +
                    seconds{civil->second} + fraction - *offset;
  return date::floor<Timestamp::duration>(time);
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

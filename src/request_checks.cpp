#include "request_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the UTF-8 sequence `lead` starts, or 0 when no sequence can
// start with it.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The range the second byte must fall in: narrower after E0, ED, F0 and F4
// to rule out overlong forms, surrogates and code points past U+10FFFF.
bool second_byte_ok(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0:
      return second >= 0xA0 && second <= 0xBF;
    case 0xED:
      return second >= 0x80 && second <= 0x9F;
    case 0xF0:
      return second >= 0x90 && second <= 0xBF;
    case 0xF4:
      return second >= 0x80 && second <= 0x8F;
    default:
      return second >= 0x80 && second <= 0xBF;
  }
}

}  // namespace

std::string_view trim_whitespace(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_blank(std::string_view text) { return trim_whitespace(text).empty(); }

bool looks_like_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const auto domain = text.substr(at + 1);
  return domain.find('@') == std::string_view::npos && domain.find('.') != std::string_view::npos;
}

bool is_variable_name(std::string_view text) {
  text = trim_whitespace(text);
  if (text.size() < 2 || !(is_lower(text[0]) || text[0] == '_')) return false;
  return std::all_of(text.begin() + 1, text.end(),
                     [](char c) { return is_lower(c) || is_digit(c) || c == '_'; });
}

bool is_audio_keyterm(std::string_view text) {
  text = trim_whitespace(text);
  int words = 0;
  while (true) {
    const auto end = text.find(' ');
    const auto word = text.substr(0, end);
    if (word.empty() ||
        !std::all_of(word.begin(), word.end(), [](char c) { return is_lower(c) || c == '-'; })) {
      return false;
    }
    if (++words > 3) return false;
    if (end == std::string_view::npos) return true;
    text.remove_prefix(end + 1);
  }
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = sequence_length(lead);
    if (length == 0 || text.size() - i < static_cast<std::size_t>(length)) return false;
    if (length > 1 && !second_byte_ok(lead, static_cast<unsigned char>(text[i + 1]))) return false;
    for (int k = 2; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

std::string printable(std::string_view text) {
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  std::string shown;
  shown.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F && c != '\\') {
      shown += c;
    } else {
      shown += "\\x";
      shown += kHexDigits[byte >> 4];
      shown += kHexDigits[byte & 0x0F];
    }
  }
  return shown;
}

void require_not_blank(Operation operation, std::string_view field, std::string_view value) {
  if (is_blank(value)) {
    throw InvalidArgumentError(
        fmt::format("{}: {} must not be empty or only whitespace", to_string(operation), field));
  }
}

void require_utf8(Operation operation, std::string_view field, std::string_view value) {
  if (!is_valid_utf8(value)) {
    throw InvalidArgumentError(fmt::format("{}: {} is not valid UTF-8; every text field must be",
                                           to_string(operation), field));
  }
}

}  // namespace amigo::detail

#include "display_width.hpp"

#include <algorithm>
#include <array>

namespace amigo_users {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Nonspacing marks of the scripts names are commonly written in, and the
// zero-width format characters. Not all of Unicode's Mn category: a full table
// would come from a Unicode library, and the C library's wcwidth depends on
// the locale, which would make the output differ between machines.
constexpr std::array<Range, 22> kZeroWidth{{
    {0x0300, 0x036F},  // combining diacritical marks (Latin, Greek, Cyrillic)
    {0x0483, 0x0489},  // Cyrillic
    {0x0591, 0x05BD},  // Hebrew points
    {0x05BF, 0x05C7},
    {0x0610, 0x061A},  // Arabic
    {0x064B, 0x065F},
    {0x0670, 0x0670},
    {0x06D6, 0x06ED},
    {0x0900, 0x0902},  // Devanagari
    {0x093A, 0x093C},
    {0x0941, 0x0948},
    {0x094D, 0x094D},
    {0x0951, 0x0957},
    {0x0962, 0x0963},
    {0x0E31, 0x0E31},  // Thai
    {0x0E34, 0x0E3A},
    {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF},  // combining marks, extended and
                       // supplement
    {0x1DC0, 0x1DFF},
    {0x200B, 0x200F},  // zero-width space, joiners, direction marks
    {0x20D0, 0x20FF},  // combining marks for symbols
    {0xFE00, 0xFE0F},  // variation selectors
}};

// East Asian Wide and Fullwidth blocks.
constexpr std::array<Range, 13> kDoubleWidth{{
    {0x1100, 0x115F},    // Hangul Jamo initials
    {0x2E80, 0x303E},    // CJK radicals, punctuation
    {0x3041, 0x33FF},    // kana, CJK symbols
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE30, 0xFE4F},    // CJK compatibility forms
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1FAFF},  // pictographs and emoji
    {0x20000, 0x3FFFD},  // CJK extensions B and later
}};

template <std::size_t N>
bool in(const std::array<Range, N>& ranges, char32_t code_point) {
  return std::any_of(ranges.begin(), ranges.end(), [code_point](const Range& range) {
    return code_point >= range.first && code_point <= range.last;
  });
}

// Decodes the code point at text[*index] and advances the index past it; a
// malformed sequence yields one replacement character per byte.
char32_t next_code_point(std::string_view text, std::size_t* index) {
  const auto lead = static_cast<unsigned char>(text[*index]);
  std::size_t length = 1;
  char32_t code_point = lead;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
    code_point = lead & 0x07U;
  } else if (lead >= 0xE0) {
    length = 3;
    code_point = lead & 0x0FU;
  } else if (lead >= 0xC0) {
    length = 2;
    code_point = lead & 0x1FU;
  } else if (lead >= 0x80) {
    ++*index;
    return 0xFFFD;
  }
  if (*index + length > text.size()) {
    ++*index;
    return 0xFFFD;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto continuation = static_cast<unsigned char>(text[*index + i]);
    if ((continuation & 0xC0U) != 0x80U) {
      ++*index;
      return 0xFFFD;
    }
    code_point = (code_point << 6U) | (continuation & 0x3FU);
  }
  *index += length;
  return code_point;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t index = 0;
  while (index < text.size()) {
    const char32_t code_point = next_code_point(text, &index);
    if (in(kZeroWidth, code_point)) continue;
    width += in(kDoubleWidth, code_point) ? 2 : 1;
  }
  return width;
}

std::string pad_to_width(std::string_view text, std::size_t width) {
  std::string padded(text);
  const std::size_t used = display_width(text);
  if (used < width) padded.append(width - used, ' ');
  return padded;
}

}  // namespace amigo_users

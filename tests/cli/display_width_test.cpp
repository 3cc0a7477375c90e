// Terminal columns of UTF-8 text, which the list table aligns by.

#include <gtest/gtest.h>

#include "display_width.hpp"

namespace amigo_users {
namespace {

TEST(DisplayWidthTest, CountsColumnsNotBytes) {
  EXPECT_EQ(display_width(""), 0U);
  EXPECT_EQ(display_width("Maya"), 4U);
  EXPECT_EQ(display_width("Łukasz Dąbrowski"), 16U);
  EXPECT_EQ(display_width("Γιώργος"), 7U);
  EXPECT_EQ(display_width("Наталья"), 7U);
  EXPECT_EQ(display_width("محمد"), 4U);
}

TEST(DisplayWidthTest, WideCharactersTakeTwoColumns) {
  EXPECT_EQ(display_width("山田 太郎"), 9U);
  EXPECT_EQ(display_width("さくら"), 6U);
  EXPECT_EQ(display_width("김지호"), 6U);
}

TEST(DisplayWidthTest, CombiningMarksTakeNone) {
  EXPECT_EQ(display_width("e\xCC\x81"), 1U);  // e + combining acute
  EXPECT_EQ(display_width("अर्जुन"), 4U);       // four letters; the virama and the vowel sign combine
  EXPECT_EQ(display_width("Nguye\xCC\x82\xCC\x83n"), 6U);  // decomposed Vietnamese
}

TEST(DisplayWidthTest, MalformedBytesCountOneEach) {
  EXPECT_EQ(display_width("\xFF\xFE"), 2U);
  EXPECT_EQ(display_width("a\xE5\xB1"), 3U);  // a cut-off three-byte sequence
}

TEST(DisplayWidthTest, PadsToColumns) {
  EXPECT_EQ(pad_to_width("佐藤", 6), "佐藤  ");
  EXPECT_EQ(pad_to_width("Zoë", 5), "Zoë  ");
  EXPECT_EQ(pad_to_width("longer", 3), "longer");
}

}  // namespace
}  // namespace amigo_users

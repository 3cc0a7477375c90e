#include "request_checks.hpp"

#include <gtest/gtest.h>

namespace amigo::detail {
namespace {

TEST(RequestChecks, TrimAndBlank) {
  EXPECT_EQ(trim_whitespace(" \t a b \r\n"), "a b");
  EXPECT_EQ(trim_whitespace(""), "");
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\n\r\f\v"));
  EXPECT_FALSE(is_blank(" x "));
}

TEST(RequestChecks, EmailShape) {
  for (const char* good : {"ada@example.com", "a.b+c@mail.example.co.uk", "x@y.z"}) {
    EXPECT_TRUE(looks_like_email(good)) << good;
  }
  for (const char* bad : {"", "ada", "@example.com", "ada@example", "a@b@c.com", "ada@"}) {
    EXPECT_FALSE(looks_like_email(bad)) << bad;
  }
}

TEST(RequestChecks, VariableNames) {
  for (const char* good : {"ab", "_a", "a1", "team_name", "__", " padded "}) {
    EXPECT_TRUE(is_variable_name(good)) << good;
  }
  for (const char* bad : {"", "a", "1a", "Ab", "a-b", "a b", "\xC3\xA9t\xC3\xA9", "a.b"}) {
    EXPECT_FALSE(is_variable_name(bad)) << bad;
  }
}

TEST(RequestChecks, AudioKeyterms) {
  for (const char* good : {"a", "amigo", "care-plan", "one two three", "-", " trimmed "}) {
    EXPECT_TRUE(is_audio_keyterm(good)) << good;
  }
  for (const char* bad :
       {"", " ", "Amigo", "one two three four", "two  spaces", "digit1", "tab\tsep", "a,b"}) {
    EXPECT_FALSE(is_audio_keyterm(bad)) << bad;
  }
}

TEST(RequestChecks, Utf8) {
  for (const char* good : {"", "plain", "Jos\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                           "\xED\x9F\xBF", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_TRUE(is_valid_utf8(good)) << good;
  }
  for (const char* bad : {"\x80", "\xC3", "\xC0\xAF", "\xC3\x28", "\xE0\x80\x80", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xFF"}) {
    EXPECT_FALSE(is_valid_utf8(bad)) << printable(bad);
  }
}

TEST(RequestChecks, PrintableEscapesEverythingButPrintableAscii) {
  EXPECT_EQ(printable("ab c"), "ab c");
  EXPECT_EQ(printable("a\x01\xC3\xA9\\"), "a\\x01\\xC3\\xA9\\x5C");
}

}  // namespace
}  // namespace amigo::detail

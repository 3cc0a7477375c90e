#include "rfc3339.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

#include <chrono>

namespace amigo::detail {
namespace {

using namespace std::chrono_literals;
using date::literals::operator""_y;
using date::literals::may;

// 2024-05-01T12:34:56Z
Timestamp noon_ish() { return date::sys_days{2024_y / may / 1} + 12h + 34min + 56s; }

TEST(Rfc3339Parse, ReadsTheCommonShapes) {
  struct Case {
    const char* text;
    Timestamp expected;
  };
  const Case cases[] = {
      {"2024-05-01T12:34:56Z", noon_ish()},
      {"2024-05-01t12:34:56z", noon_ish()},
      {"2024-05-01 12:34:56Z", noon_ish()},
      {"2024-05-01T12:34:56+00:00", noon_ish()},
      {"2024-05-01T14:34:56+02:00", noon_ish()},
      {"2024-05-01T07:04:56-05:30", noon_ish()},
      {"2024-05-01T12:34:56.5Z", noon_ish() + 500ms},
      {"2024-05-01T12:34:56.123456Z", noon_ish() + 123456us},
      {"2024-05-01T12:34:56.123456789Z", noon_ish() + 123456789ns},
      {"2024-05-01T12:34:56.1234567891Z", noon_ish() + 123456789ns},
      {"2024-05-01T14:34:56.250+02:00", noon_ish() + 250ms},
      {"2024-05-02T00:04:56+11:30", noon_ish()},
      {"2024-02-29T00:00:00Z", date::sys_days{2024_y / 2 / 29}},
      {"1969-12-31T23:59:59Z", Timestamp{} - 1s},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto parsed = parse_rfc3339(c.text);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, c.expected);
  }
}

TEST(Rfc3339Parse, ReadsTheLooserFormsSomeSerialisersWrite) {
  // An offset of whole hours, and one-digit fields.
  EXPECT_EQ(parse_rfc3339("2024-05-01T14:34:56+02"), noon_ish());
  EXPECT_EQ(parse_rfc3339("2024-5-1T12:34:56Z"), noon_ish());
}

TEST(Rfc3339Parse, RefusesWhatIsNotADateTime) {
  for (const char* text :
       {"", "2024-05-01", "2024-05-01T12:34:56", "2024-05-01T12:34Z", "2024-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z",
        "2024-05-01T12:34:56Zjunk", "2024-05-01T12:34:56+02:00 ", " 2024-05-01T12:34:56Z",
        "2024-05-01T12:34:56,5Z", "yesterday", "2024-05-01X12:34:56Z",
        // Beyond what a nanosecond Timestamp holds (1677 to 2262).
        "1600-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-1-1T00:00:00Z",
        // Seconds missing or malformed, offsets malformed.
        "2024-05-01T14:5", "2024-05-01T14:", "2024-05-01Tab", "2024-06-01T08:00:066666666666e",
        "2024-05-01T14:59:5-.999902;00", "2024-05-01T12:34:56+2", "2024-05-01T12:34:56+02:0"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_rfc3339(text).has_value());
  }
}

TEST(Rfc3339Format, WritesUtcWithAsManyFractionDigitsAsNeeded) {
  EXPECT_EQ(format_rfc3339(noon_ish()), "2024-05-01T12:34:56Z");
  EXPECT_EQ(format_rfc3339(noon_ish() + 500ms), "2024-05-01T12:34:56.5Z");
  EXPECT_EQ(format_rfc3339(noon_ish() + 123456us), "2024-05-01T12:34:56.123456Z");
  EXPECT_EQ(format_rfc3339(noon_ish() + 1ns), "2024-05-01T12:34:56.000000001Z");
  EXPECT_EQ(format_rfc3339(Timestamp{} - 500ms), "1969-12-31T23:59:59.5Z");
  EXPECT_EQ(format_rfc3339(Timestamp{}), "1970-01-01T00:00:00Z");
}

TEST(Rfc3339Format, RoundTripsThroughParse) {
  for (const auto time : {noon_ish(), noon_ish() + 1ns, noon_ish() + 987654321ns, Timestamp{}}) {
    const auto text = format_rfc3339(time);
    SCOPED_TRACE(text);
    EXPECT_EQ(parse_rfc3339(text), time);
  }
}

}  // namespace
}  // namespace amigo::detail

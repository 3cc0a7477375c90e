// Unit tests of the emulator's building blocks, without HTTP.
#include <gtest/gtest.h>

#include "../src/base64.hpp"
#include "../src/rate_limiter.hpp"
#include "../src/rfc3339.hpp"
#include "../src/spec_enums.hpp"
#include "../src/token_signer.hpp"
#include "../src/validation.hpp"

namespace amigo::emulator {
namespace {

TEST(Base64, RoundTripsAndRejectsGarbage) {
  EXPECT_EQ(base64_encode("demo-org_admin-user:abc"), "ZGVtby1vcmdfYWRtaW4tdXNlcjphYmM=");
  EXPECT_EQ(base64_decode("ZGVtby1vcmdfYWRtaW4tdXNlcjphYmM="), "demo-org_admin-user:abc");
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_FALSE(base64_decode("abc"));
  EXPECT_FALSE(base64_decode("ab!="));
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_decode("-_8"), "\xfb\xff");
  EXPECT_FALSE(base64url_decode("+/8"));
}

TEST(Rfc3339, ParsesOffsetsAndFractions) {
  EXPECT_EQ(parse_rfc3339_micros("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_rfc3339_micros("2024-11-01T21:30:00+01:00"),
            parse_rfc3339_micros("2024-11-01T20:30:00Z"));
  EXPECT_EQ(*parse_rfc3339_micros("2024-10-30T03:12:45.250Z") % 1000000, 250000);
  EXPECT_FALSE(parse_rfc3339_micros("2024-10-30"));
  EXPECT_FALSE(parse_rfc3339_micros("2024-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339_micros("2024-10-30T03:12:45"));
  EXPECT_EQ(format_rfc3339_utc(1730539800), "2024-11-02T09:30:00Z");
  EXPECT_EQ(format_rfc3339_utc(0), "1970-01-01T00:00:00Z");
}

TEST(TokenSigner, VerifiesItsOwnTokensOnly) {
  TokenSigner signer;
  const std::string token = signer.sign({"org", "user", 100, 200, "id"});
  const auto verified = signer.verify(token, 150);
  ASSERT_TRUE(std::holds_alternative<TokenClaims>(verified));
  EXPECT_EQ(std::get<TokenClaims>(verified).sub, "user");
  EXPECT_TRUE(std::holds_alternative<std::string>(signer.verify(token, 200)));
  EXPECT_TRUE(std::holds_alternative<std::string>(TokenSigner().verify(token, 150)));
  EXPECT_TRUE(std::holds_alternative<std::string>(signer.verify("a.b", 150)));
}

TEST(Validation, EmailAddresses) {
  EXPECT_FALSE(email_problem("ada@example.com"));
  EXPECT_FALSE(email_problem("first.last+tag@sub.example.co.uk"));
  EXPECT_FALSE(email_problem("josé@exämple.com"));
  for (const char* bad : {"", "ada", "@example.com", "ada@", "ada@example", "ada@@example.com",
                          "a da@example.com", "ada@exa mple.com", ".ada@example.com",
                          "ada..b@example.com", "ada@-example.com", "ada@example..com"}) {
    EXPECT_TRUE(email_problem(bad)) << bad;
  }
}

TEST(Validation, Patterns) {
  EXPECT_TRUE(is_variable_name("plan"));
  EXPECT_TRUE(is_variable_name("_x1"));
  EXPECT_FALSE(is_variable_name("x"));
  EXPECT_FALSE(is_variable_name("1x"));
  EXPECT_FALSE(is_variable_name("Plan"));
  EXPECT_TRUE(is_audio_keyterm("care-plan"));
  EXPECT_TRUE(is_audio_keyterm("one two three"));
  EXPECT_FALSE(is_audio_keyterm("one two three four"));
  EXPECT_FALSE(is_audio_keyterm("one  two"));
  EXPECT_FALSE(is_audio_keyterm("Amigo"));
  EXPECT_TRUE(is_two_word_chars("en"));
  EXPECT_TRUE(is_two_word_chars("中文"));
  EXPECT_FALSE(is_two_word_chars("e-"));
  EXPECT_FALSE(is_two_word_chars("eng"));
}

TEST(SpecEnums, ComeFromTheOpenApiDocument) {
  EXPECT_EQ(language_codes().size, 7910u);
  EXPECT_EQ(time_zones().size, 599u);
  EXPECT_TRUE(language_codes().contains("eng"));
  EXPECT_FALSE(language_codes().contains("en"));
  EXPECT_TRUE(time_zones().contains("America/New_York"));
  EXPECT_FALSE(time_zones().contains("america/new_york"));
}

TEST(RateLimiter, FormatsSecondsWholeOrFractional) {
  const RateLimiter normal(1.0, true);
  EXPECT_EQ(normal.format_seconds(59.2, 0), "60");
  EXPECT_EQ(normal.format_seconds(0.2, 1), "1");
  EXPECT_EQ(normal.format_seconds(0, 1), "1");
  const RateLimiter fast(60.0, true);
  EXPECT_EQ(fast.format_seconds(0.5, 0), "0.5");
  EXPECT_EQ(fast.format_seconds(0.98712, 0), "0.988");
  EXPECT_EQ(fast.format_seconds(0.0, 1.0 / 60), "0.017");
}

TEST(RateLimiter, CountsPerCallerAndOperation) {
  RateLimiter limiter(1.0, true);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.consume("a", Operation::sign_in).allowed);
  EXPECT_FALSE(limiter.consume("a", Operation::sign_in).allowed);
  EXPECT_TRUE(limiter.consume("b", Operation::sign_in).allowed);
  EXPECT_TRUE(limiter.consume("a", Operation::list_users).allowed);
  EXPECT_EQ(limiter.peek("a", Operation::sign_in).remaining, 0);
  EXPECT_EQ(limiter.peek("c", Operation::sign_in).remaining, 5);
}

}  // namespace
}  // namespace amigo::emulator

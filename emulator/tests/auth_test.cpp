#include <gtest/gtest.h>

#include <thread>

#include "../src/base64.hpp"
#include "../src/rfc3339.hpp"
#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;

class AuthTest : public ::testing::Test {
 protected:
  httplib::Result list_with(const httplib::Headers& headers, const std::string& org = kOrg) {
    return client_.http().Get("/v1/" + org + "/user/", headers);
  }

  std::string basic(const std::string& user, const std::string& token) {
    return "Basic " + base64_encode(user + ":" + token);
  }

  Emulator emulator_;
  WireClient client_{emulator_};
};

TEST_F(AuthTest, BearerTokenIsAccepted) {
  const auto result = list_with({{"Authorization", "Bearer " + client_.token()}});
  EXPECT_EQ(result->status, 200) << result->body;
}

TEST_F(AuthTest, SchemeNameIsCaseInsensitive) {
  EXPECT_EQ(list_with({{"Authorization", "bearer " + client_.token()}})->status, 200);
}

TEST_F(AuthTest, BasicWithOrgUnderscoreUserAndTokenIsAccepted) {
  const auto result = list_with({{"Authorization", basic("demo-org_admin-user", client_.token())}});
  EXPECT_EQ(result->status, 200) << result->body;
}

TEST_F(AuthTest, BasicUserNameMustMatchTheToken) {
  EXPECT_EQ(list_with({{"Authorization", basic("demo-org_user-bjorn", client_.token())}})->status,
            401);
  EXPECT_EQ(list_with({{"Authorization", basic("admin-user", client_.token())}})->status, 401);
}

TEST_F(AuthTest, MissingOrMalformedCredentialsAre401WithDetail) {
  const std::vector<httplib::Headers> cases = {
      {},
      {{"Authorization", "Bearer"}},
      {{"Authorization", "Bearer not-a-jwt"}},
      {{"Authorization", "Token " + client_.token()}},
      {{"Authorization", "Basic !!!"}},
      {{"Authorization", "Basic " + base64_encode("no-colon")}},
  };
  for (const auto& headers : cases) {
    SCOPED_TRACE(headers.empty() ? "(none)" : headers.begin()->second);
    const auto result = list_with(headers);
    EXPECT_EQ(result->status, 401);
    EXPECT_TRUE(body_of(result)["detail"].is_string());
    EXPECT_EQ(result->get_header_value("X-RateLimit-Limit"), "60");
  }
}

TEST_F(AuthTest, TamperedTokenIs401) {
  std::string token = client_.token();
  const std::size_t dot = token.find('.');
  const std::string forged_payload = base64url_encode(
      R"({"org":"demo-org","sub":"admin-user","iat":0,"exp":99999999999,"jti":"x"})");
  const std::string forged =
      token.substr(0, dot) + "." + forged_payload + token.substr(token.rfind('.'));
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + forged}})->status, 401);

  token.back() = token.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + token}})->status, 401);
}

TEST_F(AuthTest, TokenOfAnotherEmulatorIs401) {
  Emulator other;
  WireClient other_client(other);
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + other_client.token()}})->status, 401);
}

TEST_F(AuthTest, ForeignOrganizationTokenNeedsXOrgId) {
  const std::string partner = client_.token(kPartnerAdmin, kPartnerOrg);

  EXPECT_EQ(list_with({{"Authorization", "Bearer " + partner}})->status, 401);
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + partner}, {"X-ORG-ID", kPartnerOrg}})->status,
            200);
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + partner}, {"X-ORG-ID", kOrg}})->status, 401);
  // X-ORG-ID names the token's issuer, so it must match the token even on its own organization.
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + client_.token()}, {"X-ORG-ID", kPartnerOrg}})
                ->status,
            401);
}

TEST_F(AuthTest, UnknownOrganizationInPathIs404) {
  const auto result = list_with({{"Authorization", "Bearer " + client_.token()}}, "no-such-org");
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
}

TEST_F(AuthTest, TokenOfADeletedUserIs401) {
  const std::string token = client_.token(kMember);
  ASSERT_EQ(client_.remove(kMember)->status, 204);
  EXPECT_EQ(list_with({{"Authorization", "Bearer " + token}})->status, 401);
}

TEST(AuthExpiry, ExpiredTokenIs401) {
  EmulatorOptions options;
  options.token_ttl = std::chrono::seconds(1);
  Emulator emulator(options);
  WireClient client(emulator);
  const auto signed_in = body_of(client.sign_in(kAdmin));
  const httplib::Headers headers = {
      {"Authorization", "Bearer " + signed_in["id_token"].get<std::string>()}};
  ASSERT_EQ(client.http().Get(kUsersPath, headers)->status, 200);

  // The token lasts at least the TTL and ends exactly at expires_at.
  const auto expires_at = parse_rfc3339_micros(signed_in["expires_at"].get<std::string>());
  ASSERT_TRUE(expires_at);
  std::this_thread::sleep_until(
      std::chrono::system_clock::time_point(std::chrono::microseconds(*expires_at + 50000)));

  const auto result = client.http().Get(kUsersPath, headers);
  EXPECT_EQ(result->status, 401);
  EXPECT_NE(body_of(result)["detail"].get<std::string>().find("expired"), std::string::npos);
}

}  // namespace
}  // namespace amigo::emulator::test

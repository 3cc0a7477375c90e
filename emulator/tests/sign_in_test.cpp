#include <gtest/gtest.h>

#include <chrono>

#include "../src/base64.hpp"
#include "../src/rfc3339.hpp"
#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;

TEST(SignIn, IssuesASignedTokenThatExpiresAfterTheTtl) {
  Emulator emulator;
  WireClient client(emulator);

  const auto result = client.sign_in(kAdmin);

  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  const auto body = body_of(result);
  const std::string token = body["id_token"];
  ASSERT_EQ(std::count(token.begin(), token.end(), '.'), 2);
  const auto payload = nlohmann::json::parse(
      *base64url_decode(token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1)));
  EXPECT_EQ(payload["org"], kOrg);
  EXPECT_EQ(payload["sub"], kAdmin);
  const auto lifetime = payload["exp"].get<std::int64_t>() - payload["iat"].get<std::int64_t>();
  EXPECT_GE(lifetime, 3600);
  EXPECT_LE(lifetime, 3601);
  EXPECT_FALSE(payload["jti"].get<std::string>().empty());

  const std::string expires_at = body["expires_at"];
  EXPECT_EQ(expires_at.back(), 'Z');
  const auto expires = parse_rfc3339_micros(expires_at);
  ASSERT_TRUE(expires);
  EXPECT_EQ(*expires / 1000000, payload["exp"].get<std::int64_t>());
  EXPECT_EQ(emulator.counters().sign_ins, 1u);
}

TEST(SignIn, TokenTtlIsConfigurable) {
  EmulatorOptions options;
  options.token_ttl = std::chrono::seconds(90);
  Emulator emulator(options);
  WireClient client(emulator);

  const auto body = body_of(client.sign_in(kAdmin));
  const auto expires = parse_rfc3339_micros(body["expires_at"].get<std::string>());
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  ASSERT_TRUE(expires);
  EXPECT_NEAR(static_cast<double>(*expires) / 1e6 - static_cast<double>(now), 90.0, 2.0);
}

TEST(SignIn, AnyUserOfTheOrganizationMaySignInWithItsKey) {
  Emulator emulator;
  WireClient client(emulator);
  EXPECT_EQ(client.sign_in(kMember)->status, 200);
}

TEST(SignIn, WrongKeyKeyIdOrUserIs401) {
  Emulator emulator;
  WireClient client(emulator);

  EXPECT_EQ(client.sign_in(kAdmin, kOrg, "wrong-key")->status, 401);
  EXPECT_EQ(client.sign_in(kAdmin, kOrg, kApiKey, "wrong-key-id")->status, 401);
  EXPECT_EQ(client.sign_in("nobody")->status, 401);
  // A key is only good in its own organization.
  EXPECT_EQ(client.sign_in(kPartnerAdmin, kPartnerOrg, kApiKey, kApiKeyId)->status, 401);
  const auto result = client.sign_in(kAdmin, kOrg, "wrong-key");
  EXPECT_TRUE(body_of(result)["detail"].is_string());
  EXPECT_EQ(emulator.counters().sign_ins, 0u);
}

TEST(SignIn, UnknownOrganizationIs404) {
  Emulator emulator;
  WireClient client(emulator);
  const auto result = client.sign_in(kAdmin, "no-such-org");
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
}

TEST(SignIn, MissingHeadersAre422InFastApiShape) {
  Emulator emulator;
  WireClient client(emulator);

  const auto result =
      client.http().Post("/v1/demo-org/user/signin_with_api_key",
                         httplib::Headers{{"x-api-key", kApiKey}}, "", "application/json");

  ASSERT_EQ(result->status, 422);
  const auto body = body_of(result);
  ASSERT_EQ(body["detail"].size(), 2u);
  const auto error = error_at(result, {"header", "x-user-id"});
  ASSERT_FALSE(error.is_null()) << result->body;
  EXPECT_EQ(error["type"], "missing");
  EXPECT_EQ(error["msg"], "Field required");
  EXPECT_FALSE(error_at(result, {"header", "x-api-key-id"}).is_null());
}

TEST(SignIn, AcceptsAPostWithoutContentLength) {
  Emulator emulator;
  httplib::Client raw(emulator.base_url());
  // cpp-httplib's client always sends a length; a hand-written request does not.
  httplib::Request request;
  request.method = "POST";
  request.path = "/v1/demo-org/user/signin_with_api_key";
  request.headers = {{"x-api-key", kApiKey}, {"x-api-key-id", kApiKeyId}, {"x-user-id", kAdmin}};
  const auto result = raw.send(request);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
}

}  // namespace
}  // namespace amigo::emulator::test

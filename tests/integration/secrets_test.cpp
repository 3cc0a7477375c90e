// Failures whose server detail quotes credentials: with every way to
// authenticate, the API key, the JWT and the Basic credentials stay out of
// every debug log line and every exception message. (Each fixture also checks
// this for its own tests when they end.)

#include <string>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using testing::Fault;
using testing::FaultAction;

constexpr const char* kUsersPath = "/v1/demo-org/user/";
constexpr const char* kSensitiveValue = "S3cr3t-Badge-4471";

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned group = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(group >> shift) & 0x3F];
  }
  const std::size_t left = bytes.size() - i;
  if (left > 0) {
    unsigned group = static_cast<unsigned char>(bytes[i]) << 16;
    if (left == 2) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(group >> 18) & 0x3F];
    out += kAlphabet[(group >> 12) & 0x3F];
    out += left == 2 ? kAlphabet[(group >> 6) & 0x3F] : '=';
    out += '=';
  }
  return out;
}

Fault answer_on_list(int status, const std::string& body) {
  Fault fault;
  fault.method = "GET";
  fault.path = kUsersPath;
  fault.status = status;
  fault.body = body;
  return fault;
}

class SecretsTest : public IntegrationTest {
 protected:
  SecretsTest() : token_(sign_in_directly(emulator(), kAdmin)) {
    keep_secret(token_);
    basic_credentials_ = base64(std::string(kOrg) + "_" + kAdmin + ":" + token_);
    keep_secret(basic_credentials_);
    keep_secret(kSensitiveValue);
  }

  // Every status the client maps, each answered with a detail quoting `quoted`.
  void fail_every_way(AmigoClient& client, const std::string& quoted) {
    const std::string detail = R"({"detail": "rejected credentials )" + quoted + R"("})";
    // Twice each: an API-key client renews its token after a 401 and tries again.
    for (int status : {400, 401, 403, 404, 409, 500, 502}) {
      Fault fault = answer_on_list(status, detail);
      fault.count = 2;
      emulator().add_fault(fault);
      expect_thrown<ApiError>([&] { client.user().list_users(); });
      emulator().clear_faults();
    }
    emulator().add_fault(answer_on_list(
        422, R"({"detail": [{"loc": ["header", ")" + quoted + R"("], "msg": "bad )" + quoted +
                 R"(", "type": "value_error", "input": ")" + quoted + R"("}]})"));
    const auto invalid = expect_thrown<ValidationError>([&] { client.user().list_users(); });
    ASSERT_TRUE(invalid.has_value());
    for (const FieldError& error : invalid->field_errors()) {
      ledger().record(error.msg);
      for (const std::string& part : error.loc) ledger().record(part);
    }
    // Retried until the attempts run out.
    for (int status : {429, 503}) {
      Fault retried = answer_on_list(status, detail);
      retried.retry_after = "0";
      retried.count = RetryOptions{}.max_attempts;
      emulator().add_fault(retried);
      expect_thrown<ApiError>([&] { client.user().list_users(); });
    }
  }

  ClientOptions with_auth(Auth auth) {
    ClientOptions options = client_options();
    options.auth = std::move(auth);
    return options;
  }

  std::string token_;
  std::string basic_credentials_;
};

TEST_F(SecretsTest, TheApiKeyAndTheTokensItGetsStaySecret) {
  AmigoClient client(client_options());
  client.user().list_users();
  fail_every_way(client, kApiKey);
  fail_every_way(client, std::string("Bearer ") + token_);
  fail_every_way(client, token_);

  // A refused token is renewed: the new one is logged about, never shown.
  Fault refused = answer_on_list(401, R"({"detail": "expired"})");
  emulator().add_fault(refused);
  client.user().list_users();
  // The direct one, the client's, one renewal per 401 above, and this one.
  EXPECT_EQ(emulator().counters().sign_ins, 6u);
  EXPECT_FALSE(ledger().containing("GET /v1/demo-org/user/ -> 200").empty());
}

TEST_F(SecretsTest, ABearerTokenStaysSecret) {
  AmigoClient client(with_auth(BearerAuth{token_, std::string(kOrg)}));
  client.user().list_users();
  fail_every_way(client, token_);
  fail_every_way(client, "Authorization: Bearer " + token_);
}

TEST_F(SecretsTest, BasicCredentialsStaySecret) {
  AmigoClient client(with_auth(BasicAuth{kOrg, kAdmin, token_}));
  EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers);
  fail_every_way(client, "Basic " + basic_credentials_);
  fail_every_way(client, basic_credentials_);
  fail_every_way(client, token_);
}

TEST_F(SecretsTest, SignInFailuresKeepTheApiKeySecret) {
  keep_secret("wrong-secret-key-1234567890");
  AmigoClient wrong(with_auth(ApiKeyAuth{"wrong-secret-key-1234567890", kApiKeyId, kAdmin}));
  expect_thrown<AuthenticationError>([&] { wrong.user().list_users(); });

  Fault echo;
  echo.method = "POST";
  echo.path = "/v1/demo-org/user/signin_with_api_key";
  echo.status = 422;
  echo.body = std::string(R"({"detail": [{"loc": ["header", "x-api-key"], "msg": "bad key )") +
              kApiKey + R"(", "type": "value_error", "input": ")" + kApiKey + R"("}]})";
  emulator().add_fault(echo);
  AmigoClient client(client_options());
  expect_thrown<ValidationError>([&] { client.user().list_users(); });
}

TEST_F(SecretsTest, SensitiveVariableValuesStaySecret) {
  AmigoClient client(client_options());
  UserInviteRequest invite;
  invite.first_name = "Grace";
  invite.last_name = "Hopper";
  invite.email = "grace@example.com";
  invite.role = "DefaultUserRole";
  invite.sensitive_user_variables = {{"badge", kSensitiveValue}};
  invite.user_preferences = UserPreferences{};
  invite.user_preferences->timezone = "Mars/Olympus_Mons";
  expect_thrown<ValidationError>([&] { client.user().invite_user(invite); });

  Fault echo;
  echo.method = "POST";
  echo.path = kUsersPath;
  echo.status = 422;
  echo.body = std::string(R"({"detail": [{"loc": ["body", "sensitive_user_variables", "badge"],)") +
              R"( "msg": "Value error, )" + kSensitiveValue + R"( is not a badge number",)" +
              R"( "type": "value_error", "input": ")" + kSensitiveValue + R"("}]})";
  emulator().add_fault(echo);
  const auto echoed = expect_thrown<ValidationError>([&] { client.user().invite_user(invite); });
  ASSERT_TRUE(echoed.has_value());
  ASSERT_EQ(echoed->field_errors().size(), 1u);
  ledger().record(echoed->field_errors().front().msg);

  invite.sensitive_user_variables = {{"badge", std::string(kSensitiveValue) + "\xff"}};
  expect_thrown<InvalidArgumentError>([&] { client.user().invite_user(invite); });

  invite.user_preferences.reset();
  invite.sensitive_user_variables = {{"badge", kSensitiveValue}};
  const UserInviteResponse invited = client.user().invite_user(invite);
  const auto user = find_user(client, invited.user_id);
  ASSERT_TRUE(user.has_value());
  EXPECT_THAT(user->sensitive_variables, ::testing::ElementsAre("badge"));
}

}  // namespace
}  // namespace amigo::integration

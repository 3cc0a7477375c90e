#include <gtest/gtest.h>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using nlohmann::json;

class InviteTest : public ::testing::Test {
 protected:
  Emulator emulator_;
  WireClient client_{emulator_};
};

struct InvalidInvite {
  const char* name;
  json body;
  json loc;
  const char* type;
};

json with(json body, const json& patch) {
  body.merge_patch(patch);
  return body;
}

json many_variables(int count) {
  json variables = json::object();
  for (int i = 0; i < count; ++i) variables["var_" + std::to_string(i)] = "value";
  return variables;
}

TEST_F(InviteTest, EachInvalidFieldIs422WithPydanticTypeAndLoc) {
  const json valid = invite_body("new.person@example.com");
  const std::vector<InvalidInvite> cases = {
      {"missing first_name",
       json{{"last_name", "L"}, {"email", "a@example.com"}, {"role_name", "DefaultUserRole"}},
       {"body", "first_name"},
       "missing"},
      {"missing role_name",
       json{{"first_name", "F"}, {"last_name", "L"}, {"email", "a@example.com"}},
       {"body", "role_name"},
       "missing"},
      {"number as name", with(valid, {{"first_name", 7}}), {"body", "first_name"}, "string_type"},
      {"blank name",
       with(valid, {{"last_name", "   "}}),
       {"body", "last_name"},
       "string_too_short"},
      {"email without @",
       with(valid, {{"email", "not-an-email"}}),
       {"body", "email"},
       "value_error"},
      {"email without dot",
       with(valid, {{"email", "a@localhost"}}),
       {"body", "email"},
       "value_error"},
      {"role as number", with(valid, {{"role_name", 1}}), {"body", "role_name"}, "string_type"},
      {"relative login link",
       with(valid, {{"login_link", "/login"}}),
       {"body", "login_link"},
       "url_parsing"},
      {"ftp login link",
       with(valid, {{"login_link", "ftp://example.com/"}}),
       {"body", "login_link"},
       "url_scheme"},
      {"long login link",
       with(valid, {{"login_link", "https://example.com/" + std::string(2100, 'a')}}),
       {"body", "login_link"},
       "url_too_long"},
      {"20 nonsensitive variables",
       with(valid, {{"nonsensitive_user_variables", many_variables(20)}}),
       {"body", "nonsensitive_user_variables"},
       "too_long"},
      {"21 sensitive variables",
       with(valid, {{"sensitive_user_variables", many_variables(21)}}),
       {"body", "sensitive_user_variables"},
       "too_long"},
      {"upper-case variable name",
       with(valid, {{"nonsensitive_user_variables", {{"Plan", "gold"}}}}),
       {"body", "nonsensitive_user_variables", "Plan", "[key]"},
       "string_pattern_mismatch"},
      {"one-letter variable name",
       with(valid, {{"sensitive_user_variables", {{"x", "1"}}}}),
       {"body", "sensitive_user_variables", "x", "[key]"},
       "string_pattern_mismatch"},
      {"variable value not text",
       with(valid, {{"nonsensitive_user_variables", {{"plan", 3}}}}),
       {"body", "nonsensitive_user_variables", "plan"},
       "string_type"},
      {"variables not an object",
       with(valid, {{"sensitive_user_variables", json::array()}}),
       {"body", "sensitive_user_variables"},
       "dict_type"},
      {"unknown language",
       with(valid, {{"user_preferences", {{"preferred_language", "xyz1"}}}}),
       {"body", "user_preferences", "preferred_language"},
       "enum"},
      {"three letters not in ISO 639-3",
       with(valid, {{"user_preferences", {{"preferred_language", "qqq"}}}}),
       {"body", "user_preferences", "preferred_language"},
       "enum"},
      {"unknown time zone",
       with(valid, {{"user_preferences", {{"timezone", "Mars/Olympus"}}}}),
       {"body", "user_preferences", "timezone"},
       "enum"},
      {"flag as text",
       with(valid, {{"user_preferences", {{"enable_response_recommendation", "yes"}}}}),
       {"body", "user_preferences", "enable_response_recommendation"},
       "bool_type"},
      {"keyterms not a list",
       with(valid, {{"user_preferences", {{"audio_keyterms", "amigo"}}}}),
       {"body", "user_preferences", "audio_keyterms"},
       "list_type"},
      {"preferences not an object",
       with(valid, {{"user_preferences", 5}}),
       {"body", "user_preferences"},
       "model_attributes_type"},
      {"body not an object", json::array({1, 2}), {"body"}, "model_attributes_type"},
  };
  for (const InvalidInvite& invalid : cases) {
    SCOPED_TRACE(invalid.name);
    const auto result = client_.invite(invalid.body);
    ASSERT_EQ(result->status, 422) << result->body;
    const json error = error_at(result, invalid.loc);
    ASSERT_FALSE(error.is_null()) << result->body;
    EXPECT_EQ(error["type"], invalid.type) << result->body;
    EXPECT_TRUE(error["msg"].is_string());
    EXPECT_TRUE(error.contains("input"));
  }
}

TEST_F(InviteTest, AllErrorsAreReportedTogether) {
  const auto result = client_.invite(
      {{"first_name", ""}, {"email", "bad"}, {"role_name", 3}, {"login_link", "nope"}});
  ASSERT_EQ(result->status, 422);
  EXPECT_EQ(body_of(result)["detail"].size(), 5u) << result->body;
}

TEST_F(InviteTest, InvalidJsonIsJsonInvalid) {
  const auto result =
      client_.http().Post(kUsersPath, client_.as(), "{\"first_name\": ", "application/json");
  ASSERT_EQ(result->status, 422);
  const json detail = body_of(result)["detail"];
  EXPECT_EQ(detail[0]["type"], "json_invalid");
  EXPECT_EQ(detail[0]["loc"][0], "body");
}

TEST_F(InviteTest, EmptyBodyIsMissing) {
  const auto result = client_.http().Post(kUsersPath, client_.as(), "", "application/json");
  ASSERT_EQ(result->status, 422);
  EXPECT_EQ(body_of(result)["detail"][0]["type"], "missing");
}

TEST_F(InviteTest, AcceptsTwoWordCharacterLanguagesAndValidZones) {
  json body = invite_body("two.letters@example.com");
  body["user_preferences"] = {{"preferred_language", "en"}, {"timezone", "America/New_York"}};
  const auto result = client_.invite(body);
  ASSERT_EQ(result->status, 201) << result->body;
  const json user = state_user(emulator_, body_of(result)["user_id"]);
  EXPECT_EQ(user["preferences"]["preferred_language"], "en");
  EXPECT_EQ(user["preferences"]["timezone"], "America/New_York");
}

TEST_F(InviteTest, UnknownRoleIs404) {
  const auto result = client_.invite(invite_body("someone@example.com", "NoSuchRole"));
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
}

TEST_F(InviteTest, WithoutInvitePermissionIs403) {
  const auto result = client_.invite(invite_body("someone@example.com"), kMember);
  EXPECT_EQ(result->status, 403);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
}

TEST_F(InviteTest, CallerMustOutrankTheNewRole) {
  EXPECT_EQ(client_.invite(invite_body("a@example.com", "Manager"), kManager)->status, 403);
  EXPECT_EQ(client_.invite(invite_body("b@example.com", "Admin"), kManager)->status, 403);
  EXPECT_EQ(client_.invite(invite_body("c@example.com", "DefaultUserRole"), kManager)->status, 201);
  EXPECT_EQ(client_.invite(invite_body("d@example.com", "Admin"), kAdmin)->status, 403);
  EXPECT_EQ(client_.invite(invite_body("e@example.com", "Manager"), kAdmin)->status, 201);
}

TEST_F(InviteTest, DuplicateEmailIs409RegardlessOfCase) {
  const auto result = client_.invite(invite_body("Maya.Okonkwo@EXAMPLE.com"));
  EXPECT_EQ(result->status, 409);
  EXPECT_TRUE(body_of(result)["detail"].is_string());

  ASSERT_EQ(client_.invite(invite_body("fresh@example.com"))->status, 201);
  EXPECT_EQ(client_.invite(invite_body("FRESH@example.com"))->status, 409);
}

TEST_F(InviteTest, WithoutLoginLinkVerifyLinkIsNull) {
  const auto result = client_.invite(invite_body("no.link@example.com"));
  ASSERT_EQ(result->status, 201) << result->body;
  const json body = body_of(result);
  EXPECT_FALSE(body["user_id"].get<std::string>().empty());
  ASSERT_TRUE(body.contains("verify_link"));
  EXPECT_TRUE(body["verify_link"].is_null());
}

TEST_F(InviteTest, WithLoginLinkVerifyLinkExtendsIt) {
  json request = invite_body("with.link@example.com");
  request["login_link"] = "https://app.example.com/login";
  const json body = body_of(client_.invite(request));
  EXPECT_EQ(body["verify_link"].get<std::string>().rfind("https://app.example.com/login?token=", 0),
            0u);

  request = invite_body("query.link@example.com");
  request["login_link"] = "https://app.example.com/login?email=x#top";
  const std::string link = body_of(client_.invite(request))["verify_link"];
  EXPECT_EQ(link.rfind("https://app.example.com/login?email=x&token=", 0), 0u) << link;
  EXPECT_EQ(link.substr(link.size() - 4), "#top");
}

TEST_F(InviteTest, NewUserIsUnverifiedWithZeroStatsAndDefaultPreferences) {
  json request = invite_body("  new.user@example.com ");
  request["first_name"] = "  Grace ";
  request["nonsensitive_user_variables"] = {{"plan", "gold"}};
  request["sensitive_user_variables"] = {{"ssn_last4", "1234"}};
  request["user_preferences"] = {{"timezone", "Europe/London"}};
  const std::string user_id = body_of(client_.invite(request))["user_id"];

  const json user = state_user(emulator_, user_id);
  EXPECT_EQ(user["verified"], false);
  EXPECT_EQ(user["first_name"], "Grace");
  EXPECT_EQ(user["email"], "new.user@example.com");
  EXPECT_EQ(user["role"], "DefaultUserRole");
  EXPECT_EQ(user["user_stats"],
            json({{"num_conversations", 0}, {"num_messages", 0}, {"last_message_time", nullptr}}));
  EXPECT_EQ(user["preferences"], json({{"enable_response_recommendation", false},
                                       {"preferred_language", nullptr},
                                       {"conversations_visible_to_admins", true},
                                       {"user_model_visible_to_admins", true},
                                       {"timezone", "Europe/London"},
                                       {"audio_keyterms", json::array()}}));

  const json listed = body_of(client_.list("user_id=" + user_id))["users"][0];
  EXPECT_EQ(listed["nonsensitive_variables"], json({{"plan", "gold"}}));
  EXPECT_EQ(listed["sensitive_variables"], json::array({"ssn_last4"}));
}

}  // namespace
}  // namespace amigo::emulator::test

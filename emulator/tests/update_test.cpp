#include <gtest/gtest.h>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using nlohmann::json;

class UpdateTest : public ::testing::Test {
 protected:
  json preferences_of(const std::string& user_id) {
    return state_user(emulator_, user_id)["preferences"];
  }

  Emulator emulator_;
  WireClient client_{emulator_};
};

TEST_F(UpdateTest, SetsOnlyThePresentFieldsAndAnswers204WithoutBody) {
  const json before = state_user(emulator_, "admin-user");
  const auto result = client_.update("admin-user", {{"last_name", "  Okafor "},
                                                    {"audio_keyterms", {"amigo", "care plan"}},
                                                    {"additional_context", {" Likes tea. "}}});
  ASSERT_EQ(result->status, 204) << result->body;
  EXPECT_TRUE(result->body.empty());
  EXPECT_EQ(result->get_header_value("X-RateLimit-Limit"), "50");

  json expected = before;
  expected["last_name"] = "Okafor";
  expected["preferences"]["audio_keyterms"] = {"amigo", "care plan"};
  expected["additional_context"] = {"Likes tea."};
  EXPECT_EQ(state_user(emulator_, "admin-user"), expected);
}

TEST_F(UpdateTest, NullLeavesTwoStateFieldsUnchanged) {
  const json before = state_user(emulator_, "admin-user");
  const json nulls = {{"first_name", nullptr},
                      {"last_name", nullptr},
                      {"enable_response_recommendation", nullptr},
                      {"conversations_visible_to_admins", nullptr},
                      {"user_model_visible_to_admins", nullptr},
                      {"additional_context", nullptr},
                      {"audio_keyterms", nullptr}};
  ASSERT_EQ(client_.update("admin-user", nulls)->status, 204);
  EXPECT_EQ(state_user(emulator_, "admin-user"), before);

  ASSERT_EQ(client_.update("admin-user", json::object())->status, 204);
  EXPECT_EQ(state_user(emulator_, "admin-user"), before);
}

TEST_F(UpdateTest, BooleansChange) {
  ASSERT_EQ(client_
                .update("admin-user", {{"enable_response_recommendation", false},
                                       {"conversations_visible_to_admins", false},
                                       {"user_model_visible_to_admins", false}})
                ->status,
            204);
  const json preferences = preferences_of("admin-user");
  EXPECT_EQ(preferences["enable_response_recommendation"], false);
  EXPECT_EQ(preferences["conversations_visible_to_admins"], false);
  EXPECT_EQ(preferences["user_model_visible_to_admins"], false);
}

TEST_F(UpdateTest, LanguageAndTimezoneHaveThreeStates) {
  ASSERT_EQ(preferences_of("admin-user")["preferred_language"], "eng");

  // Absent or {} leaves alone.
  ASSERT_EQ(client_.update("admin-user", {{"first_name", "Maya"}})->status, 204);
  ASSERT_EQ(client_
                .update("admin-user",
                        {{"preferred_language", json::object()}, {"timezone", json::object()}})
                ->status,
            204);
  EXPECT_EQ(preferences_of("admin-user")["preferred_language"], "eng");
  EXPECT_EQ(preferences_of("admin-user")["timezone"], "America/New_York");

  // A value sets.
  ASSERT_EQ(
      client_.update("admin-user", {{"preferred_language", "deu"}, {"timezone", "Europe/Berlin"}})
          ->status,
      204);
  EXPECT_EQ(preferences_of("admin-user")["preferred_language"], "deu");
  EXPECT_EQ(preferences_of("admin-user")["timezone"], "Europe/Berlin");

  // Null erases.
  ASSERT_EQ(client_.update("admin-user", {{"preferred_language", nullptr}, {"timezone", nullptr}})
                ->status,
            204);
  EXPECT_TRUE(preferences_of("admin-user")["preferred_language"].is_null());
  EXPECT_TRUE(preferences_of("admin-user")["timezone"].is_null());
}

TEST_F(UpdateTest, InvalidFieldsAre422) {
  struct Case {
    json body;
    json loc;
    const char* type;
  };
  json keyterms = json::array();
  for (int i = 0; i < 21; ++i) keyterms.push_back("term");
  const std::vector<Case> cases = {
      {{{"first_name", " "}}, {"body", "first_name"}, "string_too_short"},
      {{{"last_name", 5}}, {"body", "last_name"}, "string_type"},
      {{{"enable_response_recommendation", "true"}},
       {"body", "enable_response_recommendation"},
       "bool_type"},
      // The update takes ISO 639-3 codes only, unlike the invite.
      {{{"preferred_language", "en"}}, {"body", "preferred_language"}, "enum"},
      {{{"timezone", "Nowhere/Town"}}, {"body", "timezone"}, "enum"},
      {{{"audio_keyterms", {"Amigo"}}}, {"body", "audio_keyterms", 0}, "string_pattern_mismatch"},
      {{{"audio_keyterms", {"one two three four"}}},
       {"body", "audio_keyterms", 0},
       "string_pattern_mismatch"},
      {{{"audio_keyterms", keyterms}}, {"body", "audio_keyterms"}, "too_long"},
      {{{"additional_context", {"fine", "  "}}},
       {"body", "additional_context", 1},
       "string_too_short"},
      {{{"additional_context", "text"}}, {"body", "additional_context"}, "list_type"},
  };
  for (const Case& invalid : cases) {
    SCOPED_TRACE(invalid.body.dump());
    const auto result = client_.update("admin-user", invalid.body);
    ASSERT_EQ(result->status, 422) << result->body;
    const json error = error_at(result, invalid.loc);
    ASSERT_FALSE(error.is_null()) << result->body;
    EXPECT_EQ(error["type"], invalid.type);
  }
}

TEST_F(UpdateTest, UnknownUserIs404) {
  const auto result = client_.update("ghost", {{"first_name", "Casper"}});
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
}

TEST_F(UpdateTest, WithoutUpdatePermissionIs403) {
  EXPECT_EQ(client_.update("user-zoe", {{"first_name", "Z"}}, kMember)->status, 403);
  EXPECT_EQ(client_.update(kMember, {{"first_name", "B"}}, kMember)->status, 403);
  EXPECT_EQ(client_.update("user-zoe", {{"first_name", "Z"}}, kManager)->status, 204);
}

class DeleteTest : public ::testing::Test {
 protected:
  Emulator emulator_;
  WireClient client_{emulator_};
};

TEST_F(DeleteTest, DeletesAndAnswers204WithoutBody) {
  const auto result = client_.remove("user-zoe");
  ASSERT_EQ(result->status, 204) << result->body;
  EXPECT_TRUE(result->body.empty());
  EXPECT_EQ(result->get_header_value("X-RateLimit-Limit"), "500");
  EXPECT_TRUE(state_user(emulator_, "user-zoe").is_null());
  EXPECT_EQ(client_.remove("user-zoe")->status, 404);
  // The email is free again.
  EXPECT_EQ(client_.invite(invite_body("zoe.mueller@example.de"))->status, 201);
}

TEST_F(DeleteTest, UserActiveInActionsDevelopmentIs400) {
  const auto result = client_.remove("user-sofia");
  EXPECT_EQ(result->status, 400);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
  EXPECT_FALSE(state_user(emulator_, "user-sofia").is_null());
}

TEST_F(DeleteTest, UnknownUserIs404) { EXPECT_EQ(client_.remove("ghost")->status, 404); }

TEST_F(DeleteTest, WithoutDeletePermissionIs403) {
  EXPECT_EQ(client_.remove("user-zoe", kManager)->status, 403);
  EXPECT_EQ(client_.remove("user-zoe", kMember)->status, 403);
}

}  // namespace
}  // namespace amigo::emulator::test

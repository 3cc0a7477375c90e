#include <date/date.h>
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "amigo/errors.hpp"
#include "user_codec.hpp"

namespace amigo::detail {
namespace {

using namespace std::chrono_literals;
using date::literals::operator""_y;
using date::literals::may;
using nlohmann::json;

// Three users as a server sends them: every field, defaults, nulls, an
// offset timestamp, escapes, and fields this SDK does not know.
constexpr const char* kThreeUserPage = R"({
  "users": [
    {
      "org_id": "acme",
      "user_id": "u-1",
      "first_name": "Ada",
      "last_name": "Lovelace",
      "email": "ada@example.com",
      "user_stats": {
        "num_conversations": 12,
        "num_messages": 340,
        "last_message_time": "2024-05-01T12:34:56.123456Z"
      },
      "role": "DefaultUserRole",
      "preferences": {
        "enable_response_recommendation": true,
        "preferred_language": "eng",
        "conversations_visible_to_admins": false,
        "user_model_visible_to_admins": true,
        "timezone": "Europe/London",
        "audio_keyterms": ["difference engine", "analytical"]
      },
      "nonsensitive_variables": {"team": "engines", "age_band": "30s"},
      "sensitive_variables": ["api_token", "ssn"],
      "created_at": "2023-01-01T00:00:00Z",
      "profile": {"avatar": {"sizes": [1, 2.5, {"deep": [[], {}]}]}, "tags": null}
    },
    {
      "org_id": "acme",
      "user_id": "u-2",
      "first_name": "Charles",
      "last_name": "Babbage",
      "email": "charles@example.com",
      "user_stats": {"num_conversations": 0, "num_messages": 0, "last_message_time": null},
      "role": "Admin",
      "preferences": {},
      "nonsensitive_variables": {},
      "sensitive_variables": []
    },
    {
      "sensitive_variables": [],
      "nonsensitive_variables": {"quote": "say \"hi\"\n"},
      "preferences": {
        "preferred_language": null,
        "timezone": null,
        "audio_keyterms": [],
        "beta_flags": {"x": true}
      },
      "role": "DefaultUserRole",
      "user_stats": {
        "last_message_time": "2024-05-01T14:34:56.5+02:00",
        "num_messages": 9007199254740993,
        "num_conversations": 1,
        "streak": -4
      },
      "email": "jose@example.com",
      "last_name": "Garc\u00eda",
      "first_name": "Jos\u00e9",
      "user_id": "u/3?#",
      "org_id": "acme"
    }
  ],
  "has_more": true,
  "continuation_token": 3,
  "server_version": 2
})";

Timestamp noon_ish() { return date::sys_days{2024_y / may / 1} + 12h + 34min + 56s; }

TEST(DecodeUserPage, ReadsARealisticPage) {
  const UserPage page = decode_user_page(kThreeUserPage, 200);

  EXPECT_TRUE(page.has_more);
  EXPECT_EQ(page.continuation_token, 3);
  ASSERT_EQ(page.users.size(), 3U);

  const User& ada = page.users[0];
  EXPECT_EQ(ada.org_id, "acme");
  EXPECT_EQ(ada.user_id, "u-1");
  EXPECT_EQ(ada.first_name, "Ada");
  EXPECT_EQ(ada.last_name, "Lovelace");
  EXPECT_EQ(ada.email, "ada@example.com");
  EXPECT_EQ(ada.user_stats.num_conversations, 12);
  EXPECT_EQ(ada.user_stats.num_messages, 340);
  EXPECT_EQ(ada.user_stats.last_message_time, noon_ish() + 123456us);
  EXPECT_EQ(ada.role, "DefaultUserRole");
  EXPECT_TRUE(ada.preferences.enable_response_recommendation);
  EXPECT_EQ(ada.preferences.preferred_language, "eng");
  EXPECT_FALSE(ada.preferences.conversations_visible_to_admins);
  EXPECT_TRUE(ada.preferences.user_model_visible_to_admins);
  EXPECT_EQ(ada.preferences.timezone, "Europe/London");
  EXPECT_EQ(ada.preferences.audio_keyterms,
            (std::vector<std::string>{"difference engine", "analytical"}));
  EXPECT_EQ(ada.nonsensitive_variables,
            (std::map<std::string, std::string>{{"age_band", "30s"}, {"team", "engines"}}));
  EXPECT_EQ(ada.sensitive_variables, (std::vector<std::string>{"api_token", "ssn"}));

  const User& charles = page.users[1];
  EXPECT_EQ(charles.user_id, "u-2");
  EXPECT_EQ(charles.first_name, "Charles");
  EXPECT_EQ(charles.last_name, "Babbage");
  EXPECT_EQ(charles.email, "charles@example.com");
  EXPECT_EQ(charles.role, "Admin");
  EXPECT_EQ(charles.user_stats.num_conversations, 0);
  EXPECT_EQ(charles.user_stats.num_messages, 0);
  EXPECT_FALSE(charles.user_stats.last_message_time.has_value());
  // Absent preferences take the schema's defaults.
  EXPECT_FALSE(charles.preferences.enable_response_recommendation);
  EXPECT_FALSE(charles.preferences.preferred_language.has_value());
  EXPECT_TRUE(charles.preferences.conversations_visible_to_admins);
  EXPECT_TRUE(charles.preferences.user_model_visible_to_admins);
  EXPECT_FALSE(charles.preferences.timezone.has_value());
  EXPECT_TRUE(charles.preferences.audio_keyterms.empty());
  EXPECT_TRUE(charles.nonsensitive_variables.empty());
  EXPECT_TRUE(charles.sensitive_variables.empty());

  const User& jose = page.users[2];
  EXPECT_EQ(jose.org_id, "acme");
  EXPECT_EQ(jose.user_id, "u/3?#");
  EXPECT_EQ(jose.first_name, "Jos\xC3\xA9");
  EXPECT_EQ(jose.last_name,
            "Garc\xC3\xAD"
            "a");
  EXPECT_EQ(jose.email, "jose@example.com");
  EXPECT_EQ(jose.role, "DefaultUserRole");
  EXPECT_EQ(jose.user_stats.num_conversations, 1);
  EXPECT_EQ(jose.user_stats.num_messages, 9007199254740993);
  EXPECT_EQ(jose.user_stats.last_message_time, noon_ish() + 500ms);
  EXPECT_FALSE(jose.preferences.preferred_language.has_value());
  EXPECT_FALSE(jose.preferences.timezone.has_value());
  EXPECT_TRUE(jose.preferences.audio_keyterms.empty());
  EXPECT_EQ(jose.nonsensitive_variables,
            (std::map<std::string, std::string>{{"quote", "say \"hi\"\n"}}));
}

TEST(DecodeUserPage, LastPageHasNoToken) {
  const UserPage page =
      decode_user_page(R"({"users":[],"has_more":false,"continuation_token":null})", 200);
  EXPECT_TRUE(page.users.empty());
  EXPECT_FALSE(page.has_more);
  EXPECT_FALSE(page.continuation_token.has_value());
}

TEST(DecodeUserPage, DecodesTheSameAsADocumentWouldSay) {
  // Cross-check against nlohmann's own DOM on the realistic page.
  const json document = json::parse(kThreeUserPage);
  const UserPage page = decode_user_page(kThreeUserPage, 200);
  ASSERT_EQ(page.users.size(), document["users"].size());
  for (std::size_t i = 0; i < page.users.size(); ++i) {
    SCOPED_TRACE(i);
    const json& user = document["users"][i];
    EXPECT_EQ(page.users[i].user_id, user["user_id"].get<std::string>());
    EXPECT_EQ(page.users[i].email, user["email"].get<std::string>());
    EXPECT_EQ(page.users[i].user_stats.num_messages,
              user["user_stats"]["num_messages"].get<std::int64_t>());
    EXPECT_EQ(page.users[i].sensitive_variables,
              user["sensitive_variables"].get<std::vector<std::string>>());
  }
}

TEST(DecodeUserPage, SkipsDeeplyNestedUnknownValues) {
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  const UserPage page = decode_user_page(
      R"({"junk":)" + deep + R"(,"users":[],"has_more":false,"continuation_token":null})", 200);
  EXPECT_TRUE(page.users.empty());
}

// The realistic page with one change made to its parsed form.
std::string changed_page(const std::function<void(json&)>& change) {
  json page = json::parse(kThreeUserPage);
  change(page);
  return page.dump();
}

DecodeError decode_error(std::string_view body) {
  try {
    decode_user_page(body, 200);
  } catch (const DecodeError& error) {
    return error;
  }
  ADD_FAILURE() << "no DecodeError";
  return DecodeError(Operation::sign_in_with_api_key, 0, "<none>", "");
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

struct ErrorCase {
  const char* name;
  std::function<void(json&)> change;
  const char* field;
  const char* message;
};

TEST(DecodeUserPage, NamesThePathOfAMissingOrMistypedField) {
  const char* kPrivate = "private-value";
  const ErrorCase cases[] = {
      {"has_more missing", [](json& p) { p.erase("has_more"); }, "has_more",
       "required field is missing"},
      {"continuation_token missing", [](json& p) { p.erase("continuation_token"); },
       "continuation_token", "required field is missing"},
      {"users missing", [](json& p) { p.erase("users"); }, "users", "required field is missing"},
      {"users an object", [](json& p) { p["users"] = json::object(); }, "users",
       "expected an array, got an object"},
      {"has_more null", [](json& p) { p["has_more"] = nullptr; }, "has_more",
       "expected a boolean, got null"},
      {"token a string", [&](json& p) { p["continuation_token"] = kPrivate; }, "continuation_token",
       "expected an integer or null, got a string"},
      {"user null", [](json& p) { p["users"][1] = nullptr; }, "users[1]",
       "expected an object, got null"},
      {"email missing", [](json& p) { p["users"][2].erase("email"); }, "users[2].email",
       "required field is missing"},
      {"email a number", [](json& p) { p["users"][2]["email"] = 5; }, "users[2].email",
       "expected a string, got an integer"},
      {"role an array", [&](json& p) { p["users"][0]["role"] = json::array({kPrivate}); },
       "users[0].role", "expected a string, got an array"},
      {"user_stats missing", [](json& p) { p["users"][1].erase("user_stats"); },
       "users[1].user_stats", "required field is missing"},
      {"num_messages a string",
       [&](json& p) { p["users"][0]["user_stats"]["num_messages"] = kPrivate; },
       "users[0].user_stats.num_messages", "expected an integer, got a string"},
      {"num_messages a fraction",
       [](json& p) { p["users"][0]["user_stats"]["num_messages"] = 1.5; },
       "users[0].user_stats.num_messages",
       "expected an integer, got a number with a fraction or exponent"},
      {"num_conversations too big",
       [](json& p) { p["users"][1]["user_stats"]["num_conversations"] = 18446744073709551615ULL; },
       "users[1].user_stats.num_conversations",
       "expected an integer that fits in 64 bits, got a larger one"},
      {"last_message_time missing",
       [](json& p) { p["users"][1]["user_stats"].erase("last_message_time"); },
       "users[1].user_stats.last_message_time", "required field is missing"},
      {"last_message_time not a date",
       [&](json& p) { p["users"][0]["user_stats"]["last_message_time"] = kPrivate; },
       "users[0].user_stats.last_message_time",
       "expected an RFC 3339 date-time, got a string that is not one"},
      {"preferences null", [](json& p) { p["users"][0]["preferences"] = nullptr; },
       "users[0].preferences", "expected an object, got null"},
      {"flag a string",
       [&](json& p) { p["users"][0]["preferences"]["enable_response_recommendation"] = kPrivate; },
       "users[0].preferences.enable_response_recommendation", "expected a boolean, got a string"},
      {"timezone a boolean", [](json& p) { p["users"][2]["preferences"]["timezone"] = true; },
       "users[2].preferences.timezone", "expected a string or null, got a boolean"},
      {"keyterm a number", [](json& p) { p["users"][0]["preferences"]["audio_keyterms"][1] = 5; },
       "users[0].preferences.audio_keyterms[1]", "expected a string, got an integer"},
      {"variable a number", [](json& p) { p["users"][0]["nonsensitive_variables"]["team"] = 3; },
       "users[0].nonsensitive_variables.team", "expected a string, got an integer"},
      {"variables an array",
       [](json& p) { p["users"][0]["nonsensitive_variables"] = json::array(); },
       "users[0].nonsensitive_variables", "expected an object, got an array"},
      {"sensitive name null", [](json& p) { p["users"][0]["sensitive_variables"][1] = nullptr; },
       "users[0].sensitive_variables[1]", "expected a string, got null"},
      {"sensitive names missing", [](json& p) { p["users"][0].erase("sensitive_variables"); },
       "users[0].sensitive_variables", "required field is missing"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto error = decode_error(changed_page(c.change));
    EXPECT_EQ(error.operation(), Operation::list_users);
    EXPECT_EQ(error.status(), 200);
    EXPECT_EQ(error.field(), c.field);
    const std::string what = error.what();
    EXPECT_TRUE(ends_with(what, c.message)) << what;
    EXPECT_EQ(what.find(kPrivate), std::string::npos) << what;
    EXPECT_EQ(what.find("Lovelace"), std::string::npos) << what;
  }
}

TEST(DecodeUserPage, ReportsBodiesThatAreNotAPageObject) {
  struct Case {
    std::string body;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"", "", "the body is empty; expected a JSON object"},
      {" \n", "", "the body is empty; expected a JSON object"},
      {"[]", "", "expected an object, got an array"},
      {"null", "", "expected an object, got null"},
      {"42", "", "expected an object, got an integer"},
      {R"({"users":[{"org_id":"private-value",)", "users[0]",
       "the body is not valid JSON (error at byte 37)"},
      {R"({"users":[],"has_more":false,"continuation_token":null} trailing)", "",
       "the body is not valid JSON (error at byte 59)"},
      {R"({"users":[],"has_more":tru})", "", "the body is not valid JSON (error at byte 27)"},
      {"{\"users\":[{\"first_name\":\"A\xFF\"}]}", "users[0]",
       "the body is not valid JSON (error at byte 27)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    const auto error = decode_error(c.body);
    EXPECT_EQ(error.field(), c.field);
    const std::string what = error.what();
    EXPECT_TRUE(ends_with(what, c.message)) << what;
    EXPECT_EQ(what.find("private-value"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace amigo::detail

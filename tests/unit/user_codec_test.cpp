#include "user_codec.hpp"

#include <gtest/gtest.h>

#include <string>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

UserInviteRequest docs_example() {
  UserInviteRequest request;
  request.first_name = "Ada";
  request.last_name = "Lovelace";
  request.email = "ada@example.com";
  request.role = "DefaultUserRole";
  request.user_preferences = UserPreferences{};
  request.user_preferences->timezone = "America/New_York";
  return request;
}

// The message of the InvalidArgumentError `encode` throws; empty when none.
template <typename Encode>
std::string refusal(Encode encode) {
  try {
    encode();
  } catch (const InvalidArgumentError& error) {
    return error.what();
  }
  return {};
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

TEST(EncodeInvite, DocsPageExample) {
  EXPECT_EQ(encode_invite(docs_example()),
            R"({"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com",)"
            R"("role_name":"DefaultUserRole","user_preferences":{"timezone":"America/New_York"}})");
}

TEST(EncodeInvite, LeavesOutEverythingUnset) {
  auto request = docs_example();
  request.user_preferences.reset();
  EXPECT_EQ(encode_invite(request),
            R"({"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com",)"
            R"("role_name":"DefaultUserRole"})");
}

TEST(EncodeInvite, EveryFieldInSchemaOrder) {
  auto request = docs_example();
  request.login_link = "https://app.example.com/login?email=ada%40example.com";
  request.nonsensitive_user_variables = {{"team", "engines"}, {"age_band", "30s"}};
  request.sensitive_user_variables = {{"api_token", "s3cr3t"}};
  auto& preferences = *request.user_preferences;
  preferences.enable_response_recommendation = true;
  preferences.preferred_language = "eng";
  preferences.conversations_visible_to_admins = false;
  preferences.user_model_visible_to_admins = true;
  preferences.audio_keyterms = std::vector<std::string>{"difference engine", "analytical"};
  EXPECT_EQ(
      encode_invite(request),
      R"({"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com",)"
      R"("role_name":"DefaultUserRole",)"
      R"("login_link":"https://app.example.com/login?email=ada%40example.com",)"
      R"("nonsensitive_user_variables":{"age_band":"30s","team":"engines"},)"
      R"("sensitive_user_variables":{"api_token":"s3cr3t"},)"
      R"("user_preferences":{"enable_response_recommendation":true,"preferred_language":"eng",)"
      R"("conversations_visible_to_admins":false,"user_model_visible_to_admins":true,)"
      R"("timezone":"America/New_York","audio_keyterms":["difference engine","analytical"]}})");
}

TEST(EncodeInvite, EmptyPreferencesAreSentAsAnEmptyObject) {
  auto request = docs_example();
  request.user_preferences = UserPreferences{};
  EXPECT_TRUE(ends_with(encode_invite(request), R"("user_preferences":{}})"));
}

TEST(EncodeInvite, EscapesTextAndKeepsUtf8) {
  auto request = docs_example();
  request.first_name = "Zo\xC3\xAB \"Z\"\\";
  request.last_name = "line\nbreak";
  request.user_preferences.reset();
  EXPECT_EQ(encode_invite(request),
            "{\"first_name\":\"Zo\xC3\xAB \\\"Z\\\"\\\\\",\"last_name\":\"line\\nbreak\","
            "\"email\":\"ada@example.com\",\"role_name\":\"DefaultUserRole\"}");
}

TEST(EncodeInvite, AcceptsTheLimits) {
  auto request = docs_example();
  for (int i = 0; i < 19; ++i)
    request.nonsensitive_user_variables["var_" + std::to_string(i)] = "v";
  for (int i = 0; i < 20; ++i) request.sensitive_user_variables["key_" + std::to_string(i)] = "v";
  request.login_link = "http://x.example/" + std::string(2083 - 17, 'a');
  ASSERT_EQ(request.login_link->size(), 2083U);
  EXPECT_NO_THROW(encode_invite(request));

  request.login_link = "HTTPS://EXAMPLE.COM/";
  request.nonsensitive_user_variables = {{" padded_name ", "the server strips names"}};
  EXPECT_NO_THROW(encode_invite(request));
}

TEST(EncodeInvite, RefusesWhatTheServerWouldRefuse) {
  struct Case {
    const char* name;
    void (*change)(UserInviteRequest&);
    const char* message;
  };
  const Case cases[] = {
      {"blank first name", [](UserInviteRequest& r) { r.first_name = " \t"; },
       "invite_user: first_name must not be empty or only whitespace"},
      {"empty last name", [](UserInviteRequest& r) { r.last_name = ""; },
       "invite_user: last_name must not be empty or only whitespace"},
      {"empty email", [](UserInviteRequest& r) { r.email = ""; },
       "invite_user: email must not be empty or only whitespace"},
      {"blank role", [](UserInviteRequest& r) { r.role = "  "; },
       "invite_user: role must not be empty or only whitespace"},
      {"first name not UTF-8", [](UserInviteRequest& r) { r.first_name = "A\xC3\x28"; },
       "invite_user: first_name is not valid UTF-8; every text field must be"},
      {"empty login link", [](UserInviteRequest& r) { r.login_link = ""; },
       "invite_user: login_link must not be empty; leave it unset to send no email"},
      {"ftp login link", [](UserInviteRequest& r) { r.login_link = "ftp://example.com"; },
       "invite_user: login_link must be an absolute http:// or https:// URL"},
      {"relative login link", [](UserInviteRequest& r) { r.login_link = "/login"; },
       "invite_user: login_link must be an absolute http:// or https:// URL"},
      {"long login link",
       [](UserInviteRequest& r) { r.login_link = "https://x.example/" + std::string(2066, 'a'); },
       "invite_user: login_link must be at most 2083 characters long, got 2084"},
      {"upper-case variable name",
       [](UserInviteRequest& r) {
         r.nonsensitive_user_variables = {{"Team", "x"}};
       },
       "invite_user: nonsensitive_user_variables name \"Team\" must match ^[a-z_][a-z0-9_]+$: "
       "at least two characters, lower-case letters, digits and underscores, not starting with "
       "a digit"},
      {"one-letter sensitive name",
       [](UserInviteRequest& r) {
         r.sensitive_user_variables = {{"k", "hunter2"}};
       },
       "invite_user: sensitive_user_variables name \"k\" must match ^[a-z_][a-z0-9_]+$: at least "
       "two characters, lower-case letters, digits and underscores, not starting with a digit"},
      {"control byte in a name",
       [](UserInviteRequest& r) {
         r.nonsensitive_user_variables = {{"a\x01", "x"}};
       },
       "invite_user: nonsensitive_user_variables name \"a\\x01\" must match ^[a-z_][a-z0-9_]+$: "
       "at least two characters, lower-case letters, digits and underscores, not starting with "
       "a digit"},
      {"20 nonsensitive variables",
       [](UserInviteRequest& r) {
         for (int i = 0; i < 20; ++i) r.nonsensitive_user_variables["v" + std::to_string(i)] = "";
       },
       "invite_user: nonsensitive_user_variables may hold at most 19 variables, got 20"},
      {"21 sensitive variables",
       [](UserInviteRequest& r) {
         for (int i = 0; i < 21; ++i) r.sensitive_user_variables["s" + std::to_string(i)] = "";
       },
       "invite_user: sensitive_user_variables may hold at most 20 variables, got 21"},
      {"sensitive value not UTF-8",
       [](UserInviteRequest& r) {
         r.sensitive_user_variables = {{"api_token", "hunter2\xFF"}};
       },
       "invite_user: sensitive_user_variables[\"api_token\"] is not valid UTF-8; every text field "
       "must be"},
      {"keyterm not UTF-8",
       [](UserInviteRequest& r) {
         r.user_preferences->audio_keyterms = std::vector<std::string>{"ok", "\xE0\x80\x80"};
       },
       "invite_user: user_preferences.audio_keyterms[1] is not valid UTF-8; every text field "
       "must be"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto request = docs_example();
    c.change(request);
    const auto message = refusal([&] { encode_invite(request); });
    EXPECT_EQ(message, c.message);
    EXPECT_EQ(message.find("hunter2"), std::string::npos);
  }
}

TEST(EncodeInvite, RefusesEmailsWithoutOneAtAndADottedDomain) {
  for (const char* email : {"ada.example.com", "@example.com", "ada@localhost", "a@b@example.com",
                            "ada@", "ada@@example.com"}) {
    SCOPED_TRACE(email);
    auto request = docs_example();
    request.email = email;
    EXPECT_EQ(refusal([&] { encode_invite(request); }),
              "invite_user: email must hold exactly one '@' with a name before it and a domain "
              "containing a dot after it, like ada@example.com");
  }
}

TEST(EncodeUpdate, NothingSetIsAnEmptyObject) { EXPECT_EQ(encode_update({}), "{}"); }

TEST(EncodeUpdate, EverySetFieldInSchemaOrder) {
  UserUpdateRequest request;
  request.audio_keyterms = std::vector<std::string>{"amigo", "care-plan review"};
  request.additional_context = std::vector<std::string>{"Prefers mornings."};
  request.user_model_visible_to_admins = false;
  request.conversations_visible_to_admins = true;
  request.timezone = "Europe/London";
  request.preferred_language = "fra";
  request.enable_response_recommendation = false;
  request.last_name = "King";
  request.first_name = "Augusta";
  EXPECT_EQ(encode_update(request),
            R"({"first_name":"Augusta","last_name":"King","enable_response_recommendation":false,)"
            R"("preferred_language":"fra","timezone":"Europe/London",)"
            R"("conversations_visible_to_admins":true,"user_model_visible_to_admins":false,)"
            R"("additional_context":["Prefers mornings."],)"
            R"("audio_keyterms":["amigo","care-plan review"]})");
}

TEST(EncodeUpdate, TriStateFieldsOnTheWire) {
  struct Case {
    const char* name;
    Field<std::string> preferred_language;
    Field<std::string> timezone;
    const char* body;
  };
  const Case cases[] = {
      {"both not set", {}, {}, "{}"},
      {"both null", amigo::null, amigo::null, R"({"preferred_language":null,"timezone":null})"},
      {"both values", "deu", "Europe/Berlin",
       R"({"preferred_language":"deu","timezone":"Europe/Berlin"})"},
      {"language null, timezone not set", amigo::null, {}, R"({"preferred_language":null})"},
      {"language not set, timezone null", {}, amigo::null, R"({"timezone":null})"},
      {"language value, timezone null", "spa", amigo::null,
       R"({"preferred_language":"spa","timezone":null})"},
      {"language not set, timezone value", {}, "Asia/Tokyo", R"({"timezone":"Asia/Tokyo"})"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    UserUpdateRequest request;
    request.preferred_language = c.preferred_language;
    request.timezone = c.timezone;
    EXPECT_EQ(encode_update(request), c.body);
  }
}

TEST(EncodeUpdate, SendsEmptyListsToClearThem) {
  UserUpdateRequest request;
  request.additional_context = std::vector<std::string>{};
  request.audio_keyterms = std::vector<std::string>{};
  EXPECT_EQ(encode_update(request), R"({"additional_context":[],"audio_keyterms":[]})");
}

TEST(EncodeUpdate, AcceptsTwentyKeyterms) {
  UserUpdateRequest request;
  request.audio_keyterms = std::vector<std::string>(20, "three word term");
  EXPECT_NO_THROW(encode_update(request));
}

TEST(EncodeUpdate, RefusesWhatTheServerWouldRefuse) {
  struct Case {
    const char* name;
    void (*change)(UserUpdateRequest&);
    const char* message;
  };
  const Case cases[] = {
      {"blank first name", [](UserUpdateRequest& r) { r.first_name = "   "; },
       "update_user: first_name must not be empty or only whitespace; leave it unset to keep the "
       "current one"},
      {"empty last name", [](UserUpdateRequest& r) { r.last_name = ""; },
       "update_user: last_name must not be empty or only whitespace; leave it unset to keep the "
       "current one"},
      {"21 keyterms",
       [](UserUpdateRequest& r) { r.audio_keyterms = std::vector<std::string>(21, "term"); },
       "update_user: audio_keyterms may hold at most 20 keyterms, got 21"},
      {"upper-case keyterm",
       [](UserUpdateRequest& r) {
         r.audio_keyterms = std::vector<std::string>{"ok", "Amigo"};
       },
       "update_user: audio_keyterms[1] must be one to three words of lower-case letters and "
       "hyphens, separated by single spaces (^[a-z-]+( [a-z-]+){0,2}$)"},
      {"four-word keyterm",
       [](UserUpdateRequest& r) {
         r.audio_keyterms = std::vector<std::string>{"one two three four"};
       },
       "update_user: audio_keyterms[0] must be one to three words of lower-case letters and "
       "hyphens, separated by single spaces (^[a-z-]+( [a-z-]+){0,2}$)"},
      {"blank context",
       [](UserUpdateRequest& r) {
         r.additional_context = std::vector<std::string>{"fine", "\n"};
       },
       "update_user: additional_context[1] must not be empty or only whitespace"},
      {"timezone not UTF-8", [](UserUpdateRequest& r) { r.timezone = "Europe/\xC0\xAF"; },
       "update_user: timezone is not valid UTF-8; every text field must be"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    UserUpdateRequest request;
    c.change(request);
    EXPECT_EQ(refusal([&] { encode_update(request); }), c.message);
  }
}

TEST(EncodeUpdate, LeavesLanguageAndTimezoneNamesToTheServer) {
  UserUpdateRequest request;
  request.preferred_language = "not-a-language";
  request.timezone = "Mars/Olympus_Mons";
  EXPECT_EQ(encode_update(request),
            R"({"preferred_language":"not-a-language","timezone":"Mars/Olympus_Mons"})");
}

// The DecodeError `decode` throws, or a failed test.
template <typename Decode>
DecodeError decode_error(Decode decode) {
  try {
    decode();
  } catch (const DecodeError& error) {
    return error;
  }
  ADD_FAILURE() << "no DecodeError";
  return DecodeError(Operation::sign_in_with_api_key, 0, "<none>", "");
}

TEST(DecodeInviteResponse, ReadsTheVerifyLinkWhenPresent) {
  const auto response = decode_invite_response(
      R"({"user_id":"u-42","verify_link":"https://app.example.com/verify?t=1"})", 201);
  EXPECT_EQ(response.user_id, "u-42");
  EXPECT_EQ(response.verify_link, "https://app.example.com/verify?t=1");
}

TEST(DecodeInviteResponse, NullVerifyLinkIsEmptyAndUnknownFieldsAreIgnored) {
  const auto response = decode_invite_response(
      R"({"verify_link":null,"extra":{"nested":[1,2]},"user_id":"u-43"})", 201);
  EXPECT_EQ(response.user_id, "u-43");
  EXPECT_FALSE(response.verify_link.has_value());
}

TEST(DecodeInviteResponse, ReportsWhereTheAnswerIsWrong) {
  struct Case {
    const char* body;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"", "", "the body is empty; expected a JSON object"},
      {R"({"user_id":"private-id",)", "", "the body is not valid JSON (error at byte 25)"},
      {"[1]", "", "expected an object, got an array"},
      {R"({"verify_link":null})", "user_id", "required field is missing"},
      {R"({"user_id":7,"verify_link":null})", "user_id", "expected a string, got an integer"},
      {R"({"user_id":"private-id"})", "verify_link", "required field is missing (it may be null)"},
      {R"({"user_id":"private-id","verify_link":false})", "verify_link",
       "expected a string or null, got a boolean"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    const auto error = decode_error([&] { decode_invite_response(c.body, 201); });
    EXPECT_EQ(error.operation(), Operation::invite_user);
    EXPECT_EQ(error.status(), 201);
    EXPECT_EQ(error.field(), c.field);
    const std::string what = error.what();
    EXPECT_TRUE(ends_with(what, c.message)) << what;
    EXPECT_EQ(what.find("private-id"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace amigo::detail

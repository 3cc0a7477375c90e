#include <gtest/gtest.h>

#include <chrono>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using nlohmann::json;
using Ids = std::vector<std::string>;

class ListTest : public ::testing::Test {
 protected:
  Emulator emulator_;
  WireClient client_{emulator_};
};

const Ids kAllByUserId = {"admin-user", "manager-user", "user-bjorn", "user-chloe", "user-misaki",
                          "user-noah",  "user-olivia",  "user-sofia", "user-zoe"};

TEST_F(ListTest, ReturnsEveryUserWithTheUserInstanceFields) {
  const auto result = client_.list("");
  ASSERT_EQ(result->status, 200) << result->body;
  const json body = body_of(result);
  EXPECT_EQ(body["has_more"], false);
  EXPECT_TRUE(body["continuation_token"].is_null());
  EXPECT_EQ(user_ids_of(result), kAllByUserId);

  const json& user = body["users"][3];  // user-chloe
  std::vector<std::string> keys;
  for (const auto& [key, value] : user.items()) keys.push_back(key);
  EXPECT_EQ(keys, (Ids{"email", "first_name", "last_name", "nonsensitive_variables", "org_id",
                       "preferences", "role", "sensitive_variables", "user_id", "user_stats"}));
  EXPECT_EQ(user["org_id"], kOrg);
  EXPECT_EQ(user["first_name"], "Chloé");
  EXPECT_EQ(user["role"], "DefaultUserRole");
  EXPECT_EQ(user["sensitive_variables"], json::array({"insurance_id"}));
  EXPECT_EQ(user["nonsensitive_variables"], json({{"plan", "premium"}}));
  EXPECT_EQ(user["user_stats"]["last_message_time"], "2024-11-01T21:30:00+01:00");
  EXPECT_EQ(user["preferences"].size(), 6u);
  EXPECT_EQ(result->body.find("FR-99-1234"), std::string::npos) << "a sensitive value leaked";
}

TEST_F(ListTest, FiltersByRepeatedUserIdsAndCaseInsensitiveEmails) {
  EXPECT_EQ(user_ids_of(client_.list("user_id=user-zoe&user_id=user-bjorn&user_id=ghost")),
            (Ids{"user-bjorn", "user-zoe"}));
  EXPECT_EQ(
      user_ids_of(client_.list("email=NOAH.SMITH%40example.com&email=liam.obrien@example.com")),
      (Ids{"manager-user", "user-noah"}));
  // Both filters must match.
  EXPECT_EQ(user_ids_of(client_.list("user_id=user-noah&email=liam.obrien@example.com")), Ids{});
  EXPECT_EQ(user_ids_of(client_.list("user_id=user-noah&email=noah.smith@example.com")),
            Ids{"user-noah"});
}

TEST_F(ListTest, InvalidEmailFilterIs422) {
  const auto result = client_.list("email=not-an-email");
  ASSERT_EQ(result->status, 422);
  EXPECT_FALSE(error_at(result, {"query", "email", 0}).is_null()) << result->body;
}

TEST_F(ListTest, LimitBounds) {
  EXPECT_EQ(user_ids_of(client_.list("limit=0")).size(), 0u);
  EXPECT_EQ(body_of(client_.list("limit=0"))["has_more"], true);
  EXPECT_EQ(user_ids_of(client_.list("limit=100")).size(), 9u);

  const std::vector<std::pair<std::string, std::string>> cases = {{"101", "less_than_equal"},
                                                                  {"-1", "greater_than_equal"},
                                                                  {"ten", "int_parsing"},
                                                                  {"1.5", "int_parsing"},
                                                                  {"", "int_parsing"}};
  for (const auto& [value, type] : cases) {
    SCOPED_TRACE(value);
    const auto result = client_.list("limit=" + value);
    ASSERT_EQ(result->status, 422);
    const json error = error_at(result, {"query", "limit"});
    ASSERT_FALSE(error.is_null()) << result->body;
    EXPECT_EQ(error["type"], type);
    EXPECT_EQ(error["input"], value);
  }
}

TEST_F(ListTest, ContinuationTokenMustBeANonNegativeInteger) {
  EXPECT_EQ(client_.list("continuation_token=-1")->status, 422);
  const auto result = client_.list("continuation_token=abc");
  ASSERT_EQ(result->status, 422);
  EXPECT_FALSE(error_at(result, {"query", "continuation_token"}).is_null());
  EXPECT_EQ(user_ids_of(client_.list("continuation_token=500")), Ids{});
}

TEST_F(ListTest, PagesWithContinuationTokens) {
  Ids seen;
  std::string query = "limit=4&sort_by=email";
  std::vector<json> tokens;
  for (int page = 0; page < 5; ++page) {
    const json body = body_of(client_.list(query));
    for (const auto& user : body["users"]) seen.push_back(user["user_id"]);
    tokens.push_back(body["continuation_token"]);
    if (!body["has_more"].get<bool>()) break;
    query = "limit=4&sort_by=email&continuation_token=" + body["continuation_token"].dump();
  }
  EXPECT_EQ(tokens, (std::vector<json>{4, 8, nullptr}));
  EXPECT_EQ(seen, (Ids{"user-bjorn", "user-chloe", "manager-user", "admin-user", "user-misaki",
                       "user-noah", "user-olivia", "user-sofia", "user-zoe"}));
}

struct SortCase {
  std::string sort_by;
  Ids expected;
};

TEST_F(ListTest, SortsByEachKeyBothWaysWithUserIdBreakingTies) {
  const std::vector<SortCase> cases = {
      {"%2Bfirst_name",
       {"user-bjorn", "user-chloe", "manager-user", "admin-user", "user-noah", "user-olivia",
        "user-sofia", "user-zoe", "user-misaki"}},
      {"-first_name",
       {"user-misaki", "user-zoe", "user-sofia", "user-olivia", "user-noah", "admin-user",
        "manager-user", "user-chloe", "user-bjorn"}},
      {"last_name",
       {"user-chloe", "user-sofia", "user-zoe", "manager-user", "admin-user", "user-noah",
        "user-olivia", "user-bjorn", "user-misaki"}},
      {"-last_name",
       {"user-misaki", "user-bjorn", "user-noah", "user-olivia", "admin-user", "manager-user",
        "user-zoe", "user-sofia", "user-chloe"}},
      {"email",
       {"user-bjorn", "user-chloe", "manager-user", "admin-user", "user-misaki", "user-noah",
        "user-olivia", "user-sofia", "user-zoe"}},
      {"-email",
       {"user-zoe", "user-sofia", "user-olivia", "user-noah", "user-misaki", "admin-user",
        "manager-user", "user-chloe", "user-bjorn"}},
      {"user_stats.num_conversations",
       {"user-zoe", "user-noah", "user-olivia", "user-bjorn", "user-chloe", "user-sofia",
        "manager-user", "user-misaki", "admin-user"}},
      {"-user_stats.num_conversations",
       {"admin-user", "user-misaki", "manager-user", "user-sofia", "user-bjorn", "user-chloe",
        "user-noah", "user-olivia", "user-zoe"}},
      {"user_stats.num_messages",
       {"user-zoe", "user-noah", "user-olivia", "user-bjorn", "user-chloe", "user-sofia",
        "manager-user", "user-misaki", "admin-user"}},
      {"-user_stats.num_messages",
       {"admin-user", "user-misaki", "manager-user", "user-sofia", "user-chloe", "user-bjorn",
        "user-olivia", "user-noah", "user-zoe"}},
      // A missing time sorts first ascending; +01:00 is compared as an instant.
      {"user_stats.last_message_time",
       {"user-zoe", "user-noah", "user-olivia", "user-bjorn", "user-sofia", "manager-user",
        "user-misaki", "user-chloe", "admin-user"}},
      {"-user_stats.last_message_time",
       {"admin-user", "user-chloe", "user-misaki", "manager-user", "user-sofia", "user-bjorn",
        "user-olivia", "user-noah", "user-zoe"}},
      {"last_name&sort_by=-first_name",
       {"user-chloe", "user-sofia", "user-zoe", "manager-user", "admin-user", "user-olivia",
        "user-noah", "user-bjorn", "user-misaki"}},
      // An unescaped '+' arrives as a space and still means ascending.
      {"%20email",
       {"user-bjorn", "user-chloe", "manager-user", "admin-user", "user-misaki", "user-noah",
        "user-olivia", "user-sofia", "user-zoe"}},
  };
  for (const SortCase& sort : cases) {
    SCOPED_TRACE(sort.sort_by);
    const auto result = client_.list("sort_by=" + sort.sort_by);
    ASSERT_EQ(result->status, 200) << result->body;
    EXPECT_EQ(user_ids_of(result), sort.expected);
  }
}

TEST_F(ListTest, UnknownSortFieldIs422) {
  const auto result = client_.list("sort_by=email&sort_by=-role");
  ASSERT_EQ(result->status, 422);
  const json error = error_at(result, {"query", "sort_by", 1});
  ASSERT_FALSE(error.is_null()) << result->body;
  EXPECT_EQ(error["input"], "-role");
}

TEST_F(ListTest, CallerWithoutGetUserInfoSeesOnlyThemselves) {
  EXPECT_EQ(user_ids_of(client_.list("", kMember)), Ids{kMember});
  EXPECT_EQ(user_ids_of(client_.list("user_id=user-zoe", kMember)), Ids{});
  EXPECT_EQ(user_ids_of(client_.list("user_id=user-bjorn&user_id=user-zoe", kMember)),
            Ids{kMember});
  EXPECT_EQ(user_ids_of(client_.list("email=zoe.mueller@example.de", kMember)), Ids{});
  EXPECT_EQ(user_ids_of(client_.list("", kManager)).size(), 9u);
}

TEST_F(ListTest, CachedOrdersFollowInvitesUpdatesAndDeletes) {
  const auto first_two = [&] { return user_ids_of(client_.list("sort_by=first_name&limit=2")); };
  const auto last_two = [&] { return user_ids_of(client_.list("sort_by=-first_name&limit=2")); };
  ASSERT_EQ(first_two(), (Ids{"user-bjorn", "user-chloe"}));
  ASSERT_EQ(last_two(), (Ids{"user-misaki", "user-zoe"}));

  ASSERT_EQ(client_.update("user-zoe", {{"first_name", "Aaron"}})->status, 204);
  EXPECT_EQ(first_two(), (Ids{"user-zoe", "user-bjorn"}));
  EXPECT_EQ(last_two(), (Ids{"user-misaki", "user-sofia"}));

  json invite = invite_body("aardvark@example.com");
  invite["first_name"] = "Aa";
  const std::string invited = body_of(client_.invite(invite))["user_id"];
  EXPECT_EQ(first_two(), (Ids{invited, "user-zoe"}));

  ASSERT_EQ(client_.remove(invited)->status, 204);
  ASSERT_EQ(client_.remove("user-bjorn")->status, 204);
  EXPECT_EQ(first_two(), (Ids{"user-zoe", "user-chloe"}));
  EXPECT_EQ(user_ids_of(client_.list("sort_by=first_name")).size(), 8u);
}

TEST_F(ListTest, AnswersUncompressedWhateverTheClientAccepts) {
  client_.http().set_decompress(false);
  httplib::Headers headers = client_.as();
  headers.emplace("Accept-Encoding", "br, gzip, deflate");
  const auto result = client_.http().Get(kUsersPath, headers);
  ASSERT_EQ(result->status, 200);
  EXPECT_FALSE(result->has_header("Content-Encoding"));
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(result->get_header_value("Content-Length"), std::to_string(result->body.size()));
  EXPECT_EQ(user_ids_of(result), kAllByUserId);
}

TEST(ListScale, PagesOf100AmongAHundredThousandUsersFollowOneAnother) {
  Emulator emulator;
  emulator.generate_users(kOrg, 100000);
  WireClient client(emulator);
  client.as();

  const auto first = client.list("limit=100&sort_by=-user_stats.last_message_time");
  ASSERT_EQ(first->status, 200);
  for (int page = 1; page <= 20; ++page) {
    const auto result = client.list(
        "limit=100&sort_by=-user_stats.last_message_time&"
        "continuation_token=" +
        std::to_string(page * 100));
    ASSERT_EQ(result->status, 200);
    ASSERT_EQ(user_ids_of(result).size(), 100u);
  }
  EXPECT_EQ(body_of(first)["continuation_token"], 100);
}

}  // namespace
}  // namespace amigo::emulator::test

// Each operation end to end, with the values read back through list_users.

#include <map>
#include <string>
#include <vector>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class OperationsTest : public IntegrationTest {
 protected:
  OperationsTest() : client_(client_options()) {}

  UserInviteRequest ada() {
    UserInviteRequest invite;
    invite.first_name = "Ada";
    invite.last_name = "Lovelace";
    invite.email = "ada@example.com";
    invite.role = "DefaultUserRole";
    invite.user_preferences = UserPreferences{};
    invite.user_preferences->timezone = "America/New_York";
    return invite;
  }

  UserPage list(ListUsersRequest query) { return client_.user().list_users(query); }

  AmigoClient client_;
};

TEST_F(OperationsTest, InvitesTheDocsPageExampleAndListsItBack) {
  const UserInviteResponse invited = client_.user().invite_user(ada());
  EXPECT_FALSE(invited.user_id.empty());
  EXPECT_EQ(invited.verify_link, std::nullopt);

  ListUsersRequest query;
  query.emails = {"ada@example.com"};
  const UserPage page = list(query);
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_FALSE(page.has_more);
  EXPECT_EQ(page.continuation_token, std::nullopt);
  const User& user = page.users.front();
  EXPECT_EQ(user.org_id, kOrg);
  EXPECT_EQ(user.user_id, invited.user_id);
  EXPECT_EQ(user.first_name, "Ada");
  EXPECT_EQ(user.last_name, "Lovelace");
  EXPECT_EQ(user.email, "ada@example.com");
  EXPECT_EQ(user.role, "DefaultUserRole");
  EXPECT_EQ(user.preferences.timezone, "America/New_York");
  EXPECT_EQ(user.preferences.preferred_language, std::nullopt);
  EXPECT_FALSE(user.preferences.enable_response_recommendation);
  EXPECT_TRUE(user.preferences.conversations_visible_to_admins);
  EXPECT_TRUE(user.preferences.user_model_visible_to_admins);
  EXPECT_THAT(user.preferences.audio_keyterms, IsEmpty());
  EXPECT_EQ(user.user_stats.num_conversations, 0);
  EXPECT_EQ(user.user_stats.num_messages, 0);
  EXPECT_EQ(user.user_stats.last_message_time, std::nullopt);
  EXPECT_THAT(user.nonsensitive_variables, IsEmpty());
  EXPECT_THAT(user.sensitive_variables, IsEmpty());
  EXPECT_EQ(emulator().counters().requests_of("invite_user"), 1u);
}

TEST_F(OperationsTest, InviteWithLoginLinkAnswersWithVerifyLink) {
  UserInviteRequest invite = ada();
  invite.login_link = "https://app.example.com/login?src=mail#welcome";
  invite.nonsensitive_user_variables = {{"team", "analytics"}};
  invite.sensitive_user_variables = {{"badge_number", "B-7781-secret"}};
  keep_secret("B-7781-secret");
  invite.user_preferences->preferred_language = "eng";
  invite.user_preferences->enable_response_recommendation = true;
  invite.user_preferences->audio_keyterms = std::vector<std::string>{"analytical engine"};

  const UserInviteResponse invited = client_.user().invite_user(invite);
  ASSERT_TRUE(invited.verify_link.has_value());
  const std::string& link = *invited.verify_link;
  const std::string prefix = "https://app.example.com/login?src=mail&token=";
  EXPECT_EQ(link.rfind(prefix, 0), 0u) << link;
  EXPECT_EQ(link.substr(link.size() - 8), "#welcome") << link;

  const auto user = find_user(client_, invited.user_id);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->preferences.preferred_language, "eng");
  EXPECT_TRUE(user->preferences.enable_response_recommendation);
  EXPECT_THAT(user->preferences.audio_keyterms, ElementsAre("analytical engine"));
  EXPECT_EQ(user->nonsensitive_variables,
            (std::map<std::string, std::string>{{"team", "analytics"}}));
  EXPECT_THAT(user->sensitive_variables, ElementsAre("badge_number"));
}

TEST_F(OperationsTest, ListsASeededUserWithEveryField) {
  keep_secret("FR-99-1234");  // user-chloe's sensitive insurance_id
  ListUsersRequest query;
  query.user_ids = {"user-chloe"};
  const UserPage page = list(query);
  ASSERT_EQ(page.users.size(), 1u);
  const User& user = page.users.front();
  EXPECT_EQ(user.first_name, "Chloé");
  EXPECT_EQ(user.last_name, "Dubois");
  EXPECT_EQ(user.email, "chloe.dubois@example.fr");
  EXPECT_EQ(user.role, "DefaultUserRole");
  EXPECT_TRUE(user.preferences.enable_response_recommendation);
  EXPECT_EQ(user.preferences.preferred_language, "fra");
  EXPECT_FALSE(user.preferences.conversations_visible_to_admins);
  EXPECT_TRUE(user.preferences.user_model_visible_to_admins);
  EXPECT_EQ(user.preferences.timezone, "Europe/Paris");
  EXPECT_EQ(user.user_stats.num_conversations, 5);
  EXPECT_EQ(user.user_stats.num_messages, 88);
  // "2024-11-01T21:30:00+01:00" on the wire.
  EXPECT_EQ(user.user_stats.last_message_time, utc(2024, 11, 1, 20, 30, 0));
  EXPECT_EQ(user.nonsensitive_variables, (std::map<std::string, std::string>{{"plan", "premium"}}));
  EXPECT_THAT(user.sensitive_variables, ElementsAre("insurance_id"));

  query.user_ids = {"user-misaki"};
  const UserPage misaki = list(query);
  ASSERT_EQ(misaki.users.size(), 1u);
  EXPECT_EQ(misaki.users.front().first_name, "美咲");
  EXPECT_EQ(misaki.users.front().user_stats.last_message_time, utc(2024, 10, 30, 3, 12, 45, 250));
}

TEST_F(OperationsTest, ListFiltersByRepeatedUserIds) {
  ListUsersRequest query;
  query.user_ids = {"user-olivia", "user-noah", "no-such-user"};
  const UserPage page = list(query);
  EXPECT_THAT(ids_of(page.users), ElementsAre("user-noah", "user-olivia"));
  EXPECT_FALSE(page.has_more);
  EXPECT_EQ(page.continuation_token, std::nullopt);
}

TEST_F(OperationsTest, ListFiltersByRepeatedEmails) {
  ListUsersRequest query;
  query.emails = {"maya.okonkwo@example.com", "liam.obrien@example.com", "nobody@example.com"};
  EXPECT_THAT(ids_of(list(query).users), ElementsAre("admin-user", "manager-user"));
}

TEST_F(OperationsTest, ListPagesWithLimitAndContinuationToken) {
  ListUsersRequest query;
  query.limit = 4;
  query.sort_by = {UserSort::ascending(UserSortField::email)};

  const UserPage first = list(query);
  EXPECT_THAT(ids_of(first.users),
              ElementsAre("user-bjorn", "user-chloe", "manager-user", "admin-user"));
  EXPECT_TRUE(first.has_more);
  ASSERT_TRUE(first.continuation_token.has_value());

  query.continuation_token = first.continuation_token;
  const UserPage second = list(query);
  EXPECT_THAT(ids_of(second.users),
              ElementsAre("user-misaki", "user-noah", "user-olivia", "user-sofia"));
  EXPECT_TRUE(second.has_more);
  ASSERT_TRUE(second.continuation_token.has_value());

  query.continuation_token = second.continuation_token;
  const UserPage last = list(query);
  EXPECT_THAT(ids_of(last.users), ElementsAre("user-zoe"));
  EXPECT_FALSE(last.has_more);
  EXPECT_EQ(last.continuation_token, std::nullopt);
}

TEST_F(OperationsTest, UpdateSetsErasesAndLeavesTheThreeStateFields) {
  // user-bjorn starts with preferred_language "swe" and timezone "Europe/Stockholm".
  UserUpdateRequest update;
  update.timezone = "Europe/London";
  client_.user().update_user(kMember, update);
  auto user = find_user(client_, kMember);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->preferences.timezone, "Europe/London");
  EXPECT_EQ(user->preferences.preferred_language, "swe");

  update = {};
  update.preferred_language = amigo::null;
  client_.user().update_user(kMember, update);
  user = find_user(client_, kMember);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->preferences.preferred_language, std::nullopt);
  EXPECT_EQ(user->preferences.timezone, "Europe/London");

  update = {};
  update.timezone = amigo::null;
  update.preferred_language = "fra";
  client_.user().update_user(kMember, update);
  user = find_user(client_, kMember);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->preferences.timezone, std::nullopt);
  EXPECT_EQ(user->preferences.preferred_language, "fra");
}

TEST_F(OperationsTest, UpdateChangesOnlyTheFieldsItSets) {
  UserUpdateRequest update;
  update.first_name = "Bjørn";
  update.audio_keyterms = std::vector<std::string>{"kanelbulle", "fika"};
  update.conversations_visible_to_admins = false;
  client_.user().update_user(kMember, update);

  auto user = find_user(client_, kMember);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->first_name, "Bjørn");
  EXPECT_EQ(user->last_name, "Åkesson");
  EXPECT_THAT(user->preferences.audio_keyterms, ElementsAre("kanelbulle", "fika"));
  EXPECT_FALSE(user->preferences.conversations_visible_to_admins);
  EXPECT_TRUE(user->preferences.user_model_visible_to_admins);
  EXPECT_FALSE(user->preferences.enable_response_recommendation);
  EXPECT_EQ(user->preferences.preferred_language, "swe");
  EXPECT_EQ(user->preferences.timezone, "Europe/Stockholm");

  // Optional fields left empty are not sent, so they keep their values.
  UserUpdateRequest only_flag;
  only_flag.enable_response_recommendation = true;
  client_.user().update_user(kMember, only_flag);
  user = find_user(client_, kMember);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->first_name, "Bjørn");
  EXPECT_THAT(user->preferences.audio_keyterms, ElementsAre("kanelbulle", "fika"));
  EXPECT_FALSE(user->preferences.conversations_visible_to_admins);
  EXPECT_TRUE(user->preferences.enable_response_recommendation);
  EXPECT_EQ(emulator().counters().requests_of("update_user"), 2u);
}

TEST_F(OperationsTest, DeleteRemovesTheUserAndASecondDeleteIsNotFound) {
  const UserInviteResponse invited = client_.user().invite_user(ada());
  client_.user().delete_user(invited.user_id);
  EXPECT_EQ(find_user(client_, invited.user_id), std::nullopt);
  EXPECT_EQ(count_with_email(client_, "ada@example.com"), 0u);

  const auto error =
      expect_thrown<NotFoundError>([&] { client_.user().delete_user(invited.user_id); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->status(), 404);
  EXPECT_EQ(error->operation(), Operation::delete_user);
  EXPECT_EQ(error->meaning(), "organization or user not found");
  EXPECT_EQ(error->detail(), "User " + invited.user_id + " not found.");
  EXPECT_EQ(emulator().counters().requests_of("delete_user"), 2u);
}

TEST_F(OperationsTest, EveryOperationSignsInOnce) {
  const UserInviteResponse invited = client_.user().invite_user(ada());
  UserUpdateRequest update;
  update.last_name = "King";
  client_.user().update_user(invited.user_id, update);
  EXPECT_EQ(find_user(client_, invited.user_id)->last_name, "King");
  client_.user().delete_user(invited.user_id);

  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.sign_ins, 1u);
  EXPECT_EQ(counters.requests_of("sign_in"), 1u);
  EXPECT_EQ(counters.requests_of("invite_user"), 1u);
  EXPECT_EQ(counters.requests_of("update_user"), 1u);
  EXPECT_EQ(counters.requests_of("list_users"), 1u);
  EXPECT_EQ(counters.requests_of("delete_user"), 1u);
}

}  // namespace
}  // namespace amigo::integration

// 400, 409, 422, 429 and 503 from the emulator, each reaching its typed
// exception with the status, the operation, the documented meaning and detail.

#include <chrono>
#include <memory>
#include <string>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;

void expect_api_error(const ApiError& error, int status, Operation operation,
                      const std::string& meaning, const std::string& detail) {
  EXPECT_EQ(error.status(), status);
  EXPECT_EQ(error.operation(), operation);
  EXPECT_EQ(error.meaning(), meaning);
  EXPECT_EQ(error.detail(), detail);
}

UserInviteRequest invite_of(const std::string& email) {
  UserInviteRequest invite;
  invite.first_name = "Grace";
  invite.last_name = "Hopper";
  invite.email = email;
  invite.role = "DefaultUserRole";
  return invite;
}

bool same_field_error(const FieldError& error, const FieldError& expected) {
  return error.loc == expected.loc && error.msg == expected.msg && error.type == expected.type;
}

class StatusErrorsTest : public IntegrationTest {
 protected:
  StatusErrorsTest() : client_(client_options()) {}

  AmigoClient client_;
};

TEST_F(StatusErrorsTest, InvitingATakenEmailIsConflict) {
  const auto error = expect_thrown<ConflictError>(
      [&] { client_.user().invite_user(invite_of("maya.okonkwo@example.com")); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 409, Operation::invite_user,
                   "a user with this email exists, or a related operation is in progress",
                   "A user with this email already exists in the organization.");
  EXPECT_STREQ(error->what(),
               "invite_user failed: HTTP 409 Conflict: a user with this email exists, or a "
               "related operation is in progress. Server said: A user with this email already "
               "exists in the organization.");
  EXPECT_EQ(count_with_email(client_, "maya.okonkwo@example.com"), 1u);
}

TEST_F(StatusErrorsTest, ARelatedOperationInProgressIsConflictUntilItEnds) {
  emulator().set_conflict("user-noah", true);
  UserUpdateRequest update;
  update.first_name = "Noa";

  auto error =
      expect_thrown<ConflictError>([&] { client_.user().update_user("user-noah", update); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 409, Operation::update_user, "a related operation is in progress",
                   "A related operation is in progress.");

  error = expect_thrown<ConflictError>([&] { client_.user().delete_user("user-noah"); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 409, Operation::delete_user, "a related operation is in progress",
                   "A related operation is in progress.");

  error = expect_thrown<ConflictError>(
      [&] { client_.user().invite_user(invite_of("noah.smith@example.com")); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 409, Operation::invite_user,
                   "a user with this email exists, or a related operation is in progress",
                   "A related operation is in progress.");

  // 409 is not retried: each call went out once.
  EXPECT_EQ(emulator().counters().requests_of("update_user"), 1u);
  EXPECT_EQ(emulator().counters().requests_of("delete_user"), 1u);

  emulator().set_conflict("user-noah", false);
  client_.user().update_user("user-noah", update);
  EXPECT_EQ(find_user(client_, "user-noah")->first_name, "Noa");
}

TEST_F(StatusErrorsTest, DeletingAUserActiveInActionsDevelopmentIsBadRequest) {
  const auto error =
      expect_thrown<BadRequestError>([&] { client_.user().delete_user(kActionsDeveloper); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 400, Operation::delete_user,
                   "the user is currently active in Actions development",
                   "The user is currently active in Actions development.");
  EXPECT_TRUE(find_user(client_, kActionsDeveloper).has_value());
}

TEST_F(StatusErrorsTest, AnUpdateWithABadTimezoneAndLanguageIsValidationError) {
  UserUpdateRequest update;
  update.preferred_language = "klingon";
  update.timezone = "Mars/Olympus_Mons";
  const auto error =
      expect_thrown<ValidationError>([&] { client_.user().update_user(kMember, update); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->status(), 422);
  EXPECT_EQ(error->operation(), Operation::update_user);
  EXPECT_EQ(error->meaning(), "path or body failed validation");
  ASSERT_EQ(error->field_errors().size(), 2u);
  EXPECT_TRUE(same_field_error(
      error->field_errors()[0],
      {{"body", "preferred_language"}, "Input should be an ISO 639-3 code", "enum"}));
  EXPECT_TRUE(
      same_field_error(error->field_errors()[1],
                       {{"body", "timezone"}, "Input should be an IANA time-zone name", "enum"}));
  EXPECT_EQ(error->detail(),
            "body.preferred_language: Input should be an ISO 639-3 code; body.timezone: Input "
            "should be an IANA time-zone name");

  // Nothing was applied.
  const auto user = find_user(client_, kMember);
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->preferences.preferred_language, "swe");
  EXPECT_EQ(user->preferences.timezone, "Europe/Stockholm");
}

TEST_F(StatusErrorsTest, AnInviteWithBadPreferencesIsValidationError) {
  UserInviteRequest invite = invite_of("grace@example.com");
  invite.user_preferences = UserPreferences{};
  invite.user_preferences->preferred_language = "klingon";
  invite.user_preferences->timezone = "Mars/Olympus_Mons";
  const auto error = expect_thrown<ValidationError>([&] { client_.user().invite_user(invite); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->operation(), Operation::invite_user);
  ASSERT_EQ(error->field_errors().size(), 2u);
  EXPECT_THAT(error->field_errors()[0].loc,
              ElementsAre("body", "user_preferences", "preferred_language"));
  EXPECT_EQ(error->field_errors()[0].type, "enum");
  EXPECT_EQ(error->field_errors()[0].msg,
            "Input should be an ISO 639-3 code or two word characters");
  EXPECT_THAT(error->field_errors()[1].loc, ElementsAre("body", "user_preferences", "timezone"));
  EXPECT_EQ(error->field_errors()[1].type, "enum");
  EXPECT_EQ(count_with_email(client_, "grace@example.com"), 0u);
}

TEST_F(StatusErrorsTest, MaintenanceIsServiceUnavailableOnceTheRetriesAreSpent) {
  client_.user().list_users();  // signs in before the maintenance starts
  emulator().set_maintenance(true);

  const auto error = expect_thrown<ServiceUnavailableError>([&] { client_.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 503, Operation::list_users, "temporary maintenance",
                   "The service is going through temporary maintenance.");
  EXPECT_EQ(error->retry_after(), std::nullopt);
  // One call before, then four attempts: the default RetryOptions::max_attempts.
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 5u);

  AmigoClient fresh(client_options());
  const auto at_sign_in =
      expect_thrown<ServiceUnavailableError>([&] { fresh.user().list_users(); });
  ASSERT_TRUE(at_sign_in.has_value());
  EXPECT_EQ(at_sign_in->operation(), Operation::sign_in_with_api_key);
  EXPECT_EQ(at_sign_in->meaning(), "temporary maintenance");

  emulator().set_maintenance(false);
  EXPECT_EQ(fresh.user().list_users().users.size(), kSeededDemoUsers);
}

// The emulator's real limiter, at real speed: 60 list calls a minute.
class RateLimitErrorTest : public IntegrationTest {
 protected:
  RateLimitErrorTest() : IntegrationTest(testing::EmulatorOptions{}) {}
};

TEST_F(RateLimitErrorTest, TheSixtyFirstListCallIsRateLimitErrorOnceTheRetriesAreSpent) {
  auto clock = std::make_shared<RecordingClock>(std::chrono::seconds{0}, /*sleeps=*/false);
  ClientOptions options = client_options();
  options.clock = clock;
  options.retry.max_attempts = 2;
  AmigoClient client(options);
  for (int call = 0; call < 60; ++call) client.user().list_users();

  const auto error = expect_thrown<RateLimitError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->status(), 429);
  EXPECT_EQ(error->operation(), Operation::list_users);
  EXPECT_EQ(error->meaning(), "over 60 requests per minute");
  EXPECT_EQ(error->detail(),
            "The user has exceeded the rate limit of 60 requests per minute for this endpoint.");
  ASSERT_TRUE(error->retry_after().has_value());
  EXPECT_GT(*error->retry_after(), milliseconds{0});
  EXPECT_LE(*error->retry_after(), milliseconds{60'000});
  ASSERT_TRUE(error->rate_limit().has_value());
  EXPECT_EQ(error->rate_limit()->limit, 60);
  EXPECT_EQ(error->rate_limit()->remaining, 0);

  // The client waited as long as the server asked, once, then gave up.
  ASSERT_EQ(clock->sleeps().size(), 1u);
  EXPECT_GT(clock->sleeps().front(), milliseconds{0});
  EXPECT_LE(clock->sleeps().front(), milliseconds{60'000});
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 62u);

  ClientOptions no_retries = options;
  no_retries.retry = RetryOptions::none();
  AmigoClient impatient(no_retries);
  EXPECT_TRUE(expect_thrown<RateLimitError>([&] { impatient.user().list_users(); }).has_value());
  EXPECT_EQ(clock->sleeps().size(), 1u);
}

}  // namespace
}  // namespace amigo::integration

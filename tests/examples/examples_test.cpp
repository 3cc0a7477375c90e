// Each example program, run as a user would run it: credentials in the
// AMIGO_* variables, against the emulator.

#include <gtest/gtest.h>

#include <amigo/testing/emulator.hpp>

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.hpp"

namespace {

using amigo_cli_test::Environment;
using amigo_cli_test::ProcessResult;
using amigo_cli_test::run_process;

constexpr const char* kSeed = R"({
  "organizations": [
    {"id": "example-org", "roles": [
      {"name": "DefaultUserRole", "rank": 10, "permissions": []},
      {"name": "Admin", "rank": 100, "permissions": ["User:InviteUser", "User:GetUserInfo",
                                                     "User:UpdateUserInfo", "User:DeleteUser"]}]}
  ],
  "users": [
    {"org_id": "example-org", "user_id": "u-admin", "first_name": "Maya",
     "last_name": "Okonkwo", "email": "maya@example.com", "role": "Admin"},
    {"org_id": "example-org", "user_id": "u-noah", "first_name": "Noah", "last_name": "Smith",
     "email": "noah@example.com", "role": "DefaultUserRole",
     "preferences": {"preferred_language": "eng", "timezone": "Europe/Paris"}},
    {"org_id": "example-org", "user_id": "u-sofia", "first_name": "Sofía",
     "last_name": "García", "email": "sofia@example.mx", "role": "DefaultUserRole",
     "active_in_actions_development": true}
  ],
  "api_keys": [
    {"org_id": "example-org", "key": "example-secret-key-7", "key_id": "example-key",
     "user_id": "u-admin"}
  ]
})";

class ExamplesTest : public ::testing::Test {
 protected:
  ExamplesTest() : emulator_(options()) {}

  static amigo::testing::EmulatorOptions options() {
    amigo::testing::EmulatorOptions options;
    options.seed_json = kSeed;
    options.rate_limits = false;
    return options;
  }

  Environment environment() const {
    return {{"AMIGO_BASE_URL", emulator_.base_url()},
            {"AMIGO_ORGANIZATION_ID", emulator_.organization_id()},
            {"AMIGO_API_KEY", emulator_.api_key()},
            {"AMIGO_API_KEY_ID", emulator_.api_key_id()},
            {"AMIGO_USER_ID", emulator_.user_id()}};
  }

  ProcessResult run(const char* example, const std::vector<std::string>& arguments = {}) {
    ProcessResult result = run_process(example, arguments, environment());
    EXPECT_EQ(result.out.find(emulator_.api_key()), std::string::npos);
    EXPECT_EQ(result.err.find(emulator_.api_key()), std::string::npos);
    return result;
  }

  // The user with this id, or null.
  nlohmann::json user(const std::string& user_id) const {
    const nlohmann::json state = nlohmann::json::parse(emulator_.state_json());
    for (const nlohmann::json& candidate : state.at("users")) {
      if (candidate.at("user_id") == user_id) return candidate;
    }
    return nullptr;
  }

  std::size_t user_count() const {
    return nlohmann::json::parse(emulator_.state_json()).at("users").size();
  }

  amigo::testing::Emulator emulator_;
};

TEST_F(ExamplesTest, InviteUserPrintsTheNewUsersId) {
  const ProcessResult result =
      run(AMIGO_EXAMPLE_INVITE_USER, {"ada@example.com", "Ada", "Lovelace"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::smatch id;
  ASSERT_TRUE(std::regex_match(
      result.out, id,
      std::regex("Invited Ada Lovelace <ada@example.com> as DefaultUserRole\nUser ID: (\\S+)\n")))
      << result.out;
  const nlohmann::json invited = user(id[1]);
  ASSERT_TRUE(invited.is_object());
  EXPECT_EQ(invited.at("email"), "ada@example.com");
  EXPECT_EQ(invited.at("preferences").at("timezone"), "America/New_York");
}

TEST_F(ExamplesTest, InviteUserReportsATakenEmail) {
  const ProcessResult result = run(AMIGO_EXAMPLE_INVITE_USER, {"noah@example.com", "N", "S"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("Not invited: ", 0), 0U) << result.err;
  EXPECT_NE(result.err.find("409"), std::string::npos) << result.err;
}

TEST_F(ExamplesTest, ListUsersSortsByLastName) {
  const ProcessResult result = run(AMIGO_EXAMPLE_LIST_USERS);

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "u-sofia  Sofía García <sofia@example.mx>  DefaultUserRole\n"
            "u-admin  Maya Okonkwo <maya@example.com>  Admin\n"
            "u-noah  Noah Smith <noah@example.com>  DefaultUserRole\n"
            "3 users\n");
}

TEST_F(ExamplesTest, ListUsersFiltersByEmail) {
  const ProcessResult result = run(AMIGO_EXAMPLE_LIST_USERS, {"noah@example.com"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "u-noah  Noah Smith <noah@example.com>  DefaultUserRole\n1 user\n");
}

TEST_F(ExamplesTest, UpdateUserSetsErasesAndLeavesAlone) {
  const ProcessResult result = run(AMIGO_EXAMPLE_UPDATE_USER, {"u-noah"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "Updated u-noah: timezone set to Europe/London, preferred language erased\n");
  const nlohmann::json noah = user("u-noah");
  EXPECT_EQ(noah.at("preferences").at("timezone"), "Europe/London");
  EXPECT_TRUE(noah.at("preferences").at("preferred_language").is_null());
  EXPECT_EQ(noah.at("first_name"), "Noah");
  EXPECT_EQ(noah.at("last_name"), "Smith");
}

TEST_F(ExamplesTest, UpdateUserNeedsAUserId) {
  const ProcessResult result = run(AMIGO_EXAMPLE_UPDATE_USER);

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            std::string("usage: ") + AMIGO_EXAMPLE_UPDATE_USER + " USER_ID [TIMEZONE]\n");
}

TEST_F(ExamplesTest, UpdateUserReportsAnUnknownUser) {
  const ProcessResult result = run(AMIGO_EXAMPLE_UPDATE_USER, {"u-nobody"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err.rfind("No such user: ", 0), 0U) << result.err;
}

TEST_F(ExamplesTest, DeleteUserDeletes) {
  const ProcessResult result = run(AMIGO_EXAMPLE_DELETE_USER, {"u-noah"});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "Deleted u-noah\n");
  EXPECT_TRUE(user("u-noah").is_null());
}

TEST_F(ExamplesTest, DeleteUserExplainsARefusal) {
  const ProcessResult result = run(AMIGO_EXAMPLE_DELETE_USER, {"u-sofia"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("Not deleted: ", 0), 0U) << result.err;
  EXPECT_TRUE(user("u-sofia").is_object());
}

TEST_F(ExamplesTest, UserLifecycleLeavesTheOrganizationAsItFoundIt) {
  const std::size_t users_before = user_count();

  const ProcessResult result = run(AMIGO_EXAMPLE_USER_LIFECYCLE);

  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::smatch id;
  ASSERT_TRUE(std::regex_search(result.out, id, std::regex("user id (\\S+)\n"))) << result.out;
  const std::string user_id = id[1];
  EXPECT_EQ(result.out,
            "Invited Grace Hopper <grace.hopper@example.com>: user id " + user_id + "\n" +
                "Found " + user_id + " by email: timezone America/New_York, language eng\n" +
                "Updated: Grace Hopper, timezone Europe/London, language (none)\n"
                "Users by last name:\n"
                "  García, Sofía <sofia@example.mx>\n"
                "  Hopper, Grace <grace.hopper@example.com>\n"
                "  Okonkwo, Maya <maya@example.com>\n"
                "  Smith, Noah <noah@example.com>\n"
                "Deleted " +
                user_id + "\n" + "Confirmed: no user has the email grace.hopper@example.com\n");
  EXPECT_EQ(result.err, "");

  EXPECT_TRUE(user(user_id).is_null());
  EXPECT_EQ(user_count(), users_before);
  const amigo::testing::EmulatorCounters counters = emulator_.counters();
  EXPECT_EQ(counters.requests_of("invite_user"), 1U);
  EXPECT_EQ(counters.requests_of("update_user"), 1U);
  EXPECT_EQ(counters.requests_of("delete_user"), 1U);
  EXPECT_EQ(counters.requests_of("list_users"), 4U);
  EXPECT_EQ(counters.sign_ins, 1U);
}

TEST_F(ExamplesTest, MissingCredentialsAreReportedOnStderr) {
  const ProcessResult result = run_process(AMIGO_EXAMPLE_LIST_USERS, {}, {});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("AMIGO_API_KEY"), std::string::npos) << result.err;
}

}  // namespace

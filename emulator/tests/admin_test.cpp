#include <gtest/gtest.h>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;
using nlohmann::json;

class AdminTest : public ::testing::Test {
 protected:
  httplib::Result admin_post(const std::string& path, const json& body) {
    return client_.http().Post(path, body.dump(), "application/json");
  }

  Emulator emulator_;
  WireClient client_{emulator_};
};

TEST_F(AdminTest, AccessorsDescribeTheDefaultSeed) {
  EXPECT_EQ(emulator_.organization_id(), "demo-org");
  EXPECT_EQ(emulator_.api_key(), "demo-secret-key-0123456789");
  EXPECT_EQ(emulator_.api_key_id(), "demo-key-id");
  EXPECT_EQ(emulator_.user_id(), "admin-user");
  EXPECT_GT(emulator_.port(), 0);
  EXPECT_EQ(emulator_.base_url(), "http://127.0.0.1:" + std::to_string(emulator_.port()));
}

TEST_F(AdminTest, StateShowsUsersWithVerificationAndSecrets) {
  const auto result = client_.http().Get("/_emulator/state");
  ASSERT_EQ(result->status, 200);
  const json state = body_of(result);
  EXPECT_EQ(state["organizations"].size(), 2u);
  EXPECT_EQ(state["users"].size(), 10u);
  EXPECT_EQ(state_user(emulator_, "user-zoe")["verified"], false);
  EXPECT_EQ(state_user(emulator_, "admin-user")["verified"], true);
  EXPECT_EQ(state_user(emulator_, "user-chloe")["sensitive_variables"]["insurance_id"],
            "FR-99-1234");
  EXPECT_EQ(state["maintenance"], false);
}

TEST_F(AdminTest, ResetRestoresTheSeedAndClearsCounters) {
  ASSERT_EQ(client_.remove("user-zoe")->status, 204);
  ASSERT_EQ(client_.http().Post("/_emulator/reset")->status, 200);
  EXPECT_FALSE(state_user(emulator_, "user-zoe").is_null());
  const auto counters = emulator_.counters();
  EXPECT_EQ(counters.sign_ins, 0u);
  EXPECT_EQ(counters.requests_of("delete_user"), 0u);
}

TEST_F(AdminTest, SeedReplacesTheStateAndBecomesTheResetPoint) {
  const json seed = {
      {"organizations", {{{"id", "tiny"}, {"roles", {{{"name", "Admin"}, {"rank", 1}}}}}}},
      {"users",
       {{{"org_id", "tiny"},
         {"user_id", "only"},
         {"email", "only@example.com"},
         {"role", "Admin"}}}},
      {"api_keys", json::array()}};
  ASSERT_EQ(admin_post("/_emulator/seed", seed)->status, 200);
  EXPECT_TRUE(state_user(emulator_, "admin-user").is_null());
  EXPECT_FALSE(state_user(emulator_, "only").is_null());

  emulator_.reset();
  EXPECT_FALSE(state_user(emulator_, "only").is_null());
}

TEST_F(AdminTest, InvalidSeedIs400AndChangesNothing) {
  const auto result = admin_post("/_emulator/seed", {{"users",
                                                      {{{"org_id", "ghost-org"},
                                                        {"user_id", "u"},
                                                        {"email", "u@example.com"},
                                                        {"role", "Admin"}}}}});
  EXPECT_EQ(result->status, 400);
  EXPECT_TRUE(body_of(result)["detail"].is_string());
  EXPECT_FALSE(state_user(emulator_, "admin-user").is_null());
  EXPECT_THROW(emulator_.load_seed("{not json"), std::invalid_argument);
}

TEST_F(AdminTest, CountersCountRequestsSignInsAndConnections) {
  const httplib::Headers headers = {{"Authorization", "Bearer " + client_.token()},
                                    {"x-mongo-cluster-name", "cluster-eu-1"}};
  for (int i = 0; i < 3; ++i) ASSERT_EQ(client_.http().Get(kUsersPath, headers)->status, 200);

  const auto counters = emulator_.counters();
  EXPECT_EQ(counters.sign_ins, 1u);
  EXPECT_EQ(counters.requests_of("sign_in"), 1u);
  EXPECT_EQ(counters.requests_of("list_users"), 3u);
  // One keep-alive connection carried all four requests.
  EXPECT_EQ(counters.tcp_connections, 1u);

  httplib::Client other(emulator_.base_url());
  ASSERT_EQ(other.Get("/_emulator/counters")->status, 200);
  const json body = body_of(other.Get("/_emulator/counters"));
  EXPECT_GE(body["tcp_connections"].get<int>(), 2);
  EXPECT_EQ(body["requests"]["list_users"], 3);

  const json& last_list = body["recent_requests"][3];
  EXPECT_EQ(last_list["operation"], "list_users");
  EXPECT_EQ(last_list["path"], kUsersPath);
  EXPECT_EQ(last_list["mongo_cluster_name"], "cluster-eu-1");
  EXPECT_EQ(last_list["status"], 200);
  const auto& names = last_list["header_names"];
  EXPECT_NE(std::find(names.begin(), names.end(), "Authorization"), names.end());
  EXPECT_EQ(body.dump().find(client_.token()), std::string::npos) << "a token leaked";
}

TEST_F(AdminTest, MaintenanceAnswers503OnEveryV1Call) {
  ASSERT_EQ(admin_post("/_emulator/maintenance", {{"enabled", true}})->status, 200);
  // httplib::Result is move-only, so no initializer list.
  std::vector<httplib::Result> answers;
  answers.push_back(client_.sign_in(kAdmin));
  answers.push_back(client_.http().Get(kUsersPath));
  answers.push_back(client_.http().Post(kUsersPath, "{}", "application/json"));
  answers.push_back(client_.http().Post("/v1/demo-org/user/admin-user", "{}", "application/json"));
  answers.push_back(client_.http().Delete("/v1/demo-org/user/admin-user"));
  answers.push_back(client_.http().Get("/v1/unknown"));
  for (const auto& answer : answers) {
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 503);
    EXPECT_TRUE(body_of(answer)["detail"].is_string());
  }
  EXPECT_TRUE(answers[1]->has_header("X-RateLimit-Limit"));
  EXPECT_EQ(client_.http().Get("/_emulator/state")->status, 200);

  emulator_.set_maintenance(false);
  EXPECT_EQ(client_.sign_in(kAdmin)->status, 200);
}

TEST(AdminMaintenance, StartsInMaintenanceWhenAsked) {
  EmulatorOptions options;
  options.maintenance = true;
  Emulator emulator(options);
  WireClient client(emulator);
  EXPECT_EQ(client.sign_in(kAdmin)->status, 503);
}

TEST_F(AdminTest, ConflictMakesChangesToThatUser409) {
  ASSERT_EQ(
      admin_post("/_emulator/conflicts", {{"user_id", "user-zoe"}, {"enabled", true}})->status,
      200);
  EXPECT_EQ(client_.update("user-zoe", {{"first_name", "Z"}})->status, 409);
  EXPECT_EQ(client_.remove("user-zoe")->status, 409);
  const auto invite = client_.invite(invite_body("ZOE.MUELLER@example.de"));
  EXPECT_EQ(invite->status, 409);
  EXPECT_NE(body_of(invite)["detail"].get<std::string>().find("in progress"), std::string::npos);
  EXPECT_EQ(client_.update("user-noah", {{"first_name", "N"}})->status, 204);

  emulator_.set_conflict("user-zoe", false);
  EXPECT_EQ(client_.update("user-zoe", {{"first_name", "Z"}})->status, 204);
}

TEST_F(AdminTest, GenerateAddsSyntheticUsers) {
  const auto result = admin_post("/_emulator/generate", {{"org_id", "demo-org"}, {"count", 250}});
  ASSERT_EQ(result->status, 200) << result->body;
  const json page = body_of(client_.list("limit=100&continuation_token=200"));
  EXPECT_EQ(page["users"].size(), 59u);
  EXPECT_EQ(admin_post("/_emulator/generate", {{"org_id", "nope"}, {"count", 1}})->status, 400);
}

TEST_F(AdminTest, UnknownAdminPathIs404AndBadBodyIs400) {
  EXPECT_EQ(client_.http().Get("/_emulator/nothing")->status, 404);
  EXPECT_EQ(client_.http().Post("/_emulator/maintenance", "{", "application/json")->status, 400);
  EXPECT_EQ(admin_post("/_emulator/maintenance", {{"enabled", "yes"}})->status, 400);
}

}  // namespace
}  // namespace amigo::emulator::test

#include <gtest/gtest.h>

#include "../src/text.hpp"
#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;
using nlohmann::json;

const std::vector<std::string> kAwkwardIds = {"team/alpha", "what?",        "hash#tag", "100%",
                                              "with space", "ünïcödé-用户", "a+b&c=d"};

std::string awkward_seed() {
  json users = json::array();
  users.push_back({{"org_id", "odd org/1"},
                   {"user_id", "boss"},
                   {"email", "boss@example.com"},
                   {"role", "Admin"}});
  for (std::size_t i = 0; i < kAwkwardIds.size(); ++i) {
    users.push_back({{"org_id", "odd org/1"},
                     {"user_id", kAwkwardIds[i]},
                     {"email", "user" + std::to_string(i) + "@example.com"},
                     {"role", "Member"}});
  }
  const json all_permissions = {"User:InviteUser", "User:GetUserInfo", "User:UpdateUserInfo",
                                "User:DeleteUser"};
  const json seed = {
      {"organizations",
       {{{"id", "odd org/1"},
         {"roles",
          {{{"name", "Admin"}, {"rank", 9}, {"permissions", all_permissions}},
           {{"name", "Member"}, {"rank", 1}}}}}}},
      {"users", users},
      {"api_keys",
       {{{"org_id", "odd org/1"}, {"key", "k"}, {"key_id", "kid"}, {"user_id", "boss"}}}}};
  return seed.dump();
}

TEST(Paths, PercentEncodedIdsWithAnyCharacterArriveIntact) {
  EmulatorOptions options;
  options.seed_json = awkward_seed();
  Emulator emulator(options);
  httplib::Client client(emulator.base_url());
  const std::string org_path = "/v1/" + percent_encode("odd org/1") + "/user/";

  const auto signed_in = client.Post(
      org_path + "signin_with_api_key",
      {{"x-api-key", "k"}, {"x-api-key-id", "kid"}, {"x-user-id", "boss"}}, "", "application/json");
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  const httplib::Headers auth = {
      {"Authorization", "Bearer " + body_of(signed_in)["id_token"].get<std::string>()}};

  for (const std::string& id : kAwkwardIds) {
    SCOPED_TRACE(id);
    const auto updated = client.Post(org_path + percent_encode(id), auth,
                                     json{{"first_name", "Renamed"}}.dump(), "application/json");
    ASSERT_TRUE(updated);
    EXPECT_EQ(updated->status, 204) << updated->body;

    const auto listed = client.Get(org_path + "?user_id=" + percent_encode(id), auth);
    ASSERT_EQ(user_ids_of(listed), std::vector<std::string>{id});
    EXPECT_EQ(body_of(listed)["users"][0]["first_name"], "Renamed");

    EXPECT_EQ(client.Delete(org_path + percent_encode(id), auth)->status, 204);
  }
}

class RoutingTest : public ::testing::Test {
 protected:
  Emulator emulator_;
  WireClient client_{emulator_};
};

TEST_F(RoutingTest, UnknownRoutesAre404NotFound) {
  for (const char* path : {"/", "/v1", "/v2/demo-org/user/", "/v1/demo-org/users/",
                           "/v1/demo-org/user/a/b", "/v1//user/"}) {
    SCOPED_TRACE(path);
    const auto result = client_.http().Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(body_of(result), json({{"detail", "Not Found"}}));
  }
}

TEST_F(RoutingTest, WrongMethodIs405) {
  const auto result = client_.http().Put(kUsersPath, "{}", "application/json");
  EXPECT_EQ(result->status, 405);
  EXPECT_EQ(body_of(result), json({{"detail", "Method Not Allowed"}}));
  EXPECT_EQ(client_.http().Get("/v1/demo-org/user/admin-user")->status, 405);
}

TEST_F(RoutingTest, MissingTrailingSlashRedirectsLikeFastApi) {
  const auto result = client_.http().Get("/v1/demo-org/user?limit=2");
  ASSERT_EQ(result->status, 307);
  EXPECT_EQ(result->get_header_value("Location"), "/v1/demo-org/user/?limit=2");
}

}  // namespace
}  // namespace amigo::emulator::test

#include "support.hpp"

#include <gtest/gtest.h>

#include "../src/text.hpp"

namespace amigo::emulator::test {

WireClient::WireClient(const amigo::testing::Emulator& emulator) : client_(emulator.base_url()) {
  client_.set_keep_alive(true);
  client_.set_read_timeout(10, 0);
}

httplib::Result WireClient::sign_in(const std::string& user_id, const std::string& org,
                                    const std::string& key, const std::string& key_id) {
  const httplib::Headers headers = {
      {"x-api-key", key}, {"x-api-key-id", key_id}, {"x-user-id", user_id}};
  return client_.Post("/v1/" + org + "/user/signin_with_api_key", headers, "", "application/json");
}

std::string WireClient::token(const std::string& user_id, const std::string& org) {
  const std::string cache_key = org + "\n" + user_id;
  if (const auto found = tokens_.find(cache_key); found != tokens_.end()) return found->second;
  const bool partner = org == kPartnerOrg;
  const auto result =
      sign_in(user_id, org, partner ? kPartnerKey : kApiKey, partner ? kPartnerKeyId : kApiKeyId);
  EXPECT_TRUE(result) << "sign-in got no answer";
  if (!result) return {};
  EXPECT_EQ(result->status, 200) << result->body;
  std::string token = body_of(result).value("id_token", "");
  tokens_[cache_key] = token;
  return token;
}

httplib::Headers WireClient::as(const std::string& user_id) {
  return {{"Authorization", "Bearer " + token(user_id)}};
}

httplib::Result WireClient::list(const std::string& query, const std::string& user_id) {
  return client_.Get(std::string(kUsersPath) + (query.empty() ? "" : "?" + query), as(user_id));
}

httplib::Result WireClient::invite(const nlohmann::json& body, const std::string& user_id) {
  return client_.Post(kUsersPath, as(user_id), body.dump(), "application/json");
}

httplib::Result WireClient::update(const std::string& target, const nlohmann::json& body,
                                   const std::string& user_id) {
  return client_.Post(kUsersPath + percent_encode(target), as(user_id), body.dump(),
                      "application/json");
}

httplib::Result WireClient::remove(const std::string& target, const std::string& user_id) {
  return client_.Delete(kUsersPath + percent_encode(target), as(user_id));
}

nlohmann::json body_of(const httplib::Result& result) {
  if (!result) return nullptr;
  return nlohmann::json::parse(result->body, nullptr, false);
}

std::vector<std::string> user_ids_of(const httplib::Result& result) {
  std::vector<std::string> ids;
  const nlohmann::json body = body_of(result);
  if (!body.is_object() || !body.contains("users")) return ids;
  for (const auto& user : body["users"]) ids.push_back(user["user_id"].get<std::string>());
  return ids;
}

nlohmann::json error_at(const httplib::Result& result, const nlohmann::json& loc) {
  const nlohmann::json body = body_of(result);
  if (!body.is_object() || !body.contains("detail") || !body["detail"].is_array()) return nullptr;
  for (const auto& error : body["detail"]) {
    if (error["loc"] == loc) return error;
  }
  return nullptr;
}

nlohmann::json invite_body(const std::string& email, const std::string& role) {
  return {{"first_name", "Ada"}, {"last_name", "Lovelace"}, {"email", email}, {"role_name", role}};
}

nlohmann::json state_user(const amigo::testing::Emulator& emulator, const std::string& user_id) {
  const nlohmann::json state = nlohmann::json::parse(emulator.state_json());
  for (const auto& user : state["users"]) {
    if (user["user_id"] == user_id) return user;
  }
  return nullptr;
}

}  // namespace amigo::emulator::test

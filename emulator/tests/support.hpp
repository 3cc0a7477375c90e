#pragma once

#include <httplib.h>

#include <amigo/testing/emulator.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace amigo::emulator::test {

inline constexpr const char* kOrg = "demo-org";
inline constexpr const char* kAdmin = "admin-user";
inline constexpr const char* kManager = "manager-user";
inline constexpr const char* kMember = "user-bjorn";
inline constexpr const char* kApiKey = "demo-secret-key-0123456789";
inline constexpr const char* kApiKeyId = "demo-key-id";
inline constexpr const char* kPartnerOrg = "partner-org";
inline constexpr const char* kPartnerAdmin = "partner-admin";
inline constexpr const char* kPartnerKey = "partner-secret-key-0123456789";
inline constexpr const char* kPartnerKeyId = "partner-key-id";
inline constexpr const char* kUsersPath = "/v1/demo-org/user/";

/// A plain HTTP client of one emulator, speaking the wire format by hand (never the SDK).
class WireClient {
 public:
  explicit WireClient(const amigo::testing::Emulator& emulator);

  httplib::Client& http() { return client_; }

  /// Signs in with the demo organization's API key as `user_id`, returning the raw answer.
  httplib::Result sign_in(const std::string& user_id, const std::string& org = kOrg,
                          const std::string& key = kApiKey, const std::string& key_id = kApiKeyId);

  /// A fresh token for `user_id` of `org`; fails the test when sign-in does not answer 200.
  std::string token(const std::string& user_id = kAdmin, const std::string& org = kOrg);

  /// `Authorization: Bearer` headers for `user_id` of the demo organization.
  httplib::Headers as(const std::string& user_id = kAdmin);

  httplib::Result list(const std::string& query, const std::string& user_id = kAdmin);
  httplib::Result invite(const nlohmann::json& body, const std::string& user_id = kAdmin);
  httplib::Result update(const std::string& target, const nlohmann::json& body,
                         const std::string& user_id = kAdmin);
  httplib::Result remove(const std::string& target, const std::string& user_id = kAdmin);

 private:
  httplib::Client client_;
  std::map<std::string, std::string> tokens_;
};

/// The JSON body of a response (null when it is not JSON).
nlohmann::json body_of(const httplib::Result& result);

/// The user ids of a list page, in order.
std::vector<std::string> user_ids_of(const httplib::Result& result);

/// The `detail` entry of a 422 answer whose loc is `loc`, or null.
nlohmann::json error_at(const httplib::Result& result, const nlohmann::json& loc);

/// A minimal valid invite body.
nlohmann::json invite_body(const std::string& email, const std::string& role = "DefaultUserRole");

/// The user `user_id` as GET /_emulator/state shows it (null if absent).
nlohmann::json state_user(const amigo::testing::Emulator& emulator, const std::string& user_id);

}  // namespace amigo::emulator::test

#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace amigo::emulator {

/// A role of an organization; a higher rank outranks a lower one.
struct Role {
  std::string name;
  int rank = 0;
  std::set<std::string> permissions;

  bool allows(const std::string& permission) const { return permissions.count(permission) > 0; }
};

/// The permissions the four user operations check.
inline constexpr const char* kInviteUser = "User:InviteUser";
inline constexpr const char* kGetUserInfo = "User:GetUserInfo";
inline constexpr const char* kUpdateUserInfo = "User:UpdateUserInfo";
inline constexpr const char* kDeleteUser = "User:DeleteUser";

/// The documented defaults are those of a freshly invited user.
struct Preferences {
  bool enable_response_recommendation = false;
  std::optional<std::string> preferred_language;
  bool conversations_visible_to_admins = true;
  bool user_model_visible_to_admins = true;
  std::optional<std::string> timezone;
  std::vector<std::string> audio_keyterms;
};

struct UserStats {
  std::int64_t num_conversations = 0;
  std::int64_t num_messages = 0;
  // Kept as written so that the wire shows what the seed said; the parsed
  // instant is what sorting compares.
  std::optional<std::string> last_message_time;
  std::int64_t last_message_micros = 0;
};

struct User {
  std::string org_id;
  std::string user_id;
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string role;
  Preferences preferences;
  UserStats stats;
  std::map<std::string, std::string> nonsensitive_variables;
  std::map<std::string, std::string> sensitive_variables;
  std::vector<std::string> additional_context;
  bool active_in_actions_development = false;
  bool verified = false;
};

struct ApiKey {
  std::string org_id;
  std::string key;
  std::string key_id;
  std::string user_id;
};

struct Organization {
  std::string id;
  std::map<std::string, Role> roles;
  // Node-based, so pointers to users stay valid while others are added.
  std::unordered_map<std::string, User> users;
  // Lower-cased email -> user id; emails are unique per organization.
  std::unordered_map<std::string, std::string> user_id_by_email;
};

/// Everything a seed document describes.
struct World {
  std::map<std::string, Organization> organizations;
  std::vector<ApiKey> api_keys;
};

}  // namespace amigo::emulator

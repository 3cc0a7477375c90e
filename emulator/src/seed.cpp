#include "seed.hpp"

#include <algorithm>
#include <stdexcept>

#include "rfc3339.hpp"
#include "text.hpp"

namespace amigo::emulator {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::invalid_argument("seed: " + where + ": " + what);
}

std::string required_string(const json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
    fail(where, std::string("\"") + key + "\" must be a non-empty string");
  }
  return it->get<std::string>();
}

template <typename T>
T optional_value(const json& object, const char* key, T fallback, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    fail(where, std::string("\"") + key + "\" has the wrong type");
  }
}

std::optional<std::string> optional_string(const json& object, const char* key,
                                           const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) fail(where, std::string("\"") + key + "\" must be a string or null");
  return it->get<std::string>();
}

std::map<std::string, std::string> string_map(const json& object, const char* key,
                                              const std::string& where) {
  std::map<std::string, std::string> values;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return values;
  if (!it->is_object()) fail(where, std::string("\"") + key + "\" must be an object");
  for (const auto& [name, value] : it->items()) {
    if (!value.is_string()) fail(where, std::string("\"") + key + "." + name + "\" must be text");
    values[name] = value.get<std::string>();
  }
  return values;
}

Role parse_role(const json& value, const std::string& where) {
  if (!value.is_object()) fail(where, "a role must be an object");
  Role role;
  role.name = required_string(value, "name", where);
  role.rank = optional_value<int>(value, "rank", 0, where);
  for (const auto& permission :
       optional_value<std::vector<std::string>>(value, "permissions", {}, where)) {
    role.permissions.insert(permission);
  }
  return role;
}

Preferences parse_preferences(const json& user, const std::string& where) {
  Preferences preferences;
  const auto it = user.find("preferences");
  if (it == user.end() || it->is_null()) return preferences;
  if (!it->is_object()) fail(where, "\"preferences\" must be an object");
  const json& value = *it;
  preferences.enable_response_recommendation =
      optional_value<bool>(value, "enable_response_recommendation", false, where);
  preferences.preferred_language = optional_string(value, "preferred_language", where);
  preferences.conversations_visible_to_admins =
      optional_value<bool>(value, "conversations_visible_to_admins", true, where);
  preferences.user_model_visible_to_admins =
      optional_value<bool>(value, "user_model_visible_to_admins", true, where);
  preferences.timezone = optional_string(value, "timezone", where);
  preferences.audio_keyterms =
      optional_value<std::vector<std::string>>(value, "audio_keyterms", {}, where);
  return preferences;
}

UserStats parse_stats(const json& user, const std::string& where) {
  UserStats stats;
  const auto it = user.find("user_stats");
  if (it == user.end() || it->is_null()) return stats;
  if (!it->is_object()) fail(where, "\"user_stats\" must be an object");
  stats.num_conversations = optional_value<std::int64_t>(*it, "num_conversations", 0, where);
  stats.num_messages = optional_value<std::int64_t>(*it, "num_messages", 0, where);
  stats.last_message_time = optional_string(*it, "last_message_time", where);
  if (stats.last_message_time) {
    const auto micros = parse_rfc3339_micros(*stats.last_message_time);
    if (!micros) fail(where, "\"last_message_time\" must be an RFC 3339 date-time or null");
    stats.last_message_micros = *micros;
  }
  return stats;
}

User parse_user(const json& value, const std::string& where) {
  if (!value.is_object()) fail(where, "a user must be an object");
  User user;
  user.org_id = required_string(value, "org_id", where);
  user.user_id = required_string(value, "user_id", where);
  user.first_name = optional_value<std::string>(value, "first_name", "", where);
  user.last_name = optional_value<std::string>(value, "last_name", "", where);
  user.email = required_string(value, "email", where);
  user.role = required_string(value, "role", where);
  user.preferences = parse_preferences(value, where);
  user.stats = parse_stats(value, where);
  user.nonsensitive_variables = string_map(value, "nonsensitive_variables", where);
  user.sensitive_variables = string_map(value, "sensitive_variables", where);
  user.additional_context =
      optional_value<std::vector<std::string>>(value, "additional_context", {}, where);
  user.active_in_actions_development =
      optional_value<bool>(value, "active_in_actions_development", false, where);
  user.verified = optional_value<bool>(value, "verified", true, where);
  return user;
}

const json& array_member(const json& seed, const char* key) {
  static const json kEmpty = json::array();
  const auto it = seed.find(key);
  if (it == seed.end() || it->is_null()) return kEmpty;
  if (!it->is_array()) fail(key, "must be an array");
  return *it;
}

json role_json(const Role& role) {
  return {
      {"name", role.name},
      {"rank", role.rank},
      {"permissions", std::vector<std::string>(role.permissions.begin(), role.permissions.end())}};
}

json preferences_json(const Preferences& preferences) {
  return {{"enable_response_recommendation", preferences.enable_response_recommendation},
          {"preferred_language",
           preferences.preferred_language ? json(*preferences.preferred_language) : json(nullptr)},
          {"conversations_visible_to_admins", preferences.conversations_visible_to_admins},
          {"user_model_visible_to_admins", preferences.user_model_visible_to_admins},
          {"timezone", preferences.timezone ? json(*preferences.timezone) : json(nullptr)},
          {"audio_keyterms", preferences.audio_keyterms}};
}

json stats_json(const UserStats& stats) {
  return {{"num_conversations", stats.num_conversations},
          {"num_messages", stats.num_messages},
          {"last_message_time",
           stats.last_message_time ? json(*stats.last_message_time) : json(nullptr)}};
}

}  // namespace

World parse_seed(const json& seed) {
  if (!seed.is_object()) fail("document", "must be a JSON object");
  World world;

  for (const json& value : array_member(seed, "organizations")) {
    if (!value.is_object()) fail("organizations", "each organization must be an object");
    Organization organization;
    organization.id = required_string(value, "id", "organization");
    const std::string where = "organization " + organization.id;
    for (const json& role_value : optional_value<json>(value, "roles", json::array(), where)) {
      Role role = parse_role(role_value, where);
      organization.roles[role.name] = std::move(role);
    }
    if (!world.organizations.emplace(organization.id, std::move(organization)).second) {
      fail(where, "is listed twice");
    }
  }

  for (const json& value : array_member(seed, "users")) {
    User user = parse_user(value, "user");
    const std::string where = "user " + user.user_id;
    const auto org = world.organizations.find(user.org_id);
    if (org == world.organizations.end()) fail(where, "unknown organization " + user.org_id);
    if (org->second.roles.count(user.role) == 0) fail(where, "unknown role " + user.role);
    const std::string email_key = to_lower_ascii(user.email);
    if (!org->second.user_id_by_email.emplace(email_key, user.user_id).second) {
      fail(where, "email " + user.email + " is already taken in " + user.org_id);
    }
    const std::string user_id = user.user_id;
    if (!org->second.users.emplace(user_id, std::move(user)).second) fail(where, "is listed twice");
  }

  for (const json& value : array_member(seed, "api_keys")) {
    if (!value.is_object()) fail("api_keys", "each API key must be an object");
    ApiKey key;
    key.org_id = required_string(value, "org_id", "api key");
    key.key = required_string(value, "key", "api key");
    key.key_id = required_string(value, "key_id", "api key");
    key.user_id = required_string(value, "user_id", "api key");
    const auto org = world.organizations.find(key.org_id);
    if (org == world.organizations.end() || org->second.users.count(key.user_id) == 0) {
      fail("api key " + key.key_id, "names an unknown organization or user");
    }
    world.api_keys.push_back(std::move(key));
  }
  return world;
}

json dump_world(const World& world) {
  json organizations = json::array();
  json users = json::array();
  for (const auto& [id, organization] : world.organizations) {
    json roles = json::array();
    for (const auto& [name, role] : organization.roles) roles.push_back(role_json(role));
    organizations.push_back({{"id", id}, {"roles", std::move(roles)}});

    std::vector<const User*> sorted;
    sorted.reserve(organization.users.size());
    for (const auto& [user_id, user] : organization.users) sorted.push_back(&user);
    std::sort(sorted.begin(), sorted.end(),
              [](const User* a, const User* b) { return a->user_id < b->user_id; });
    for (const User* user : sorted) {
      json entry = user_instance_json(*user);
      entry["sensitive_variables"] = user->sensitive_variables;
      entry["additional_context"] = user->additional_context;
      entry["active_in_actions_development"] = user->active_in_actions_development;
      entry["verified"] = user->verified;
      users.push_back(std::move(entry));
    }
  }

  json api_keys = json::array();
  for (const ApiKey& key : world.api_keys) {
    api_keys.push_back({{"org_id", key.org_id},
                        {"key", key.key},
                        {"key_id", key.key_id},
                        {"user_id", key.user_id}});
  }
  return {{"organizations", std::move(organizations)},
          {"users", std::move(users)},
          {"api_keys", std::move(api_keys)}};
}

json user_instance_json(const User& user) {
  json sensitive_names = json::array();
  for (const auto& [name, value] : user.sensitive_variables) sensitive_names.push_back(name);
  return {{"org_id", user.org_id},
          {"user_id", user.user_id},
          {"first_name", user.first_name},
          {"last_name", user.last_name},
          {"email", user.email},
          {"user_stats", stats_json(user.stats)},
          {"role", user.role},
          {"preferences", preferences_json(user.preferences)},
          {"nonsensitive_variables", user.nonsensitive_variables},
          {"sensitive_variables", std::move(sensitive_names)}};
}

}  // namespace amigo::emulator

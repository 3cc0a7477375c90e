#include "user_page_schema.hpp"

#include <array>
#include <string>

namespace amigo::detail {
namespace {

struct KeyName {
  Scope scope;
  Key key;
  std::string_view name;
};

constexpr std::array<KeyName, 22> kKeyNames{{
    {Scope::page, Key::users, "users"},
    {Scope::page, Key::has_more, "has_more"},
    {Scope::page, Key::continuation_token, "continuation_token"},
    {Scope::user, Key::org_id, "org_id"},
    {Scope::user, Key::user_id, "user_id"},
    {Scope::user, Key::first_name, "first_name"},
    {Scope::user, Key::last_name, "last_name"},
    {Scope::user, Key::email, "email"},
    {Scope::user, Key::user_stats, "user_stats"},
    {Scope::user, Key::role, "role"},
    {Scope::user, Key::preferences, "preferences"},
    {Scope::user, Key::nonsensitive_variables, "nonsensitive_variables"},
    {Scope::user, Key::sensitive_variables, "sensitive_variables"},
    {Scope::user_stats, Key::num_conversations, "num_conversations"},
    {Scope::user_stats, Key::num_messages, "num_messages"},
    {Scope::user_stats, Key::last_message_time, "last_message_time"},
    {Scope::preferences, Key::enable_response_recommendation, "enable_response_recommendation"},
    {Scope::preferences, Key::preferred_language, "preferred_language"},
    {Scope::preferences, Key::conversations_visible_to_admins, "conversations_visible_to_admins"},
    {Scope::preferences, Key::user_model_visible_to_admins, "user_model_visible_to_admins"},
    {Scope::preferences, Key::timezone, "timezone"},
    {Scope::preferences, Key::audio_keyterms, "audio_keyterms"},
}};

// The keys each object must hold; preferences has defaults for all of its own.
constexpr std::uint32_t required_keys(Scope scope) {
  switch (scope) {
    case Scope::page:
      return bit(Key::users) | bit(Key::has_more) | bit(Key::continuation_token);
    case Scope::user:
      return bit(Key::org_id) | bit(Key::user_id) | bit(Key::first_name) | bit(Key::last_name) |
             bit(Key::email) | bit(Key::user_stats) | bit(Key::role) | bit(Key::preferences) |
             bit(Key::nonsensitive_variables) | bit(Key::sensitive_variables);
    case Scope::user_stats:
      return bit(Key::num_conversations) | bit(Key::num_messages) | bit(Key::last_message_time);
    default:
      return 0;
  }
}

}  // namespace

Key find_key(Scope scope, std::string_view name) {
  if (scope == Scope::nonsensitive_variables) return Key::variable;
  for (const auto& entry : kKeyNames) {
    if (entry.scope == scope && entry.name == name) return entry.key;
  }
  return Key::unknown;
}

std::string_view name_of(Key key) {
  for (const auto& entry : kKeyNames) {
    if (entry.key == key) return entry.name;
  }
  return {};
}

std::string_view first_missing(Scope scope, std::uint32_t seen) {
  const std::uint32_t missing = required_keys(scope) & ~seen;
  for (const auto& entry : kKeyNames) {
    if (entry.scope == scope && (missing & bit(entry.key)) != 0) return entry.name;
  }
  return {};
}

Expected expected_for(Key key) {
  switch (key) {
    case Key::users:
    case Key::sensitive_variables:
    case Key::audio_keyterms:
      return {JsonKind::array};
    case Key::has_more:
    case Key::enable_response_recommendation:
    case Key::conversations_visible_to_admins:
    case Key::user_model_visible_to_admins:
      return {JsonKind::boolean};
    case Key::continuation_token:
      return {JsonKind::integer, true};
    case Key::num_conversations:
    case Key::num_messages:
      return {JsonKind::integer};
    case Key::last_message_time:
    case Key::preferred_language:
    case Key::timezone:
      return {JsonKind::string, true};
    case Key::user_stats:
    case Key::preferences:
    case Key::nonsensitive_variables:
      return {JsonKind::object};
    default:
      return {JsonKind::string};
  }
}

std::string describe(Expected expected) {
  std::string text(describe(expected.kind));
  if (expected.nullable) text += " or null";
  return text;
}

}  // namespace amigo::detail

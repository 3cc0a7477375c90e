#include "user_page_schema.hpp"

#include <string>

namespace amigo::detail {
namespace {

struct KeyName {
  Key key;
  std::string_view name;
};

// Each object's keys in schema order, which is the order a missing one is
// reported in.
constexpr KeyName kPageKeys[] = {
    {Key::users, "users"},
    {Key::has_more, "has_more"},
    {Key::continuation_token, "continuation_token"},
};
constexpr KeyName kUserKeys[] = {
    {Key::org_id, "org_id"},
    {Key::user_id, "user_id"},
    {Key::first_name, "first_name"},
    {Key::last_name, "last_name"},
    {Key::email, "email"},
    {Key::user_stats, "user_stats"},
    {Key::role, "role"},
    {Key::preferences, "preferences"},
    {Key::nonsensitive_variables, "nonsensitive_variables"},
    {Key::sensitive_variables, "sensitive_variables"},
};
constexpr KeyName kUserStatsKeys[] = {
    {Key::num_conversations, "num_conversations"},
    {Key::num_messages, "num_messages"},
    {Key::last_message_time, "last_message_time"},
};
constexpr KeyName kPreferencesKeys[] = {
    {Key::enable_response_recommendation, "enable_response_recommendation"},
    {Key::preferred_language, "preferred_language"},
    {Key::conversations_visible_to_admins, "conversations_visible_to_admins"},
    {Key::user_model_visible_to_admins, "user_model_visible_to_admins"},
    {Key::timezone, "timezone"},
    {Key::audio_keyterms, "audio_keyterms"},
};

struct KeyList {
  const KeyName* begin_;
  const KeyName* end_;
  [[nodiscard]] const KeyName* begin() const { return begin_; }
  [[nodiscard]] const KeyName* end() const { return end_; }
};

template <std::size_t N>
constexpr KeyList list(const KeyName (&keys)[N]) {
  return {keys, keys + N};
}

constexpr KeyList keys_of(Scope scope) {
  switch (scope) {
    case Scope::page:
      return list(kPageKeys);
    case Scope::user:
      return list(kUserKeys);
    case Scope::user_stats:
      return list(kUserStatsKeys);
    case Scope::preferences:
      return list(kPreferencesKeys);
    default:
      return {nullptr, nullptr};
  }
}

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
  for (const auto& entry : keys_of(scope)) {
    if (entry.name == name) return entry.key;
  }
  return Key::unknown;
}

std::string_view name_of(Key key) {
  for (const Scope scope : {Scope::page, Scope::user, Scope::user_stats, Scope::preferences}) {
    for (const auto& entry : keys_of(scope)) {
      if (entry.key == key) return entry.name;
    }
  }
  return {};
}

std::string_view first_missing(Scope scope, std::uint32_t seen) {
  const std::uint32_t missing = required_keys(scope) & ~seen;
  if (missing == 0) return {};
  for (const auto& entry : keys_of(scope)) {
    if ((missing & bit(entry.key)) != 0) return entry.name;
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

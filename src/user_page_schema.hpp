#pragma once

// The shape of a list_users page as the decoder walks it: the objects and
// arrays it enters, the keys each holds, which are required and what kind of
// value each must be.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json_kind.hpp"

namespace amigo::detail {

// An object or array the decoder understands, open around the parser.
enum class Scope : std::uint8_t {
  document,
  page,
  users,
  user,
  user_stats,
  preferences,
  audio_keyterms,
  nonsensitive_variables,
  sensitive_variables,
};
inline constexpr std::size_t kScopeCount = static_cast<std::size_t>(Scope::sensitive_variables) + 1;

// The key whose value the parser reads next.
enum class Key : std::uint8_t {
  unknown,
  users,
  has_more,
  continuation_token,
  org_id,
  user_id,
  first_name,
  last_name,
  email,
  user_stats,
  role,
  preferences,
  nonsensitive_variables,
  sensitive_variables,
  num_conversations,
  num_messages,
  last_message_time,
  enable_response_recommendation,
  preferred_language,
  conversations_visible_to_admins,
  user_model_visible_to_admins,
  timezone,
  audio_keyterms,
  variable,  // any key of nonsensitive_variables
};

// What a value must be; `nullable` also admits null.
struct Expected {
  JsonKind kind;
  bool nullable = false;
};

/// The key `name` of an object in `scope`; Key::unknown when the schema has none.
Key find_key(Scope scope, std::string_view name);

/// The key's name on the wire.
std::string_view name_of(Key key);

/// The first required key of `scope` whose bit is not in `seen`, in schema
/// order; empty when none is missing.
std::string_view first_missing(Scope scope, std::uint32_t seen);

/// What a key's value must be.
Expected expected_for(Key key);

/// "a string or null", "an integer".
std::string describe(Expected expected);

/// A key's bit in a set of keys seen.
constexpr std::uint32_t bit(Key key) { return std::uint32_t{1} << static_cast<unsigned>(key); }

inline bool is_object_scope(Scope scope) {
  return scope == Scope::page || scope == Scope::user || scope == Scope::user_stats ||
         scope == Scope::preferences || scope == Scope::nonsensitive_variables;
}

}  // namespace amigo::detail

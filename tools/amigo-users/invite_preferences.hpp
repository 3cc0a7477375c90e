#pragma once

// The preferences an invite carries when a time zone or a language was given,
// shared by `invite` (from flags) and `import` (from CSV columns).

#include <optional>
#include <string>

#include <amigo/models.hpp>

namespace amigo_users {

/// Preferences holding the non-empty ones of `timezone` and `language`, or
/// nothing when both are empty (the organization's defaults then apply).
std::optional<amigo::UserPreferences> invite_preferences(const std::string& timezone,
                                                         const std::string& language);

}  // namespace amigo_users

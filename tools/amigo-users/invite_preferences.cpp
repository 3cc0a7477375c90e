#include "invite_preferences.hpp"

namespace amigo_users {

std::optional<amigo::UserPreferences> invite_preferences(const std::string& timezone,
                                                         const std::string& language) {
  if (timezone.empty() && language.empty()) return std::nullopt;
  amigo::UserPreferences preferences;
  if (!timezone.empty()) preferences.timezone = timezone;
  if (!language.empty()) preferences.preferred_language = language;
  return preferences;
}

}  // namespace amigo_users

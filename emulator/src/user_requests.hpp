#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "validation.hpp"

namespace amigo::emulator {

/// A validated invite body (`create_invited_user` request).
struct InviteRequest {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string role_name;
  std::optional<std::string> login_link;
  std::map<std::string, std::string> nonsensitive_variables;
  std::map<std::string, std::string> sensitive_variables;
  // Defaults overridden by what `user_preferences` set.
  Preferences preferences;
};

/// A value that may be left alone, erased (null) or set.
template <typename T>
struct Change {
  bool present = false;
  std::optional<T> value;
};

/// A validated update body (`update_user_info` request); unset members leave the user alone.
struct UpdateRequest {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<bool> enable_response_recommendation;
  Change<std::string> preferred_language;
  Change<std::string> timezone;
  std::optional<bool> conversations_visible_to_admins;
  std::optional<bool> user_model_visible_to_admins;
  std::optional<std::vector<std::string>> additional_context;
  std::optional<std::vector<std::string>> audio_keyterms;
};

/// Validates an invite body, collecting every failure in `errors`.
std::optional<InviteRequest> parse_invite_request(const std::string& body,
                                                  const std::string& content_type,
                                                  ValidationErrors& errors);

/// Validates an update body, collecting every failure in `errors`.
std::optional<UpdateRequest> parse_update_request(const std::string& body,
                                                  const std::string& content_type,
                                                  ValidationErrors& errors);

}  // namespace amigo::emulator

#pragma once

/// @file
/// Requests and responses of the user operations, one struct per schema.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "amigo/export.hpp"
#include "amigo/field.hpp"

namespace amigo {

/// Point in time on the wire as RFC 3339.
using Timestamp = std::chrono::system_clock::time_point;

/// Preferences given when inviting a user. Fields left empty are not sent, and
/// the organization's defaults apply.
struct UserPreferences {
  std::optional<bool> enable_response_recommendation;   ///< server default: false
  std::optional<std::string> preferred_language;        ///< ISO 639-3 code (or two letters)
  std::optional<bool> conversations_visible_to_admins;  ///< server default: true
  std::optional<bool> user_model_visible_to_admins;     ///< server default: true
  std::optional<std::string> timezone;                  ///< IANA name, e.g. "America/New_York"
  std::optional<std::vector<std::string>> audio_keyterms;
};

/// Body of invite_user.
struct UserInviteRequest {
  std::string first_name;
  std::string last_name;
  std::string email;
  /// The role to give the new user (sent as `role_name`).
  std::string role;
  /// Emailed to the user when set; the answer then carries a verify link.
  std::optional<std::string> login_link;
  std::map<std::string, std::string> nonsensitive_user_variables;
  /// Never logged, never shown in an error message.
  std::map<std::string, std::string> sensitive_user_variables;
  std::optional<UserPreferences> user_preferences;
};

/// Answer of invite_user.
struct UserInviteResponse {
  std::string user_id;
  /// Present only when the request carried a login_link.
  std::optional<std::string> verify_link;
};

/// The fields list_users can sort by.
enum class UserSortField {
  first_name,
  last_name,
  email,
  num_conversations,  ///< user_stats.num_conversations
  num_messages,       ///< user_stats.num_messages
  last_message_time,  ///< user_stats.last_message_time
};

/// One sort key of list_users: a field and a direction.
class AMIGO_API UserSort {
 public:
  static UserSort ascending(UserSortField field) noexcept { return {field, false}; }
  static UserSort descending(UserSortField field) noexcept { return {field, true}; }

  [[nodiscard]] UserSortField field() const noexcept { return field_; }
  [[nodiscard]] bool is_descending() const noexcept { return descending_; }
  /// The wire form: "+last_name", "-user_stats.last_message_time".
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(UserSort a, UserSort b) noexcept {
    return a.field_ == b.field_ && a.descending_ == b.descending_;
  }

 private:
  UserSort(UserSortField field, bool descending) noexcept
      : field_(field), descending_(descending) {}

  UserSortField field_;
  bool descending_;
};

/// Query of list_users. Empty lists and empty optionals are not sent.
struct ListUsersRequest {
  std::vector<std::string> user_ids;  ///< repeated `user_id` keys
  std::vector<std::string> emails;    ///< repeated `email` keys
  std::optional<int> limit;           ///< 0 to 100; the server's default is 100
  std::optional<std::int64_t> continuation_token;
  std::vector<UserSort> sort_by;  ///< earlier keys win; later ones break ties
};

/// Usage statistics of a user.
struct UserStats {
  std::int64_t num_conversations = 0;
  std::int64_t num_messages = 0;
  /// Empty when the user has not started a conversation yet.
  std::optional<Timestamp> last_message_time;
};

/// A user's preferences as the server reports them.
struct Preferences {
  bool enable_response_recommendation = false;
  std::optional<std::string> preferred_language;
  bool conversations_visible_to_admins = true;
  bool user_model_visible_to_admins = true;
  std::optional<std::string> timezone;
  std::vector<std::string> audio_keyterms;
};

/// A user of the organization, as list_users returns it.
struct User {
  std::string org_id;
  std::string user_id;
  std::string first_name;
  std::string last_name;
  std::string email;
  UserStats user_stats;
  std::string role;
  Preferences preferences;
  std::map<std::string, std::string> nonsensitive_variables;
  /// Names only: the values of sensitive variables cannot be read back.
  std::vector<std::string> sensitive_variables;
};

/// One page of list_users.
struct UserPage {
  std::vector<User> users;
  bool has_more = false;
  /// Set only when has_more is true: pass it back to get the next page.
  std::optional<std::int64_t> continuation_token;
};

/// Body of update_user. Only what is set is sent, and only that changes.
struct UserUpdateRequest {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<bool> enable_response_recommendation;
  /// A value sets it, amigo::null erases it, not set leaves it alone.
  Field<std::string> preferred_language;
  /// A value sets it, amigo::null erases it, not set leaves it alone.
  Field<std::string> timezone;
  std::optional<bool> conversations_visible_to_admins;
  std::optional<bool> user_model_visible_to_admins;
  std::optional<std::vector<std::string>> additional_context;
  std::optional<std::vector<std::string>> audio_keyterms;
};

}  // namespace amigo

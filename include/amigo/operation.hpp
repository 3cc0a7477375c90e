#pragma once

/// @file
/// The API operations, as named by the Amigo docs page.

#include <string_view>

namespace amigo {

/// One operation of the Amigo user API.
enum class Operation {
  sign_in_with_api_key,  ///< POST /v1/{organization}/user/signin_with_api_key
  invite_user,           ///< POST /v1/{organization}/user/
  list_users,            ///< GET /v1/{organization}/user/
  update_user,           ///< POST /v1/{organization}/user/{requested_user_id}
  delete_user,           ///< DELETE /v1/{organization}/user/{requested_user_id}
};

/// The operation's name as the docs page spells it, e.g. "invite_user".
constexpr std::string_view to_string(Operation operation) noexcept {
  switch (operation) {
    case Operation::sign_in_with_api_key:
      return "sign_in_with_api_key";
    case Operation::invite_user:
      return "invite_user";
    case Operation::list_users:
      return "list_users";
    case Operation::update_user:
      return "update_user";
    case Operation::delete_user:
      return "delete_user";
  }
  return "unknown";
}

}  // namespace amigo

#pragma once

// The user models on the wire: request bodies out, response bodies in.
//
// Encoders check what the SDK can check before anything is sent and throw
// InvalidArgumentError naming the field. Decoders throw DecodeError with the
// JSON path of the first mismatch; no other exception escapes them. Neither
// ever puts a field's value in a message: values are personal data, and
// sensitive variables are secrets.

#include <string>
#include <string_view>

#include "amigo/models.hpp"

namespace amigo::detail {

/// The invite_user body, compact, fields in schema order; `role` goes out as
/// `role_name`, and empty maps and unset optionals are left out.
std::string encode_invite(const UserInviteRequest& request);

/// The update_user body: only what is set, Field nulls as JSON null.
std::string encode_update(const UserUpdateRequest& request);

/// A list_users page, decoded in one pass with no intermediate document.
UserPage decode_user_page(std::string_view body, int status);

/// The invite_user answer.
UserInviteResponse decode_invite_response(std::string_view body, int status);

}  // namespace amigo::detail

#pragma once

// How request data becomes a URL: percent-encoded path segments and the
// list_users query string.

#include <string>
#include <string_view>

#include "amigo/models.hpp"
#include "amigo/operation.hpp"

namespace amigo::detail {

/// Every byte outside RFC 3986's unreserved set (ALPHA DIGIT - . _ ~) as %XX,
/// upper case; UTF-8 sequences byte by byte.
std::string percent_encode(std::string_view text);

/// The user id as one encoded path segment.
/// @throws InvalidArgumentError for "", "." or "..", which no encoding can
///         keep from being dropped or resolved away as a path segment.
std::string user_id_segment(Operation operation, std::string_view user_id);

/// Checks the limit and continuation token of a list request.
/// @throws InvalidArgumentError saying which is out of range.
void check_list_request(const ListUsersRequest& request);

/// "user_id=a&email=x%40y.com&limit=50&continuation_token=100&sort_by=%2Bemail",
/// in that order, repeating keys for lists and leaving out what is empty.
/// @throws InvalidArgumentError as check_list_request does.
std::string list_users_query(const ListUsersRequest& request);

}  // namespace amigo::detail

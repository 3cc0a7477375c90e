#pragma once

// The --sort values of `list`: "last_name", "+email", "-user_stats.num_messages",
// or the short forms of the user_stats fields ("-last_message_time").

#include <string>

#include <amigo/amigo.hpp>

namespace amigo_users {

/// @throws UsageError listing the valid fields when `text` names none of them.
amigo::UserSort parse_sort_key(const std::string& text);

}  // namespace amigo_users

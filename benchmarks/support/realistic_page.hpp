#pragma once

// A list_users page shaped like the real service's: a hundred users with
// preferences, usage statistics, a few variables of each kind, accented names
// and the odd null, serialised compactly as the server does (about 52 KB).

#include <cstddef>
#include <string>

#include <amigo/models.hpp>

namespace amigo_bench {

/// The organization the page's users belong to.
inline constexpr const char* kBenchOrganization = "acme";

/// The body of one page of `count` users; the same text on every call.
std::string realistic_page_body(std::size_t count = 100);

/// An invite as an HR import sends one: names, role, preferences, variables.
amigo::UserInviteRequest realistic_invite();

/// An update touching most fields, one of them erased with amigo::null.
amigo::UserUpdateRequest realistic_update();

}  // namespace amigo_bench

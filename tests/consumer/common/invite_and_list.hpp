#pragma once

// What every consumer does with the library it found: invite a user, then
// list users by that email, over real sockets to an emulator. Header-only so
// that each consumer, however it is built, compiles it with its own flags.

#include <amigo/amigo.hpp>

#include <iostream>
#include <string>

namespace consumer {

// Returns the process exit code: 0 when the user came back as invited.
inline int invite_and_list(amigo::AmigoClient& client, const std::string& email) {
  amigo::UserInviteRequest invite;
  invite.first_name = "Grace";
  invite.last_name = "Hopper";
  invite.email = email;
  invite.role = "DefaultUserRole";
  const amigo::UserInviteResponse invited = client.user().invite_user(invite);

  amigo::ListUsersRequest query;
  query.emails = {email};
  const amigo::UserPage page = client.user().list_users(query);
  if (page.users.size() != 1 || page.users[0].user_id != invited.user_id ||
      page.users[0].email != email || page.users[0].first_name != "Grace") {
    std::cerr << "list_users by email returned " << page.users.size()
              << " users, not the invited one (" << invited.user_id << ")\n";
    return 1;
  }
  std::cout << "amigo " << AMIGO_VERSION_STRING << " (C++ " << __cplusplus << "): invited "
            << invited.user_id << " and listed it back\n";
  return 0;
}

// Runs `body`, turning an amigo::Error into a message and exit code 1.
template <typename Body>
int run(Body body) {
  try {
    return body();
  } catch (const amigo::Error& error) {
    std::cerr << "amigo::Error: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace consumer

// Invite one user to the organization.
//
//   amigo_example_invite_user [EMAIL [FIRST_NAME LAST_NAME [ROLE]]]
//
// Credentials come from AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID,
// AMIGO_ORGANIZATION_ID and (optionally) AMIGO_BASE_URL.

#include <amigo/amigo.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::string email = argc > 1 ? argv[1] : "ada.lovelace@example.com";
  const std::string first_name = argc > 3 ? argv[2] : "Ada";
  const std::string last_name = argc > 3 ? argv[3] : "Lovelace";
  const std::string role = argc > 4 ? argv[4] : "DefaultUserRole";

  try {
    amigo::AmigoClient client(amigo::ClientOptions::from_env());

    amigo::UserInviteRequest invite;
    invite.email = email;
    invite.first_name = first_name;
    invite.last_name = last_name;
    invite.role = role;  // sent as role_name
    // Preferences are optional; whatever is left out takes the organization's default.
    invite.user_preferences = amigo::UserPreferences{};
    invite.user_preferences->timezone = "America/New_York";

    const amigo::UserInviteResponse invited = client.user().invite_user(invite);
    std::cout << "Invited " << first_name << ' ' << last_name << " <" << email << "> as " << role
              << '\n';
    std::cout << "User ID: " << invited.user_id << '\n';
  } catch (const amigo::ConflictError& e) {
    // 409: the email is taken (or a related operation is in progress).
    std::cerr << "Not invited: " << e.what() << '\n';
    return 1;
  } catch (const amigo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}

// A user's whole life in one organization: invite, find by email, update,
// list, delete, and check that the user is gone.
//
//   amigo_example_user_lifecycle [EMAIL]
//
// Credentials come from AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID,
// AMIGO_ORGANIZATION_ID and (optionally) AMIGO_BASE_URL.

#include <amigo/amigo.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace {

// list_users filters by email on the server; at most one user has a given email.
std::optional<amigo::User> find_by_email(amigo::UserService& users, const std::string& email) {
  amigo::ListUsersRequest query;
  query.emails = {email};
  amigo::UserPage page = users.list_users(query);
  if (page.users.empty()) return std::nullopt;
  return page.users.front();
}

std::string or_none(const std::optional<std::string>& value) { return value ? *value : "(none)"; }

}  // namespace

int main(int argc, char** argv) {
  const std::string email = argc > 1 ? argv[1] : "grace.hopper@example.com";

  try {
    amigo::AmigoClient client(amigo::ClientOptions::from_env());
    amigo::UserService& users = client.user();

    // 1. Invite, with preferences of her own.
    amigo::UserInviteRequest invite;
    invite.first_name = "Grace";
    invite.last_name = "Hopper";
    invite.email = email;
    invite.role = "DefaultUserRole";
    invite.user_preferences = amigo::UserPreferences{};
    invite.user_preferences->timezone = "America/New_York";
    invite.user_preferences->preferred_language = "eng";
    const std::string user_id = users.invite_user(invite).user_id;
    std::cout << "Invited Grace Hopper <" << email << ">: user id " << user_id << '\n';

    // 2. Find her again by email.
    std::optional<amigo::User> found = find_by_email(users, email);
    if (!found) {
      std::cerr << "The new user is not listed\n";
      return 1;
    }
    std::cout << "Found " << found->user_id << " by email: timezone "
              << or_none(found->preferences.timezone) << ", language "
              << or_none(found->preferences.preferred_language) << '\n';

    // 3. Update: a value, a null (erase), and a field left alone.
    amigo::UserUpdateRequest update;
    update.timezone = "Europe/London";        // set
    update.preferred_language = amigo::null;  // erase
    // last_name stays not set: it is not sent and does not change.
    users.update_user(user_id, update);
    found = find_by_email(users, email);
    std::cout << "Updated: " << found->first_name << ' ' << found->last_name << ", timezone "
              << or_none(found->preferences.timezone) << ", language "
              << or_none(found->preferences.preferred_language) << '\n';

    // 4. Everyone, sorted by last name, a page at a time.
    amigo::ListUsersRequest everyone;
    everyone.sort_by = {amigo::UserSort::ascending(amigo::UserSortField::last_name)};
    std::cout << "Users by last name:\n";
    for (const amigo::User& user : users.list_all_users(everyone)) {
      std::cout << "  " << user.last_name << ", " << user.first_name << " <" << user.email << ">\n";
    }

    // 5. Delete, and make sure she is gone.
    users.delete_user(user_id);
    std::cout << "Deleted " << user_id << '\n';
    if (find_by_email(users, email)) {
      std::cerr << "The deleted user is still listed\n";
      return 1;
    }
    std::cout << "Confirmed: no user has the email " << email << '\n';
  } catch (const amigo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}

// Update a user: only the fields that are set change.
//
//   amigo_example_update_user USER_ID [TIMEZONE]
//
// Sets the time zone (default Europe/London), erases the preferred language,
// and leaves everything else, the names included, as it was. Credentials
// come from the AMIGO_* variables (see invite_user.cpp).

#include <amigo/amigo.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " USER_ID [TIMEZONE]\n";
    return 2;
  }
  const std::string user_id = argv[1];
  const std::string timezone = argc > 2 ? argv[2] : "Europe/London";

  try {
    amigo::AmigoClient client(amigo::ClientOptions::from_env());

    amigo::UserUpdateRequest update;
    update.timezone = timezone;               // a value sets it
    update.preferred_language = amigo::null;  // null erases it
    // Fields left alone (first_name, last_name, ...) are not sent and do not change.

    client.user().update_user(user_id, update);
    std::cout << "Updated " << user_id << ": timezone set to " << timezone
              << ", preferred language erased\n";
  } catch (const amigo::NotFoundError& e) {
    std::cerr << "No such user: " << e.what() << '\n';
    return 1;
  } catch (const amigo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}

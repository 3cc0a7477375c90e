// List every user of the organization, sorted by last name, fetching one
// page at a time as the loop advances.
//
//   amigo_example_list_users [EMAIL...]
//
// With emails, only those users are listed. Credentials come from the AMIGO_*
// variables (see invite_user.cpp).

#include <amigo/amigo.hpp>

#include <iostream>

int main(int argc, char** argv) {
  try {
    amigo::AmigoClient client(amigo::ClientOptions::from_env());

    amigo::ListUsersRequest query;
    for (int i = 1; i < argc; ++i) query.emails.emplace_back(argv[i]);
    query.sort_by = {amigo::UserSort::ascending(amigo::UserSortField::last_name),
                     amigo::UserSort::ascending(amigo::UserSortField::first_name)};
    query.limit = 50;  // users per page

    int count = 0;
    for (const amigo::User& user : client.user().list_all_users(query)) {
      std::cout << user.user_id << "  " << user.first_name << ' ' << user.last_name << " <"
                << user.email << ">  " << user.role << '\n';
      ++count;
    }
    std::cout << count << (count == 1 ? " user" : " users") << '\n';
  } catch (const amigo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}

// Delete a user.
//
//   amigo_example_delete_user USER_ID
//
// Credentials come from the AMIGO_* variables (see invite_user.cpp).

#include <amigo/amigo.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " USER_ID\n";
    return 2;
  }
  const std::string user_id = argv[1];

  try {
    amigo::AmigoClient client(amigo::ClientOptions::from_env());
    client.user().delete_user(user_id);
    std::cout << "Deleted " << user_id << '\n';
  } catch (const amigo::BadRequestError& e) {
    // 400: the user is active in Actions development and cannot be deleted now.
    std::cerr << "Not deleted: " << e.what() << '\n';
    return 1;
  } catch (const amigo::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}

// A program that finds its server and credentials in AMIGO_* variables, as a
// deployed application would. The pkg-config and add_subdirectory consumers
// build it; their driver points it at a running amigo-emulator.

#include <amigo/amigo.hpp>

#include <string>

#include "invite_and_list.hpp"

int main(int argc, char** argv) {
  const std::string email = argc > 1 ? argv[1] : "from-env@example.com";
  return consumer::run([&email] {
    amigo::AmigoClient client(amigo::ClientOptions::from_env());
    return consumer::invite_and_list(client, email);
  });
}

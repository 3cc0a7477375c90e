// amigo-users delete: removes users after a confirmation. Without a terminal
// to ask on, --yes is the confirmation, so a script cannot delete by accident.

#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "exit_codes.hpp"

namespace amigo_users {
namespace {

struct DeleteFlags {
  std::vector<std::string> user_ids;
  bool yes = false;
};

bool confirmed_on_terminal(const std::vector<std::string>& user_ids) {
  std::cerr << "Delete " << user_ids.size() << (user_ids.size() == 1 ? " user" : " users") << " (";
  for (std::size_t i = 0; i < user_ids.size(); ++i) std::cerr << (i ? ", " : "") << user_ids[i];
  std::cerr << ")? This cannot be undone. [y/N] " << std::flush;

  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES";
}

// A failure that says nothing about the other ids (a 404 for one user), as
// opposed to one that would repeat for each (401, 5xx), which ends the run.
bool concerns_one_user(const amigo::ApiError& error) {
  const int status = error.status();
  return status == 400 || status == 403 || status == 404 || status == 409 || status == 422;
}

int run_delete(const DeleteFlags& flags, const ConnectionFlags& connection) {
  if (!flags.yes) {
    if (isatty(STDIN_FILENO) == 0) {
      throw UsageError(
          "delete: stdin is not a terminal, so there is no one to confirm; "
          "pass --yes to delete without asking");
    }
    if (!confirmed_on_terminal(flags.user_ids)) {
      std::cerr << "Nothing deleted.\n";
      return kExitSuccess;
    }
  }

  amigo::AmigoClient client(client_options(connection));
  std::size_t failures = 0;
  for (const std::string& user_id : flags.user_ids) {
    try {
      client.user().delete_user(user_id);
      std::cout << "deleted " << user_id << '\n';
    } catch (const amigo::ApiError& error) {
      if (!concerns_one_user(error)) throw;
      ++failures;
      std::cout << std::flush;
      std::cerr << "failed " << user_id << ": " << error.what() << '\n';
    }
  }
  return failures == 0 ? kExitSuccess : kExitApiError;
}

}  // namespace

Command add_delete_command(CLI::App& parent, const ConnectionFlags& connection) {
  auto flags = std::make_shared<DeleteFlags>();
  CLI::App* app = parent.add_subcommand("delete", "Delete users (asks first)");
  app->add_option("USER_ID", flags->user_ids, "The users to delete")->required();
  app->add_flag("--yes,-y", flags->yes, "Do not ask; required when stdin is not a terminal");
  app->footer(
      "Each id is reported as deleted (stdout) or failed (stderr); the exit code\n"
      "is 1 when any failed.\n\nExample:\n  amigo-users delete u-123 u-456 --yes");
  return Command{app, [flags, &connection] { return run_delete(*flags, connection); }};
}

}  // namespace amigo_users

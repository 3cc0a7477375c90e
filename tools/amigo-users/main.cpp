// amigo-users: manage the users of an Amigo organization from the shell.

#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <amigo/amigo.hpp>

#include "command.hpp"
#include "credentials.hpp"
#include "exit_codes.hpp"

namespace {

constexpr const char* kFooter =
    "Credentials come from the flags above or the variables AMIGO_ORGANIZATION_ID,\n"
    "AMIGO_API_KEY_ID, AMIGO_USER_ID and AMIGO_BASE_URL. The API key itself is read\n"
    "only from AMIGO_API_KEY or --api-key-file, never from a flag, so that it does\n"
    "not show in the process list. Give these flags before the command: after it,\n"
    "--user-id is list's filter.\n\n"
    "Exit codes: 0 success, 1 the API reported an error, 2 usage error,\n"
    "3 import finished with invalid or failed rows, 130 interrupted.\n\n"
    "Run 'amigo-users COMMAND --help' for the options of a command.";

int run(int argc, char** argv) {
  CLI::App app(
      "Invite, list, update, delete, import and export the users of an Amigo "
      "organization.",
      "amigo-users");
  app.set_version_flag("--version", AMIGO_VERSION_STRING);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(kFooter);

  amigo_users::ConnectionFlags connection;
  amigo_users::add_connection_flags(app, connection);
  const std::vector<amigo_users::Command> commands{
      amigo_users::add_invite_command(app, connection),
      amigo_users::add_list_command(app, connection),
      amigo_users::add_update_command(app, connection),
      amigo_users::add_delete_command(app, connection),
      amigo_users::add_import_command(app, connection),
      amigo_users::add_export_command(app, connection),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? amigo_users::kExitSuccess : amigo_users::kExitUsage;
  }

  for (const amigo_users::Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return amigo_users::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const amigo_users::UsageError& error) {
    std::cerr << "amigo-users: " << error.what() << '\n';
    return amigo_users::kExitUsage;
  } catch (const amigo::ConfigurationError& error) {
    std::cerr << "amigo-users: " << error.what() << '\n';
    return amigo_users::kExitUsage;
  } catch (const amigo::InvalidArgumentError& error) {
    // Refused before anything was sent: the input given is at fault.
    std::cerr << "amigo-users: " << error.what() << '\n';
    return amigo_users::kExitUsage;
  } catch (const amigo::Error& error) {
    // The SDK's messages never carry a secret, so they can be shown as they are.
    std::cerr << "amigo-users: " << error.what() << '\n';
    return amigo_users::kExitApiError;
  } catch (const std::exception& error) {
    std::cerr << "amigo-users: unexpected failure: " << error.what() << '\n';
    return amigo_users::kExitApiError;
  } catch (...) {
    return amigo_users::kExitApiError;
  }
}

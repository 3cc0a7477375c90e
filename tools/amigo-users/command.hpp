#pragma once

// A subcommand as main() sees it: its CLI11 node, and what to do when it is
// the one the user chose.

#include <functional>

#include <CLI/CLI.hpp>

#include "credentials.hpp"

namespace amigo_users {

struct Command {
  CLI::App* app = nullptr;
  /// Runs the command after parsing; returns the process exit code.
  std::function<int()> run;
};

// Each adds its subcommand to `parent`. The connection flags are read only
// when the command runs, after parsing filled them in.
Command add_invite_command(CLI::App& parent, const ConnectionFlags& connection);
Command add_list_command(CLI::App& parent, const ConnectionFlags& connection);
Command add_update_command(CLI::App& parent, const ConnectionFlags& connection);
Command add_delete_command(CLI::App& parent, const ConnectionFlags& connection);
Command add_import_command(CLI::App& parent, const ConnectionFlags& connection);
Command add_export_command(CLI::App& parent, const ConnectionFlags& connection);

}  // namespace amigo_users

#pragma once

// Where the tool's connection settings come from: flags first, then the
// AMIGO_* variables. The API key is never a flag, so it cannot show in `ps`.

#include <string>

#include <CLI/CLI.hpp>
#include <amigo/amigo.hpp>

namespace amigo_users {

struct ConnectionFlags {
  std::string base_url;
  std::string organization_id;
  std::string api_key_id;
  std::string user_id;
  std::string api_key_file;
  double timeout_seconds = 0;  // 0 keeps the SDK's default
  bool verbose = false;
};

/// Adds --base-url, --org, --api-key-id, --user-id, --api-key-file, --timeout
/// and --verbose to the top-level command.
void add_connection_flags(CLI::App& app, ConnectionFlags& flags);

/// Client options from the flags and the environment.
/// @throws UsageError naming the flag or variable that is missing.
amigo::ClientOptions client_options(const ConnectionFlags& flags);

}  // namespace amigo_users

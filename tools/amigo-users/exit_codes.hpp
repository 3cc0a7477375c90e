#pragma once

// The process exit codes amigo-users documents in its --help, and the error
// that ends a run with the usage code.

#include <stdexcept>
#include <string>

namespace amigo_users {

inline constexpr int kExitSuccess = 0;
/// The API (or the connection to it) reported a failure.
inline constexpr int kExitApiError = 1;
/// The command line, an input file or the credentials were wrong.
inline constexpr int kExitUsage = 2;
/// An import finished but some rows were invalid or failed.
inline constexpr int kExitPartial = 3;
/// Stopped by SIGINT, after the row in flight was finished and journaled.
inline constexpr int kExitInterrupted = 130;

/// Something the user asked for cannot be done as asked; exits with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace amigo_users

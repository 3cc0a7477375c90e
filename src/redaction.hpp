#pragma once

// Keeps secrets out of log lines and exception messages. Text from outside
// (a server's error detail) and text we format ourselves both pass through a
// Redactor before anyone sees it.

#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace amigo::detail {

inline constexpr std::string_view kRedacted = "[REDACTED]";

/// Replaces what looks like a credential: a JWT (three base64url segments),
/// and the credential after "Bearer " or "Basic ".
std::string redact_credential_patterns(std::string_view text);

/// Redacts the credential patterns plus the exact secrets it was told about.
/// Safe to use from many threads at once.
class Redactor {
 public:
  Redactor() = default;
  explicit Redactor(std::vector<std::string> configured_secrets);
  /// Redacts `more_secrets` as well as everything `base` redacts, for one
  /// call's own secrets; `base` must outlive it.
  Redactor(const Redactor& base, std::vector<std::string> more_secrets);

  /// Remembers a secret learnt at run time, such as a token from sign-in.
  /// Only the most recent few are kept: older tokens have expired.
  void add_issued_secret(std::string secret);

  [[nodiscard]] std::string redact(std::string_view text) const;

 private:
  std::vector<std::string> configured_;
  const Redactor* base_ = nullptr;
  mutable std::mutex mutex_;
  std::deque<std::string> issued_;
};

}  // namespace amigo::detail

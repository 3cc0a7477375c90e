#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace amigo::testing {

/// How to start an Emulator; the defaults serve the built-in seed on a free loopback port.
struct EmulatorOptions {
  /// A seed file to load; empty (with an empty seed_json) means the built-in default seed.
  std::string seed_path;
  /// A seed document's text; wins over seed_path when set.
  std::string seed_json;
  std::chrono::seconds token_ttl{3600};
  bool rate_limits = true;
  /// A minute of rate limiting lasts 60 / time_scale seconds.
  double time_scale = 1.0;
  bool maintenance = false;
  /// Serve HTTPS with this PEM certificate and key.
  std::string tls_cert_path, tls_key_path;
  std::string bind = "127.0.0.1";
  /// 0 picks a free port.
  int port = 0;
};

/// What an injected fault does to the requests it catches.
enum class FaultAction {
  status,          ///< answer `status` (with `retry_after` and `body` if set); nothing is applied
  delay,           ///< wait `delay` and then answer normally
  close_before,    ///< close the connection without applying the request or answering
  close_after,     ///< apply the request, then close the connection without answering
  truncated_body,  ///< apply the request, then answer with the JSON body cut in half
  html_body,       ///< answer `status` (default 502) with an HTML page; nothing is applied
};

/// One injected fault: the next `count` requests matching `method` and `path` get `action`.
struct Fault {
  /// An HTTP method, or empty for any.
  std::string method;
  /// The request path, exact, or a prefix when it ends in '*'; compared with the path as sent
  /// (percent-encoded) and as decoded.
  std::string path;
  FaultAction action = FaultAction::status;
  /// How many matching requests to catch; -1 for all until clear_faults().
  int count = 1;
  /// The status of `status` and `html_body` answers; 0 means 503 and 502 respectively.
  int status = 0;
  /// The Retry-After header of `status` and `html_body` answers: seconds or an HTTP date.
  std::optional<std::string> retry_after;
  /// The body of `status` (default `{"detail": ...}`) or `html_body` answers.
  std::optional<std::string> body;
  std::chrono::milliseconds delay{0};
};

/// Totals since the emulator started or was last reset.
struct EmulatorCounters {
  /// Requests per operation: sign_in, invite_user, list_users, update_user, delete_user,
  /// plus admin and other.
  std::map<std::string, std::uint64_t> requests;
  /// Successful sign-ins.
  std::uint64_t sign_ins = 0;
  /// TCP connections accepted.
  std::uint64_t tcp_connections = 0;

  /// requests[name], or 0.
  std::uint64_t requests_of(const std::string& name) const;
};

/// A local Amigo user API for tests: starts an amigo-emulator server on a background thread and
/// stops it when destroyed.
///
/// ```
/// amigo::testing::Emulator emulator;
/// options.base_url = emulator.base_url();
/// options.organization_id = emulator.organization_id();
/// options.auth = amigo::ApiKeyAuth{emulator.api_key(), emulator.api_key_id(), emulator.user_id()};
/// ```
class Emulator {
 public:
  /// Starts serving and returns once the server accepts connections.
  /// Throws std::invalid_argument for a bad seed or option, std::runtime_error when the port
  /// or the TLS files cannot be used.
  explicit Emulator(const EmulatorOptions& options = {});
  ~Emulator();

  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// `http://127.0.0.1:PORT` (https with TLS), without a trailing slash.
  const std::string& base_url() const;
  int port() const;

  /// The organization, key, key id and user of the seed's first API key.
  const std::string& organization_id() const;
  const std::string& api_key() const;
  const std::string& api_key_id() const;
  const std::string& user_id() const;

  /// Back to the loaded seed; faults, conflicts, counters and rate windows are cleared.
  void reset();
  /// Replaces the state with a seed document (JSON text); later resets return to it.
  void load_seed(const std::string& seed_json);
  void add_fault(const Fault& fault);
  void clear_faults();
  /// While on, every /v1 request answers 503.
  void set_maintenance(bool enabled);
  /// While on, updates and deletes of `user_id`, and invites of its email, answer 409.
  void set_conflict(const std::string& user_id, bool enabled);
  /// Adds `count` synthetic users with role DefaultUserRole to `organization_id`.
  void generate_users(const std::string& organization_id, std::size_t count);
  EmulatorCounters counters() const;
  /// Every organization, user (with verification state) and API key, as a seed document.
  std::string state_json() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace amigo::testing

#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "faults.hpp"
#include "model.hpp"
#include "rate_limiter.hpp"
#include "request_journal.hpp"
#include "store.hpp"
#include "token_signer.hpp"

namespace amigo::emulator {

/// How an emulator is started (the command-line flags and amigo::testing::EmulatorOptions).
struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 0;
  // The seed document's text; empty means the default seed built into the library.
  std::string seed_json;
  std::chrono::seconds token_ttl{3600};
  bool rate_limits = true;
  double time_scale = 1.0;
  bool maintenance = false;
  std::string tls_cert_path;
  std::string tls_key_path;
};

/// The emulated service's state and the switches of the admin API, independent of HTTP.
class Service {
 public:
  /// Loads the seed of `options`; throws std::invalid_argument when it is not valid.
  explicit Service(const ServerOptions& options);

  Store& store() { return store_; }
  const TokenSigner& signer() const { return signer_; }
  RateLimiter& limiter() { return limiter_; }
  FaultTable& faults() { return faults_; }
  RequestJournal& journal() { return journal_; }
  const ServerOptions& options() const { return options_; }

  bool maintenance() const { return maintenance_; }
  void set_maintenance(bool enabled) { maintenance_ = enabled; }

  /// Back to the last loaded seed, without faults, conflicts, counters or rate windows.
  void reset();

  /// Replaces the state with `seed` (which later resets return to); throws
  /// std::invalid_argument when it is not valid, leaving the state as it was.
  void load_seed(const nlohmann::json& seed);

  /// The whole state as a seed document, with conflicts and the maintenance switch.
  nlohmann::json state() const;

  /// The seed's first API key, which clients use by default.
  ApiKey first_api_key() const;

 private:
  const ServerOptions options_;
  Store store_;
  TokenSigner signer_;
  RateLimiter limiter_;
  FaultTable faults_;
  RequestJournal journal_;
  std::atomic<bool> maintenance_;
  mutable std::mutex seed_mutex_;
  nlohmann::json seed_;
};

/// The seed the library carries, from emulator/seeds/default.json.
const char* default_seed_json();

}  // namespace amigo::emulator

#pragma once

// amigo-emulator as a separate process, and its admin API: a benchmark that
// measures the client's memory must not count the emulator's store in it.

#include <string>
#include <vector>

#include "child_process.hpp"

namespace amigo_bench {

/// The built-in seed's organization and API key (docs/testing-with-the-emulator.md).
inline constexpr const char* kSeedOrganization = "demo-org";
inline constexpr const char* kSeedApiKey = "demo-secret-key-0123456789";
inline constexpr const char* kSeedApiKeyId = "demo-key-id";
inline constexpr const char* kSeedUserId = "admin-user";

class EmulatorProcess {
 public:
  /// Starts `program` with `arguments` on a free port and returns once it listens.
  EmulatorProcess(const std::string& program, const std::vector<std::string>& arguments);
  /// Stops it with SIGTERM and waits for it.
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  /// "http://127.0.0.1:PORT".
  [[nodiscard]] const std::string& base_url() const { return base_url_; }

  /// An admin call, "/_emulator/..."; returns the answer's body.
  /// @throws std::runtime_error unless the answer is a 2xx.
  std::string admin(const std::string& method, const std::string& path,
                    const std::string& json_body = {}) const;

 private:
  Child child_;
  std::string base_url_;
};

}  // namespace amigo_bench

#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace amigo::emulator {

enum class FaultAction { status, delay, close_before, close_after, truncated_body, html_body };

/// One injected failure: which requests it catches, how many times, and what happens to them.
struct Fault {
  std::string method;  // empty matches every method
  std::string path;    // exact path, or a prefix when it ends in '*'
  int remaining = 1;   // matches left; -1 for every match until cleared
  FaultAction action = FaultAction::status;
  int status = 503;
  std::optional<std::string> retry_after;
  std::optional<std::string> body;
  int delay_ms = 0;

  bool matches(const std::string& request_method, const std::string& raw_path,
               const std::string& decoded_path) const;
};

/// Reads the fault JSON of `POST /_emulator/faults` (format in emulator/README.md).
/// Throws std::invalid_argument for anything malformed.
Fault parse_fault(const nlohmann::json& value);

nlohmann::json fault_json(const Fault& fault);

/// The faults waiting to be triggered; the first registered matching fault wins.
class FaultTable {
 public:
  void add(Fault fault);
  void clear();

  /// The fault this request triggers, if any, counting the match.
  std::optional<Fault> take(const std::string& method, const std::string& raw_path,
                            const std::string& decoded_path);

  nlohmann::json to_json() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Fault> faults_;
};

}  // namespace amigo::emulator

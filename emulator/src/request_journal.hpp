#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace amigo::emulator {

/// What the request log keeps of one request: never header values, which may be secrets, except
/// the Mongo cluster name.
struct RequestRecord {
  std::string operation;
  std::string method;
  std::string path;
  std::string query;
  std::vector<std::string> header_names;
  std::optional<std::string> mongo_cluster_name;
  int status = 0;
};

/// Totals since the last reset.
struct RequestTotals {
  std::map<std::string, std::uint64_t> requests;
  std::uint64_t sign_ins = 0;
  std::uint64_t tcp_connections = 0;
};

/// Counts requests per operation, sign-ins and accepted connections, and keeps the last
/// requests for `GET /_emulator/counters`.
class RequestJournal {
 public:
  static constexpr std::size_t kKeptRequests = 100;

  void count_connection() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void count_sign_in() { sign_ins_.fetch_add(1, std::memory_order_relaxed); }
  void record(RequestRecord record);
  void clear();

  RequestTotals totals() const;
  nlohmann::json to_json() const;

 private:
  std::atomic<std::uint64_t> connections_{0};
  std::atomic<std::uint64_t> sign_ins_{0};
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;
  std::deque<RequestRecord> recent_;
};

}  // namespace amigo::emulator

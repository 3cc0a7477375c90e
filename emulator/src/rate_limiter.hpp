#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace amigo::emulator {

/// The five operations, each with its own documented limit.
enum class Operation { sign_in, invite_user, list_users, update_user, delete_user };

/// The documented requests per minute of `operation`.
int requests_per_minute(Operation operation);

/// The stable name of `operation`, as counters and the request log show it.
const char* operation_name(Operation operation);

/// Where a caller stands in their current window, and whether this request may proceed.
struct RateDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;
  // Seconds (of real time) until the window resets.
  double reset_seconds = 0;
};

/// Fixed windows per (caller, operation). A window opens at the caller's first request and
/// lasts a minute divided by the time scale.
class RateLimiter {
 public:
  RateLimiter(double time_scale, bool enforce);

  /// Counts one request of `caller` against `operation`.
  RateDecision consume(const std::string& caller, Operation operation);

  /// The standing of `caller` without counting a request (for answers that were never charged).
  RateDecision peek(const std::string& caller, Operation operation);

  /// False when limits are off: requests are counted but never refused.
  bool enforced() const { return enforce_; }

  /// Forgets every window.
  void clear();

  /// A duration as the headers carry it: whole seconds rounded up when time runs normally,
  /// else seconds with up to three decimals, rounded up; never below `minimum`.
  std::string format_seconds(double seconds, double minimum) const;

 private:
  struct Window {
    std::chrono::steady_clock::time_point start;
    int used = 0;
  };

  RateDecision decide(const std::string& caller, Operation operation, bool charge);

  const std::chrono::duration<double> window_length_;
  const double time_scale_;
  const bool enforce_;
  std::mutex mutex_;
  std::map<std::pair<std::string, Operation>, Window> windows_;
};

}  // namespace amigo::emulator

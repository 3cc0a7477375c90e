#include "rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace amigo::emulator {

int requests_per_minute(Operation operation) {
  switch (operation) {
    case Operation::sign_in:
      return 5;
    case Operation::invite_user:
      return 50;
    case Operation::list_users:
      return 60;
    case Operation::update_user:
      return 50;
    case Operation::delete_user:
      return 500;
  }
  return 0;
}

const char* operation_name(Operation operation) {
  switch (operation) {
    case Operation::sign_in:
      return "sign_in";
    case Operation::invite_user:
      return "invite_user";
    case Operation::list_users:
      return "list_users";
    case Operation::update_user:
      return "update_user";
    case Operation::delete_user:
      return "delete_user";
  }
  return "unknown";
}

RateLimiter::RateLimiter(double time_scale, bool enforce)
    : window_length_(60.0 / time_scale), time_scale_(time_scale), enforce_(enforce) {}

RateDecision RateLimiter::consume(const std::string& caller, Operation operation) {
  return decide(caller, operation, true);
}

RateDecision RateLimiter::peek(const std::string& caller, Operation operation) {
  return decide(caller, operation, false);
}

RateDecision RateLimiter::decide(const std::string& caller, Operation operation, bool charge) {
  const auto now = std::chrono::steady_clock::now();
  const int limit = requests_per_minute(operation);
  std::lock_guard lock(mutex_);

  const auto key = std::make_pair(caller, operation);
  auto found = windows_.find(key);
  if (found != windows_.end() && now - found->second.start >= window_length_) {
    windows_.erase(found);
    found = windows_.end();
  }
  if (found == windows_.end()) {
    if (!charge) return RateDecision{true, limit, limit, window_length_.count()};
    found = windows_.emplace(key, Window{now, 0}).first;
  }

  Window& window = found->second;
  RateDecision decision;
  decision.limit = limit;
  decision.reset_seconds =
      std::chrono::duration<double>(window.start + window_length_ - now).count();
  if (charge && window.used < limit) {
    ++window.used;
  } else if (charge) {
    decision.allowed = !enforce_;
  }
  decision.remaining = limit - window.used;
  return decision;
}

void RateLimiter::clear() {
  std::lock_guard lock(mutex_);
  windows_.clear();
}

std::string RateLimiter::format_seconds(double seconds, double minimum) const {
  if (time_scale_ == 1.0) {
    const double whole = std::max(std::ceil(seconds - 1e-9), minimum);
    return std::to_string(static_cast<long long>(whole));
  }
  const double millis = std::max(std::ceil(seconds * 1000.0 - 1e-6), minimum * 1000.0);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", millis / 1000.0);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace amigo::emulator

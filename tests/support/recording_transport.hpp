#pragma once

// Test doubles for unit tests: a transport that records every request and
// answers from a script, and a clock whose sleeps return at once.

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "amigo/options.hpp"
#include "amigo/transport.hpp"

namespace amigo::test {

inline HttpResponse json_response(int status, std::string body,
                                  std::vector<HttpHeader> headers = {}) {
  headers.push_back({"Content-Type", "application/json"});
  return HttpResponse{status, std::move(headers), std::move(body)};
}

/// Records requests; answers each with the next scripted reply (a response,
/// or a function that may throw a TransportError or inspect the request).
class RecordingTransport : public HttpTransport {
 public:
  using Reply = std::function<HttpResponse(const HttpRequest&)>;

  void push(HttpResponse response) {
    std::lock_guard lock(mutex_);
    replies_.push_back([response = std::move(response)](const HttpRequest&) { return response; });
  }
  void push(Reply reply) {
    std::lock_guard lock(mutex_);
    replies_.push_back(std::move(reply));
  }
  /// Used when the script has run out; by default a failing test.
  void set_fallback(Reply reply) {
    std::lock_guard lock(mutex_);
    fallback_ = std::move(reply);
  }

  HttpResponse send(const HttpRequest& request) override {
    Reply reply;
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request);
      if (!replies_.empty()) {
        reply = std::move(replies_.front());
        replies_.pop_front();
      } else {
        reply = fallback_;
      }
    }
    if (!reply) throw std::logic_error("RecordingTransport: no reply scripted for " + request.url);
    return reply(request);
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  std::size_t request_count() const {
    std::lock_guard lock(mutex_);
    return requests_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<Reply> replies_;
  Reply fallback_;
  std::vector<HttpRequest> requests_;
};

/// Finds a request header by name, case-insensitively; empty when absent.
inline std::string header_of(const HttpRequest& request, std::string_view name) {
  for (const auto& header : request.headers) {
    if (header.name.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(header.name[i])) !=
          std::tolower(static_cast<unsigned char>(name[i]))) {
        same = false;
        break;
      }
    }
    if (same) return header.value;
  }
  return {};
}

/// A clock that starts at a fixed time and advances only when slept on.
class FakeClock : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start =
                         std::chrono::system_clock::time_point{std::chrono::seconds{1'800'000'000}})
      : now_(start) {}

  std::chrono::system_clock::time_point now() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void sleep_for(std::chrono::milliseconds duration) override {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(duration);
    now_ += duration;
  }
  void advance(std::chrono::milliseconds duration) {
    std::lock_guard lock(mutex_);
    now_ += duration;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace amigo::test

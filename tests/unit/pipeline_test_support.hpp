#pragma once

// Shared by the pipeline's unit tests: options wired to a RecordingTransport
// and a FakeClock, a log sink that keeps its lines, and a sign-in answer.

#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "amigo/options.hpp"
#include "client_core.hpp"
#include "support/recording_transport.hpp"

namespace amigo::pipeline_test {

inline constexpr char kBaseUrl[] = "https://api.example.test";
inline constexpr char kApiKey[] = "sk-SECRET-4f9a2c7e";
inline constexpr char kApiKeyId[] = "key-id-1";
inline constexpr char kUserId[] = "user-1";
// A well-formed HS256 JWT; its signature segment is what a leak would expose.
inline constexpr char kJwt[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJvcmciOiJhY21lIn0."
    "c2lnbmF0dXJlLW9mLXRoZS1zZWNyZXQtdG9rZW4";
inline constexpr char kSecondJwt[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJuIjoyfQ."
    "YW5vdGhlci1zaWduYXR1cmUtc2VjcmV0";

/// Collects every log line, from any thread.
class LogCapture {
 public:
  LogSink sink() {
    return [this](LogLevel level, std::string_view line) {
      std::lock_guard lock(mutex_);
      lines_.push_back({level, std::string(line)});
    };
  }
  struct Line {
    LogLevel level;
    std::string text;
  };
  std::vector<Line> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  std::vector<std::string> texts(LogLevel level) const {
    std::vector<std::string> out;
    for (const auto& line : lines()) {
      if (line.level == level) out.push_back(line.text);
    }
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Line> lines_;
};

struct Harness {
  std::shared_ptr<test::RecordingTransport> transport =
      std::make_shared<test::RecordingTransport>();
  std::shared_ptr<test::FakeClock> clock = std::make_shared<test::FakeClock>();
  LogCapture logs;

  /// Organization "acme" at kBaseUrl, Bearer kJwt, every log line captured.
  ClientOptions options() {
    ClientOptions options;
    options.organization_id = "acme";
    options.base_url = kBaseUrl;
    options.auth = BearerAuth{kJwt, std::nullopt};
    options.transport = transport;
    options.clock = clock;
    options.log_sink = logs.sink();
    options.log_level = LogLevel::debug;
    return options;
  }

  ClientOptions api_key_options() {
    ClientOptions with_key = options();
    with_key.auth = ApiKeyAuth{kApiKey, kApiKeyId, kUserId};
    return with_key;
  }
};

inline detail::ApiCall list_call(std::string query = {}) {
  return {Operation::list_users, HttpMethod::get, "/v1/acme/user/", std::move(query), {}};
}

inline detail::ApiCall invite_call() {
  return {Operation::invite_user,
          HttpMethod::post,
          "/v1/acme/user/",
          {},
          R"({"email":"ada@example.com"})"};
}

inline detail::ApiCall update_call() {
  return {
      Operation::update_user, HttpMethod::post, "/v1/acme/user/u1", {}, R"({"first_name":"A"})"};
}

/// The FakeClock's start plus `seconds`, as RFC 3339 (the clock starts at 2027-01-15T08:00:00Z).
inline std::string fake_clock_time(long long seconds) {
  std::time_t when = 1'800'000'000 + seconds;
  std::tm parts{};
  gmtime_r(&when, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

/// A 200 sign-in answer whose token expires `seconds` after the FakeClock's start.
inline HttpResponse sign_in_answer(const std::string& token, long long expires_in_seconds) {
  return test::json_response(200, R"({"id_token":")" + token + R"(","expires_at":")" +
                                      fake_clock_time(expires_in_seconds) + R"("})");
}

inline bool is_sign_in(const HttpRequest& request) {
  return request.url.find("/signin_with_api_key") != std::string::npos;
}

}  // namespace amigo::pipeline_test

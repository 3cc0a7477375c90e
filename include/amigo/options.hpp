#pragma once

/// @file
/// amigo::ClientOptions: everything a client is built from.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "amigo/auth.hpp"
#include "amigo/export.hpp"
#include "amigo/rate_limit.hpp"
#include "amigo/transport.hpp"

namespace amigo {

/// The servers listed by the API description.
namespace servers {
inline constexpr std::string_view kDefault = "https://api.amigo.ai";
inline constexpr std::string_view kInternal = "https://internal-api.amigo.ai";
inline constexpr std::string_view kEuCentral1 = "https://api-eu-central-1.amigo.ai";
inline constexpr std::string_view kApSoutheast2 = "https://api-ap-southeast-2.amigo.ai";
inline constexpr std::string_view kCaCentral1 = "https://api-ca-central-1.amigo.ai";
}  // namespace servers

enum class LogLevel { debug, info, warning, error, off };

/// Receives the client's log lines. Secrets are already redacted.
using LogSink = std::function<void(LogLevel level, std::string_view message)>;

/// Called after every answer with its rate-limit headers.
using RateLimitCallback = std::function<void(const RateLimitInfo& info)>;

/// Time as the client sees it; replace it in tests to make retries instant.
class AMIGO_API Clock {
 public:
  virtual ~Clock();
  [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

/// When and how often a failed request is tried again.
///
/// 429 and 503 are retried for every operation, waiting as long as the
/// server's Retry-After says (at most max_retry_after). Transport failures are
/// retried for list, update and delete; an invite is re-sent only when it
/// certainly never left. Without Retry-After the wait is exponential backoff
/// with full jitter: a random time up to min(max_backoff, initial_backoff * 2^n).
struct RetryOptions {
  int max_attempts = 4;  ///< attempts in all, the first included; 1 turns retries off
  std::chrono::milliseconds initial_backoff{250};
  std::chrono::milliseconds max_backoff{20'000};
  std::chrono::milliseconds max_retry_after{60'000};

  /// One attempt, no retries.
  static RetryOptions none() {
    RetryOptions options;
    options.max_attempts = 1;
    return options;
  }
};

/// Everything an AmigoClient is built from. Plain data with sensible defaults.
struct AMIGO_API ClientOptions {
  /// The organization whose users are managed: the `{organization}` of every path.
  std::string organization_id;
  /// Scheme, host and optional port; see amigo::servers. Plain http:// is
  /// refused unless the host is a loopback address or allow_insecure_http is set.
  std::string base_url{servers::kDefault};
  Auth auth;
  std::chrono::milliseconds connect_timeout{10'000};
  /// The whole exchange, per attempt.
  std::chrono::milliseconds request_timeout{60'000};
  RetryOptions retry;
  /// Sent as x-mongo-cluster-name; rarely needed.
  std::optional<std::string> mongo_cluster_name;
  /// Appended to the User-Agent, e.g. "my-app/2.1".
  std::string user_agent_suffix;
  LogSink log_sink;
  LogLevel log_level = LogLevel::info;
  RateLimitCallback on_rate_limit;
  /// A PEM bundle of CAs to trust instead of the system's.
  std::string ca_bundle_path;
  bool allow_insecure_http = false;
  /// Replaces the libcurl transport when set.
  std::shared_ptr<HttpTransport> transport;
  /// Replaces the system clock when set.
  std::shared_ptr<Clock> clock;

  /// Options from AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID,
  /// AMIGO_ORGANIZATION_ID and (optional) AMIGO_BASE_URL.
  /// @throws ConfigurationError naming the variable that is missing or malformed.
  static ClientOptions from_env();
};

}  // namespace amigo

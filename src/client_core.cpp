#include "client_core.hpp"

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <random>
#include <utility>
#include <variant>

#include "amigo/errors.hpp"
#include "amigo/version.hpp"
#include "auth_providers.hpp"
#include "curl_transport.hpp"
#include "error_mapping.hpp"
#include "logger.hpp"
#include "options_validation.hpp"
#include "rate_limit_headers.hpp"
#include "redaction.hpp"
#include "request_encoding.hpp"
#include "retry.hpp"
#include "system_clock.hpp"

namespace amigo::detail {
namespace {

using std::chrono::milliseconds;

std::string user_agent(const std::string& suffix) {
  std::string agent = std::string("amigo-cpp/") + AMIGO_VERSION_STRING + " (libcurl/" +
                      curl_version_info(CURLVERSION_NOW)->version + ")";
  if (!suffix.empty()) agent += " " + suffix;
  return agent;
}

std::vector<std::string> secrets_of(const Auth& auth) {
  if (const auto* key = std::get_if<ApiKeyAuth>(&auth)) return {key->api_key};
  if (const auto* bearer = std::get_if<BearerAuth>(&auth)) return {bearer->token};
  if (const auto* basic = std::get_if<BasicAuth>(&auth)) {
    std::string user = basic->organization_id + "_" + basic->user_id;
    return {basic->token, base64_encode(user + ":" + basic->token)};
  }
  return {};
}

void require_no_line_breaks(const std::vector<HttpHeader>& headers) {
  for (const auto& header : headers) {
    if (header.name.find_first_of("\r\n:") != std::string::npos) {
      throw InvalidArgumentError("a header name contains CR, LF or ':'; nothing was sent");
    }
    if (header.value.find_first_of("\r\n") != std::string::npos) {
      throw InvalidArgumentError("the value of header '" + header.name +
                                 "' contains a line break (CR or LF); nothing was sent");
    }
  }
}

}  // namespace

struct ClientCore::State {
  ClientOptions options;
  std::string url_prefix;
  std::string users_path;
  std::vector<HttpHeader> common_headers;
  std::shared_ptr<HttpTransport> transport;
  std::shared_ptr<Clock> clock;
  std::shared_ptr<Redactor> redactor;
  std::shared_ptr<const Logger> logger;
  std::shared_ptr<AuthProvider> auth;
  std::mutex random_mutex;
  std::mt19937_64 random{std::random_device{}()};

  explicit State(ClientOptions client_options);
  std::shared_ptr<AuthProvider> make_auth_provider();
  HttpRequest build_request(const ApiCall& call, const std::vector<HttpHeader>& call_headers) const;
  HttpResponse send(const ApiCall& call, const std::vector<HttpHeader>& call_headers,
                    AuthProvider* provider);
  milliseconds backoff(int retry);
  void report_rate_limit(const std::optional<RateLimitInfo>& rate_limit) const;
};

ClientCore::State::State(ClientOptions client_options) : options(std::move(client_options)) {
  BaseUrl base_url = validate_client_options(options);
  url_prefix = base_url.prefix();
  users_path = "/v1/" + percent_encode(options.organization_id) + "/user/";

  common_headers.push_back({"Accept", "application/json"});
  common_headers.push_back({"User-Agent", user_agent(options.user_agent_suffix)});
  if (options.mongo_cluster_name) {
    common_headers.push_back({"x-mongo-cluster-name", *options.mongo_cluster_name});
  }

  clock = options.clock ? options.clock : std::make_shared<SystemClock>();
  redactor = std::make_shared<Redactor>(secrets_of(options.auth));
  logger = std::make_shared<const Logger>(options.log_sink, options.log_level, redactor);
  transport = options.transport ? options.transport
                                : std::make_shared<CurlTransport>(CurlTransport::Settings{
                                      options.connect_timeout, options.ca_bundle_path});
  auth = make_auth_provider();
}

std::shared_ptr<AuthProvider> ClientCore::State::make_auth_provider() {
  if (const auto* key = std::get_if<ApiKeyAuth>(&options.auth)) {
    SignInSender send = [this](const ApiCall& call, const std::vector<HttpHeader>& headers) {
      return this->send(call, headers, nullptr);
    };
    return std::make_shared<ApiKeyAuthProvider>(*key, users_path + "signin_with_api_key",
                                                std::move(send), clock, logger, redactor);
  }
  if (const auto* bearer = std::get_if<BearerAuth>(&options.auth)) {
    return std::make_shared<BearerAuthProvider>(*bearer);
  }
  if (const auto* basic = std::get_if<BasicAuth>(&options.auth)) {
    return std::make_shared<BasicAuthProvider>(*basic);
  }
  return std::get<std::shared_ptr<AuthProvider>>(options.auth);
}

HttpRequest ClientCore::State::build_request(const ApiCall& call,
                                             const std::vector<HttpHeader>& call_headers) const {
  HttpRequest request;
  request.method = call.method;
  request.url = url_prefix + call.path;
  if (!call.query.empty()) request.url += "?" + call.query;
  request.headers = common_headers;
  if (!call.body.empty()) request.headers.push_back({"Content-Type", "application/json"});
  request.headers.insert(request.headers.end(), call_headers.begin(), call_headers.end());
  request.body = call.body;
  request.timeout = options.request_timeout;
  return request;
}

milliseconds ClientCore::State::backoff(int retry) {
  std::lock_guard lock(random_mutex);
  return backoff_delay(options.retry, retry, std::uniform_real_distribution<double>(0, 1)(random));
}

void ClientCore::State::report_rate_limit(const std::optional<RateLimitInfo>& rate_limit) const {
  // A callback that throws aborts the call: its exception reaches the caller
  // as is, even though the server has answered.
  if (rate_limit && options.on_rate_limit) options.on_rate_limit(*rate_limit);
}

HttpResponse ClientCore::State::send(const ApiCall& call,
                                     const std::vector<HttpHeader>& call_headers,
                                     AuthProvider* provider) {
  HttpRequest request = build_request(call, call_headers);
  const std::size_t fixed_headers = request.headers.size();
  const int max_attempts = options.retry.max_attempts;
  const std::string_view operation = to_string(call.operation);
  bool reauthorized = false;

  for (int attempt = 1;; ++attempt) {
    request.headers.resize(fixed_headers);
    std::vector<HttpHeader> credentials;
    if (provider != nullptr) credentials = provider->authorization_headers();
    request.headers.insert(request.headers.end(), credentials.begin(), credentials.end());
    require_no_line_breaks(request.headers);

    auto started = std::chrono::steady_clock::now();
    HttpResponse response;
    try {
      response = transport->send(request);
    } catch (const TransportError& error) {
      bool retryable = may_retry_after_transport_failure(call.operation, error);
      if (retryable && attempt < max_attempts) {
        milliseconds wait = backoff(attempt);
        logger->log(LogLevel::info, "{} attempt {} of {} failed: {}; retrying in {} ms", operation,
                    attempt, max_attempts, error.what(), wait.count());
        clock->sleep_for(wait);
        continue;
      }
      if (retryable) {
        logger->log(LogLevel::warning, "{} gave up after {} attempts: {}", operation, attempt,
                    error.what());
      } else {
        logger->log(LogLevel::warning,
                    "{} failed and is not retried, as it may have reached the server: {}",
                    operation, error.what());
      }
      throw;
    }
    logger->log(LogLevel::debug, "{} {} -> {} in {} ms", to_string(call.method), call.path,
                response.status,
                std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started)
                    .count());

    std::optional<RateLimitInfo> rate_limit = read_rate_limit(call.operation, response);
    report_rate_limit(rate_limit);
    if (response.status >= 200 && response.status <= 299) return response;

    if (response.status == 401 && provider != nullptr && !reauthorized &&
        provider->refresh_after_unauthorized(credentials)) {
      reauthorized = true;
      --attempt;  // a second chance with fresh credentials is not a retry
      logger->log(LogLevel::info, "{} got HTTP 401; renewing credentials and sending it again",
                  operation);
      continue;
    }

    std::optional<milliseconds> retry_after;
    if (const std::string* header = response.find_header("Retry-After")) {
      retry_after = parse_retry_after(*header, clock->now(), options.retry.max_retry_after);
    }
    if (is_retryable_status(response.status)) {
      if (attempt < max_attempts) {
        milliseconds wait = retry_after ? *retry_after : backoff(attempt);
        logger->log(LogLevel::info, "{} attempt {} of {} got HTTP {}; retrying in {} ms", operation,
                    attempt, max_attempts, response.status, wait.count());
        clock->sleep_for(wait);
        continue;
      }
      if (max_attempts > 1) {
        logger->log(LogLevel::warning, "{} gave up after {} attempts: HTTP {}", operation, attempt,
                    response.status);
      }
    }
    throw_api_error(call.operation, response, *redactor, std::move(rate_limit), retry_after);
  }
}

ClientCore::ClientCore(ClientOptions options)
    : state_(std::make_unique<State>(std::move(options))) {}

ClientCore::~ClientCore() = default;

HttpResponse ClientCore::execute(const ApiCall& call) {
  return state_->send(call, {}, state_->auth.get());
}

const ClientOptions& ClientCore::options() const noexcept { return state_->options; }

const std::string& ClientCore::users_path() const noexcept { return state_->users_path; }

}  // namespace amigo::detail

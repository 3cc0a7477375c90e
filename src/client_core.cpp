#include "client_core.hpp"

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <optional>
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
                    AuthProvider* provider, const std::vector<std::string>& sensitive_values = {});
  // The answer, or nothing after a transport failure that is retried (the wait done);
  // `answer_lost` becomes true when that failed attempt may have been applied.
  std::optional<HttpResponse> try_send(const ApiCall& call, const HttpRequest& request, int attempt,
                                       bool& answer_lost);
  // Waits and returns true when `status` is retried and attempts remain.
  bool wait_before_retry(Operation operation, int status, std::optional<milliseconds> retry_after,
                         int attempt);
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

std::optional<HttpResponse> ClientCore::State::try_send(const ApiCall& call,
                                                        const HttpRequest& request, int attempt,
                                                        bool& answer_lost) {
  const int max_attempts = options.retry.max_attempts;
  auto started = std::chrono::steady_clock::now();
  try {
    HttpResponse response = transport->send(request);
    logger->log(LogLevel::debug, "{} {} -> {} in {} ms", to_string(call.method), call.path,
                response.status,
                std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started)
                    .count());
    return response;
  } catch (const TransportError& error) {
    const std::string_view operation = to_string(call.operation);
    if (!may_retry_after_transport_failure(call.operation, error)) {
      logger->log(LogLevel::warning,
                  "{} failed and is not retried, as it may have reached the server: {}", operation,
                  error.what());
      throw;
    }
    if (attempt >= max_attempts) {
      if (max_attempts > 1) {
        logger->log(LogLevel::warning, "{} gave up after {} attempts: {}", operation, attempt,
                    error.what());
      }
      throw;
    }
    milliseconds wait = backoff(attempt);
    logger->log(LogLevel::info, "{} attempt {} of {} failed: {}; retrying in {} ms", operation,
                attempt, max_attempts, error.what(), wait.count());
    clock->sleep_for(wait);
    answer_lost = answer_lost || error.request_may_have_been_sent();
    return std::nullopt;
  }
}

bool ClientCore::State::wait_before_retry(Operation operation, int status,
                                          std::optional<milliseconds> retry_after, int attempt) {
  if (!is_retryable_status(status)) return false;
  const int max_attempts = options.retry.max_attempts;
  if (attempt >= max_attempts) {
    if (max_attempts > 1) {
      logger->log(LogLevel::warning, "{} gave up after {} attempts: HTTP {}", to_string(operation),
                  attempt, status);
    }
    return false;
  }
  milliseconds wait = retry_after ? *retry_after : backoff(attempt);
  logger->log(LogLevel::info, "{} attempt {} of {} got HTTP {}; retrying in {} ms",
              to_string(operation), attempt, max_attempts, status, wait.count());
  clock->sleep_for(wait);
  return true;
}

HttpResponse ClientCore::State::send(const ApiCall& call,
                                     const std::vector<HttpHeader>& call_headers,
                                     AuthProvider* provider,
                                     const std::vector<std::string>& sensitive_values) {
  HttpRequest request = build_request(call, call_headers);
  const std::size_t fixed_headers = request.headers.size();
  bool reauthorized = false;
  bool answer_lost = false;

  for (int attempt = 1;; ++attempt) {
    request.headers.resize(fixed_headers);
    std::vector<HttpHeader> credentials;
    if (provider != nullptr) credentials = provider->authorization_headers();
    request.headers.insert(request.headers.end(), credentials.begin(), credentials.end());
    require_no_line_breaks(request.headers);

    std::optional<HttpResponse> answer = try_send(call, request, attempt, answer_lost);
    if (!answer) continue;
    const HttpResponse& response = *answer;
    std::optional<RateLimitInfo> rate_limit = read_rate_limit(call.operation, response);
    report_rate_limit(rate_limit);
    if (response.status >= 200 && response.status <= 299) return std::move(*answer);
    if (response.status == 404 && answer_lost && call.not_found_after_lost_answer_is_success) {
      logger->log(LogLevel::info,
                  "{} attempt {} got HTTP 404 after an earlier attempt's answer was lost: it was "
                  "already gone, removed by that attempt, so the call succeeded",
                  to_string(call.operation), attempt);
      return std::move(*answer);
    }

    if (response.status == 401 && provider != nullptr && !reauthorized &&
        provider->refresh_after_unauthorized(credentials)) {
      reauthorized = true;
      --attempt;  // a second chance with fresh credentials is not a retry
      logger->log(LogLevel::info, "{} got HTTP 401; renewing credentials and sending it again",
                  to_string(call.operation));
      continue;
    }

    std::optional<milliseconds> retry_after;
    if (const std::string* header = response.find_header("Retry-After")) {
      retry_after = parse_retry_after(*header, clock->now(), options.retry.max_retry_after);
    }
    if (wait_before_retry(call.operation, response.status, retry_after, attempt)) continue;
    if (sensitive_values.empty()) {
      throw_api_error(call.operation, response, *redactor, rate_limit, retry_after);
    }
    const Redactor with_values(*redactor, sensitive_values);
    throw_api_error(call.operation, response, with_values, rate_limit, retry_after);
  }
}

ClientCore::ClientCore(ClientOptions options)
    : state_(std::make_unique<State>(std::move(options))) {}

ClientCore::~ClientCore() = default;

HttpResponse ClientCore::execute(const ApiCall& call,
                                 const std::vector<std::string>& sensitive_values) {
  return state_->send(call, {}, state_->auth.get(), sensitive_values);
}

const ClientOptions& ClientCore::options() const noexcept { return state_->options; }

const std::string& ClientCore::users_path() const noexcept { return state_->users_path; }

}  // namespace amigo::detail

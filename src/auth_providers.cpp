#include "auth_providers.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include <nlohmann/json.hpp>

#include "amigo/errors.hpp"
#include "rfc3339.hpp"

namespace amigo::detail {
namespace {

using std::chrono::system_clock;

constexpr auto kRenewBeforeExpiry = std::chrono::minutes{5};
constexpr std::size_t kMaxEchoedValueLength = 64;

[[noreturn]] void fail_decode(const HttpResponse& response, std::string field,
                              const std::string& why) {
  throw DecodeError(Operation::sign_in_with_api_key, response.status, std::move(field), why);
}

std::string string_field(const HttpResponse& response, const nlohmann::json& body,
                         const char* name) {
  auto it = body.find(name);
  if (it == body.end()) fail_decode(response, name, "the field is missing");
  if (!it->is_string()) {
    fail_decode(response, name, std::string("expected a string, got ") + it->type_name());
  }
  return it->get<std::string>();
}

const std::string* find_authorization(const std::vector<HttpHeader>& headers) {
  constexpr std::string_view kName = "authorization";
  for (const auto& header : headers) {
    bool same = header.name.size() == kName.size() &&
                std::equal(kName.begin(), kName.end(), header.name.begin(), [](char a, char b) {
                  return a == std::tolower(static_cast<unsigned char>(b));
                });
    if (same) return &header.value;
  }
  return nullptr;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    auto group = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 0x3F];
    out += kAlphabet[(group >> 12) & 0x3F];
    out += kAlphabet[(group >> 6) & 0x3F];
    out += kAlphabet[group & 0x3F];
  }
  if (std::size_t left = bytes.size() - i; left > 0) {
    auto group = static_cast<unsigned char>(bytes[i]) << 16;
    if (left == 2) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(group >> 18) & 0x3F];
    out += kAlphabet[(group >> 12) & 0x3F];
    out += left == 2 ? kAlphabet[(group >> 6) & 0x3F] : '=';
    out += '=';
  }
  return out;
}

BearerAuthProvider::BearerAuthProvider(BearerAuth credentials) {
  headers_.push_back({"Authorization", "Bearer " + credentials.token});
  if (credentials.issuing_organization_id) {
    headers_.push_back({"X-ORG-ID", *credentials.issuing_organization_id});
  }
}

std::vector<HttpHeader> BearerAuthProvider::authorization_headers() { return headers_; }

BasicAuthProvider::BasicAuthProvider(const BasicAuth& credentials) {
  std::string user = credentials.organization_id + "_" + credentials.user_id;
  headers_.push_back({"Authorization", "Basic " + base64_encode(user + ":" + credentials.token)});
}

std::vector<HttpHeader> BasicAuthProvider::authorization_headers() { return headers_; }

IssuedToken decode_sign_in_response(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) fail_decode(response, "", "the body is not JSON");
  if (!body.is_object()) {
    fail_decode(response, "", std::string("expected a JSON object, got ") + body.type_name());
  }

  IssuedToken token;
  token.id_token = string_field(response, body, "id_token");
  if (token.id_token.empty()) fail_decode(response, "id_token", "the token is empty");
  bool printable = std::all_of(token.id_token.begin(), token.id_token.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte != 0x7F;
  });
  if (!printable)
    fail_decode(response, "id_token", "the token contains spaces or control characters");

  std::string expires_at = string_field(response, body, "expires_at");
  auto when = parse_rfc3339(expires_at);
  if (!when) {
    fail_decode(
        response, "expires_at",
        "'" + expires_at.substr(0, kMaxEchoedValueLength) + "' is not an RFC 3339 date-time");
  }
  token.expires_at = *when;
  return token;
}

system_clock::time_point renewal_time(system_clock::time_point issued,
                                      system_clock::time_point expires) {
  auto lifetime = expires - issued;
  if (lifetime >= kRenewBeforeExpiry) return expires - kRenewBeforeExpiry;
  // A token that lives less than five minutes (test environments issue such)
  // would otherwise be renewed before every call; renew it halfway instead.
  if (lifetime > system_clock::duration::zero()) return issued + lifetime / 2;
  return issued;
}

ApiKeyAuthProvider::ApiKeyAuthProvider(ApiKeyAuth credentials, std::string sign_in_path,
                                       SignInSender send, std::shared_ptr<Clock> clock,
                                       std::shared_ptr<const Logger> logger,
                                       std::shared_ptr<Redactor> redactor)
    : credentials_(std::move(credentials)),
      sign_in_path_(std::move(sign_in_path)),
      send_(std::move(send)),
      clock_(std::move(clock)),
      logger_(std::move(logger)),
      redactor_(std::move(redactor)) {}

std::vector<HttpHeader> ApiKeyAuthProvider::authorization_headers() {
  std::unique_lock lock(mutex_);
  for (;;) {
    auto now = clock_->now();
    if (token_ && now < token_->renew_at) return {{"Authorization", token_->authorization}};
    if (!signing_in_) break;
    // While another thread renews it, a token that has not expired still serves.
    if (token_ && now < token_->expires_at) return {{"Authorization", token_->authorization}};
    std::uint64_t round = rounds_finished_;
    signed_in_.wait(lock, [&] { return rounds_finished_ != round; });
    if (rounds_finished_ == round + 1 && last_round_failure_) {
      std::rethrow_exception(last_round_failure_);
    }
  }

  signing_in_ = true;
  lock.unlock();
  std::optional<CachedToken> fresh;
  std::exception_ptr failure;
  try {
    fresh = sign_in();
  } catch (...) {
    failure = std::current_exception();
  }

  lock.lock();
  signing_in_ = false;
  ++rounds_finished_;
  last_round_failure_ = failure;
  if (fresh) token_ = *fresh;
  std::optional<CachedToken> usable = token_;
  lock.unlock();
  signed_in_.notify_all();

  if (failure) {
    // A renewal that fails early leaves a token that still works; the next call tries again.
    if (usable && clock_->now() < usable->expires_at)
      return {{"Authorization", usable->authorization}};
    std::rethrow_exception(failure);
  }
  return {{"Authorization", fresh->authorization}};
}

bool ApiKeyAuthProvider::refresh_after_unauthorized(const std::vector<HttpHeader>& rejected) {
  const std::string* rejected_authorization = find_authorization(rejected);
  if (rejected_authorization == nullptr) return false;
  std::lock_guard lock(mutex_);
  if (token_ && token_->authorization == *rejected_authorization) token_.reset();
  return true;
}

ApiKeyAuthProvider::CachedToken ApiKeyAuthProvider::sign_in() {
  ApiCall call;
  call.operation = Operation::sign_in_with_api_key;
  call.method = HttpMethod::post;
  call.path = sign_in_path_;
  std::vector<HttpHeader> headers = {{"x-api-key", credentials_.api_key},
                                     {"x-api-key-id", credentials_.api_key_id},
                                     {"x-user-id", credentials_.user_id}};

  HttpResponse response = send_(call, headers);
  IssuedToken issued = decode_sign_in_response(response);
  redactor_->add_issued_secret(issued.id_token);

  auto now = clock_->now();
  auto renew_at = renewal_time(now, issued.expires_at);
  logger_->log(LogLevel::info, "signed in with an API key; the token expires at {}, renewal at {}",
               format_rfc3339(std::chrono::floor<std::chrono::seconds>(issued.expires_at)),
               format_rfc3339(std::chrono::floor<std::chrono::seconds>(renew_at)));
  return {"Bearer " + issued.id_token, renew_at, issued.expires_at};
}

}  // namespace amigo::detail

#pragma once

// The built-in AuthProviders: a JWT sent as Bearer or Basic, and an API key
// that signs in for a JWT, caches it and renews it.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amigo/auth.hpp"
#include "amigo/options.hpp"
#include "client_core.hpp"
#include "logger.hpp"
#include "redaction.hpp"

namespace amigo::detail {

std::string base64_encode(std::string_view bytes);

class BearerAuthProvider final : public AuthProvider {
 public:
  explicit BearerAuthProvider(BearerAuth credentials);
  std::vector<HttpHeader> authorization_headers() override;

 private:
  std::vector<HttpHeader> headers_;
};

class BasicAuthProvider final : public AuthProvider {
 public:
  explicit BasicAuthProvider(const BasicAuth& credentials);
  std::vector<HttpHeader> authorization_headers() override;

 private:
  std::vector<HttpHeader> headers_;
};

/// A token from sign-in.
struct IssuedToken {
  std::string id_token;
  std::chrono::system_clock::time_point expires_at;
};

/// Reads a 200 answer of sign_in_with_api_key: `{"id_token": str, "expires_at": RFC 3339}`.
/// @throws DecodeError naming the field that does not fit.
IssuedToken decode_sign_in_response(const HttpResponse& response);

/// When a token is renewed: five minutes before it expires, or halfway
/// through its life when it lives less than five minutes.
std::chrono::system_clock::time_point renewal_time(std::chrono::system_clock::time_point issued,
                                                   std::chrono::system_clock::time_point expires);

/// Sends the sign-in call through the client's pipeline (headers, retries,
/// error mapping, rate-limit reports) with `headers` and no credentials.
using SignInSender =
    std::function<HttpResponse(const ApiCall& call, const std::vector<HttpHeader>& headers)>;

class ApiKeyAuthProvider final : public AuthProvider {
 public:
  ApiKeyAuthProvider(ApiKeyAuth credentials, std::string sign_in_path, SignInSender send,
                     std::shared_ptr<Clock> clock, std::shared_ptr<const Logger> logger,
                     std::shared_ptr<Redactor> redactor);

  /// Signs in when there is no usable token; one thread signs in while the
  /// others wait for its result, failure included.
  std::vector<HttpHeader> authorization_headers() override;

  /// Drops the token if it is the one the server refused; another thread may
  /// have renewed it already, and then nothing is dropped.
  bool refresh_after_unauthorized(const std::vector<HttpHeader>& rejected) override;

 private:
  struct CachedToken {
    std::string authorization;  // "Bearer <jwt>"
    std::chrono::system_clock::time_point renew_at;
    std::chrono::system_clock::time_point expires_at;
  };

  CachedToken sign_in();

  ApiKeyAuth credentials_;
  std::string sign_in_path_;
  SignInSender send_;
  std::shared_ptr<Clock> clock_;
  std::shared_ptr<const Logger> logger_;
  std::shared_ptr<Redactor> redactor_;

  std::mutex mutex_;
  std::condition_variable signed_in_;
  std::optional<CachedToken> token_;
  bool signing_in_ = false;
  // Each finished sign-in is a round; a waiter learns its round's failure.
  std::uint64_t rounds_finished_ = 0;
  std::exception_ptr last_round_failure_;
};

}  // namespace amigo::detail

#pragma once

/// @file
/// Every failure the SDK reports is an exception derived from amigo::Error.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "amigo/export.hpp"
#include "amigo/operation.hpp"
#include "amigo/rate_limit.hpp"

namespace amigo {

/// Base of every exception the SDK throws. Messages never contain a secret.
class AMIGO_API Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message);
};

/// The options or the environment are incomplete or invalid.
class AMIGO_API ConfigurationError : public Error {
 public:
  using Error::Error;
};

/// A request failed a check made before anything was sent.
class AMIGO_API InvalidArgumentError : public Error {
 public:
  using Error::Error;
};

/// The request never got an HTTP answer: no connection, a reset, a TLS
/// failure, a truncated answer.
class AMIGO_API TransportError : public Error {
 public:
  TransportError(const std::string& message, bool request_may_have_been_sent);

  /// False when the failure certainly came before the request left (no
  /// connection could be made), so repeating it cannot do anything twice.
  [[nodiscard]] bool request_may_have_been_sent() const noexcept { return may_have_been_sent_; }

 private:
  bool may_have_been_sent_;
};

/// The connect or whole-request timeout ran out.
class AMIGO_API TimeoutError : public TransportError {
 public:
  TimeoutError(const std::string& message, bool request_may_have_been_sent);
};

/// A 2xx answer whose body does not match the documented schema.
class AMIGO_API DecodeError : public Error {
 public:
  DecodeError(Operation operation, int status, std::string field, const std::string& message);

  [[nodiscard]] Operation operation() const noexcept { return operation_; }
  [[nodiscard]] int status() const noexcept { return status_; }
  /// Where the body went wrong, as a JSON path: "users[3].user_stats.num_messages".
  [[nodiscard]] const std::string& field() const noexcept { return field_; }

 private:
  Operation operation_;
  int status_;
  std::string field_;
};

/// Everything known about one failed HTTP answer.
struct ApiErrorDetails {
  Operation operation = Operation::list_users;
  int status = 0;
  /// What this status means for this operation, from the docs page.
  std::string meaning;
  /// The server's own explanation (secrets redacted); may be empty.
  std::string detail;
  std::optional<RateLimitInfo> rate_limit;
};

/// Base of every HTTP failure (a non-2xx answer).
class AMIGO_API ApiError : public Error {
 public:
  explicit ApiError(ApiErrorDetails details);

  [[nodiscard]] int status() const noexcept { return details_.status; }
  [[nodiscard]] Operation operation() const noexcept { return details_.operation; }
  [[nodiscard]] const std::string& meaning() const noexcept { return details_.meaning; }
  [[nodiscard]] const std::string& detail() const noexcept { return details_.detail; }
  [[nodiscard]] const std::optional<RateLimitInfo>& rate_limit() const noexcept {
    return details_.rate_limit;
  }

 private:
  ApiErrorDetails details_;
};

/// 400: for delete_user, the user is active in Actions development.
class AMIGO_API BadRequestError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 401: the credentials were refused.
class AMIGO_API AuthenticationError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 403: the caller lacks a required permission.
class AMIGO_API PermissionDeniedError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 404: the organization, role or user does not exist.
class AMIGO_API NotFoundError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 409: the email is taken, or a related operation is in progress.
class AMIGO_API ConflictError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// One entry of a 422 answer's `detail` list.
struct FieldError {
  std::vector<std::string> loc;  ///< e.g. {"body", "user_preferences", "timezone"}
  std::string msg;
  std::string type;
};

/// 422: the path, query or body failed the server's validation.
class AMIGO_API ValidationError : public ApiError {
 public:
  ValidationError(ApiErrorDetails details, std::vector<FieldError> field_errors);

  [[nodiscard]] const std::vector<FieldError>& field_errors() const noexcept {
    return field_errors_;
  }

 private:
  std::vector<FieldError> field_errors_;
};

/// 429: over the operation's rate limit, after the retries allowed.
class AMIGO_API RateLimitError : public ApiError {
 public:
  RateLimitError(ApiErrorDetails details, std::optional<std::chrono::milliseconds> retry_after);

  /// The server's Retry-After, when it sent one.
  [[nodiscard]] std::optional<std::chrono::milliseconds> retry_after() const noexcept {
    return retry_after_;
  }

 private:
  std::optional<std::chrono::milliseconds> retry_after_;
};

/// A 5xx answer.
class AMIGO_API ServerError : public ApiError {
 public:
  using ApiError::ApiError;
};

/// 503: temporary maintenance, after the retries allowed.
class AMIGO_API ServiceUnavailableError : public ServerError {
 public:
  ServiceUnavailableError(ApiErrorDetails details,
                          std::optional<std::chrono::milliseconds> retry_after);

  [[nodiscard]] std::optional<std::chrono::milliseconds> retry_after() const noexcept {
    return retry_after_;
  }

 private:
  std::optional<std::chrono::milliseconds> retry_after_;
};

}  // namespace amigo

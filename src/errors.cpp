#include "amigo/errors.hpp"

#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace amigo {
namespace {

// The phrases of the statuses the API documents, plus the common gateway ones;
// any other status is shown by number alone.
std::string_view reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return {};
  }
}

// "invite_user failed: HTTP 409 Conflict: <meaning>. Server said: <detail>"
std::string describe(const ApiErrorDetails& details) {
  std::string message =
      fmt::format("{} failed: HTTP {}", to_string(details.operation), details.status);
  if (auto phrase = reason_phrase(details.status); !phrase.empty()) {
    message += ' ';
    message += phrase;
  }
  if (!details.meaning.empty()) {
    message += ": ";
    message += details.meaning;
    message += '.';
  }
  if (!details.detail.empty()) {
    message += " Server said: ";
    message += details.detail;
  }
  return message;
}

}  // namespace

Error::Error(const std::string& message) : std::runtime_error(message) {}

TransportError::TransportError(const std::string& message, bool request_may_have_been_sent)
    : Error(message), may_have_been_sent_(request_may_have_been_sent) {}

TimeoutError::TimeoutError(const std::string& message, bool request_may_have_been_sent)
    : TransportError(message, request_may_have_been_sent) {}

DecodeError::DecodeError(Operation operation, int status, std::string field,
                         const std::string& message)
    : Error(fmt::format("{} succeeded (HTTP {}) but its answer could not be read at '{}': {}",
                        to_string(operation), status, field.empty() ? "$" : field, message)),
      operation_(operation),
      status_(status),
      field_(std::move(field)) {}

ApiError::ApiError(ApiErrorDetails details)
    : Error(describe(details)), details_(std::move(details)) {}

ValidationError::ValidationError(ApiErrorDetails details, std::vector<FieldError> field_errors)
    : ApiError(std::move(details)), field_errors_(std::move(field_errors)) {}

RateLimitError::RateLimitError(ApiErrorDetails details,
                               std::optional<std::chrono::milliseconds> retry_after)
    : ApiError(std::move(details)), retry_after_(retry_after) {}

ServiceUnavailableError::ServiceUnavailableError(
    ApiErrorDetails details, std::optional<std::chrono::milliseconds> retry_after)
    : ServerError(std::move(details)), retry_after_(retry_after) {}

}  // namespace amigo

#pragma once

// The one place that says what an HTTP failure means: a table from
// (operation, status) to the docs page's wording, and the function that turns
// a non-2xx answer into the typed exception for its status.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amigo/errors.hpp"
#include "amigo/operation.hpp"
#include "amigo/rate_limit.hpp"
#include "amigo/transport.hpp"
#include "redaction.hpp"

namespace amigo::detail {

inline constexpr std::string_view kUnexpectedStatus = "unexpected status";

/// What `status` means for `operation` per the docs page, or kUnexpectedStatus.
std::string_view documented_meaning(Operation operation, int status);

/// Every (operation, status) the docs page documents, for tests that walk the table.
struct DocumentedFailure {
  Operation operation;
  int status;
  std::string_view meaning;
};
const std::vector<DocumentedFailure>& documented_failures();

/// The server's explanation of a failure, secrets redacted: its `detail`
/// string, its 422 list rendered as "body.email: msg; ...", or the start of a
/// non-JSON body.
struct ServerDetail {
  std::string text;
  std::vector<FieldError> field_errors;
};
ServerDetail read_server_detail(std::string_view body, const Redactor& redactor);

/// Throws the exception for `response`'s status: 400 BadRequestError, 401
/// AuthenticationError, ..., other 5xx ServerError, anything else ApiError.
[[noreturn]] void throw_api_error(Operation operation, const HttpResponse& response,
                                  const Redactor& redactor, std::optional<RateLimitInfo> rate_limit,
                                  std::optional<std::chrono::milliseconds> retry_after);

}  // namespace amigo::detail

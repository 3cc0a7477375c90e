// Error bodies: a FastAPI `detail` string or 422 list, or anything else a
// proxy may put in front of the API, under every status the SDK maps.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "error_mapping.hpp"
#include "fuzz_checks.hpp"
#include "redaction.hpp"

namespace {

// A configured secret; a body that echoes it must not carry it into an error.
constexpr std::string_view kSecret = "sk_live_Zq81xTr0Wm4p";

bool shows_secret(std::string_view text) { return text.find(kSecret) != std::string_view::npos; }

void check_detail(const amigo::detail::ServerDetail& detail) {
  amigo::fuzz::require(!shows_secret(detail.text), "the detail text hides the secret");
  for (const auto& field_error : detail.field_errors) {
    amigo::fuzz::require(!shows_secret(field_error.msg), "a field error's msg hides the secret");
    for (const auto& part : field_error.loc) {
      amigo::fuzz::require(!shows_secret(part), "a field error's loc hides the secret");
    }
  }
}

template <typename Expected>
bool is(const amigo::ApiError& error) {
  return dynamic_cast<const Expected*>(&error) != nullptr;
}

bool has_the_type_of_its_status(const amigo::ApiError& error) {
  switch (error.status()) {
    case 400:
      return is<amigo::BadRequestError>(error);
    case 401:
      return is<amigo::AuthenticationError>(error);
    case 403:
      return is<amigo::PermissionDeniedError>(error);
    case 404:
      return is<amigo::NotFoundError>(error);
    case 409:
      return is<amigo::ConflictError>(error);
    case 422:
      return is<amigo::ValidationError>(error);
    case 429:
      return is<amigo::RateLimitError>(error);
    case 503:
      return is<amigo::ServiceUnavailableError>(error);
    default:
      return error.status() < 500 || is<amigo::ServerError>(error);
  }
}

constexpr std::array kOperations = {amigo::Operation::sign_in_with_api_key,
                                    amigo::Operation::invite_user, amigo::Operation::list_users,
                                    amigo::Operation::update_user, amigo::Operation::delete_user};
constexpr std::array kStatuses = {400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const amigo::detail::Redactor redactor({std::string(kSecret)});
  amigo::HttpResponse response;
  response.body.assign(reinterpret_cast<const char*>(data), size);

  amigo::fuzz::expect_only<amigo::Error>(
      [&] { check_detail(amigo::detail::read_server_detail(response.body, redactor)); });

  std::size_t next_operation = 0;
  for (int status : kStatuses) {
    response.status = status;
    const auto operation = kOperations[next_operation++ % kOperations.size()];
    amigo::fuzz::expect_only<amigo::ApiError>(
        [&] {
          amigo::detail::throw_api_error(operation, response, redactor, std::nullopt, std::nullopt);
          amigo::fuzz::fail("throw_api_error returns only by throwing");
        },
        [&](const amigo::ApiError& error) {
          amigo::fuzz::require(error.status() == status, "the error keeps the status");
          amigo::fuzz::require(error.operation() == operation, "the error keeps the operation");
          amigo::fuzz::require(has_the_type_of_its_status(error), "the type follows the status");
          amigo::fuzz::require(!shows_secret(error.what()), "what() hides the secret");
          amigo::fuzz::require(!shows_secret(error.detail()), "detail() hides the secret");
        });
  }
  return 0;
}

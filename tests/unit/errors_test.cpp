#include "amigo/errors.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace amigo {
namespace {

ApiErrorDetails details(Operation operation, int status, std::string meaning, std::string detail) {
  return {operation, status, std::move(meaning), std::move(detail), std::nullopt};
}

TEST(PipelineErrors, ApiErrorNamesOperationStatusMeaningAndDetail) {
  ConflictError error(
      details(Operation::invite_user, 409,
              "a user with this email exists, or a related operation is in progress",
              "User with email already exists"));

  EXPECT_STREQ(error.what(),
               "invite_user failed: HTTP 409 Conflict: a user with this email exists, or a related "
               "operation is in progress. Server said: User with email already exists");
  EXPECT_EQ(error.status(), 409);
  EXPECT_EQ(error.operation(), Operation::invite_user);
  EXPECT_EQ(error.detail(), "User with email already exists");
  EXPECT_FALSE(error.rate_limit().has_value());
}

TEST(PipelineErrors, ApiErrorWithoutDetailEndsAtTheMeaning) {
  NotFoundError error(details(Operation::list_users, 404, "organization not found", ""));
  EXPECT_STREQ(error.what(), "list_users failed: HTTP 404 Not Found: organization not found.");
}

TEST(PipelineErrors, StatusWithoutAKnownPhraseShowsTheNumberAlone) {
  ApiError error(details(Operation::delete_user, 418, "unexpected status", "teapot"));
  EXPECT_STREQ(error.what(),
               "delete_user failed: HTTP 418: unexpected status. Server said: teapot");
}

TEST(PipelineErrors, RetryAfterIsKeptOnRateLimitAndUnavailable) {
  RateLimitError limited(details(Operation::list_users, 429, "over 60 requests per minute", ""),
                         std::chrono::milliseconds{1500});
  ServiceUnavailableError unavailable(
      details(Operation::list_users, 503, "temporary maintenance", ""), std::nullopt);

  EXPECT_EQ(limited.retry_after(), std::chrono::milliseconds{1500});
  EXPECT_FALSE(unavailable.retry_after().has_value());
  const ServerError& as_server_error = unavailable;
  EXPECT_EQ(as_server_error.status(), 503);
}

TEST(PipelineErrors, ValidationErrorKeepsFieldErrors) {
  ValidationError error(details(Operation::invite_user, 422, "path or body failed validation", ""),
                        {{{"body", "email"}, "value is not a valid email address", "value_error"}});
  ASSERT_EQ(error.field_errors().size(), 1u);
  EXPECT_EQ(error.field_errors()[0].loc, (std::vector<std::string>{"body", "email"}));
  EXPECT_EQ(error.field_errors()[0].msg, "value is not a valid email address");
  EXPECT_EQ(error.field_errors()[0].type, "value_error");
}

TEST(PipelineErrors, DecodeErrorNamesTheField) {
  DecodeError error(Operation::sign_in_with_api_key, 200, "expires_at", "the field is missing");
  EXPECT_STREQ(error.what(),
               "sign_in_with_api_key succeeded (HTTP 200) but its answer could not be read at "
               "'expires_at': the field is missing");
  EXPECT_EQ(error.field(), "expires_at");
  EXPECT_EQ(error.status(), 200);
  EXPECT_EQ(error.operation(), Operation::sign_in_with_api_key);
}

TEST(PipelineErrors, DecodeErrorAtTheRootShowsDollar) {
  DecodeError error(Operation::list_users, 200, "", "the body is not JSON");
  EXPECT_STREQ(error.what(),
               "list_users succeeded (HTTP 200) but its answer could not be read at '$': the body "
               "is not JSON");
}

TEST(PipelineErrors, TransportErrorsSayWhetherTheRequestMayHaveLeft) {
  TransportError refused("connection refused", false);
  TimeoutError timed_out("timed out", true);
  EXPECT_FALSE(refused.request_may_have_been_sent());
  EXPECT_TRUE(timed_out.request_may_have_been_sent());
  const TransportError& as_transport = timed_out;
  EXPECT_STREQ(as_transport.what(), "timed out");
}

}  // namespace
}  // namespace amigo

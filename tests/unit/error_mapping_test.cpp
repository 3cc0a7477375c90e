#include "error_mapping.hpp"

#include <gtest/gtest.h>

#include <exception>
#include <functional>
#include <string>
#include <typeindex>
#include <typeinfo>

#include "support/recording_transport.hpp"

namespace amigo::detail {
namespace {

using Op = Operation;

struct Cell {
  Op operation;
  int status;
  std::type_index type;
  std::string meaning;
};

// Written out from spec/README.md and, for sign-in, the OpenAPI responses:
// kept apart from the table in error_mapping.cpp so that a typo in either shows.
const std::vector<Cell> kSpecTable = {
    {Op::sign_in_with_api_key, 401, typeid(AuthenticationError),
     "API key not found, is incorrect, or the requested user is not found"},
    {Op::sign_in_with_api_key, 404, typeid(NotFoundError), "organization not found"},
    {Op::sign_in_with_api_key, 422, typeid(ValidationError), "path failed validation"},
    {Op::sign_in_with_api_key, 429, typeid(RateLimitError), "over 5 requests per minute"},
    {Op::sign_in_with_api_key, 503, typeid(ServiceUnavailableError), "temporary maintenance"},

    {Op::invite_user, 401, typeid(AuthenticationError), "invalid authorization credentials"},
    {Op::invite_user, 403, typeid(PermissionDeniedError),
     "missing required permissions (User:InviteUser; caller must outrank the new user's role)"},
    {Op::invite_user, 404, typeid(NotFoundError), "organization or role not found"},
    {Op::invite_user, 409, typeid(ConflictError),
     "a user with this email exists, or a related operation is in progress"},
    {Op::invite_user, 422, typeid(ValidationError), "path or body failed validation"},
    {Op::invite_user, 429, typeid(RateLimitError), "over 50 requests per minute"},
    {Op::invite_user, 503, typeid(ServiceUnavailableError), "temporary maintenance"},

    {Op::list_users, 401, typeid(AuthenticationError), "invalid authorization credentials"},
    {Op::list_users, 403, typeid(PermissionDeniedError),
     "missing required permissions (list filters out users without User:GetUserInfo)"},
    {Op::list_users, 404, typeid(NotFoundError), "organization not found"},
    {Op::list_users, 422, typeid(ValidationError), "path or query failed validation"},
    {Op::list_users, 429, typeid(RateLimitError), "over 60 requests per minute"},
    {Op::list_users, 503, typeid(ServiceUnavailableError), "temporary maintenance"},

    {Op::update_user, 401, typeid(AuthenticationError), "invalid authorization credentials"},
    {Op::update_user, 403, typeid(PermissionDeniedError), "missing User:UpdateUserInfo"},
    {Op::update_user, 404, typeid(NotFoundError), "organization or user not found"},
    {Op::update_user, 409, typeid(ConflictError), "a related operation is in progress"},
    {Op::update_user, 422, typeid(ValidationError), "path or body failed validation"},
    {Op::update_user, 429, typeid(RateLimitError), "over 50 requests per minute"},
    {Op::update_user, 503, typeid(ServiceUnavailableError), "temporary maintenance"},

    {Op::delete_user, 400, typeid(BadRequestError),
     "the user is currently active in Actions development"},
    {Op::delete_user, 401, typeid(AuthenticationError), "invalid authorization credentials"},
    {Op::delete_user, 403, typeid(PermissionDeniedError), "missing User:DeleteUser"},
    {Op::delete_user, 404, typeid(NotFoundError), "organization or user not found"},
    {Op::delete_user, 409, typeid(ConflictError), "a related operation is in progress"},
    {Op::delete_user, 422, typeid(ValidationError), "path failed validation"},
    {Op::delete_user, 429, typeid(RateLimitError), "over 500 requests per minute"},
    {Op::delete_user, 503, typeid(ServiceUnavailableError), "temporary maintenance"},
};

// Calls throw_api_error and hands back what it threw.
std::exception_ptr thrown_for(Op operation, const HttpResponse& response,
                              const Redactor& redactor = Redactor{},
                              std::optional<RateLimitInfo> rate_limit = std::nullopt,
                              std::optional<std::chrono::milliseconds> retry_after = std::nullopt) {
  try {
    throw_api_error(operation, response, redactor, std::move(rate_limit), retry_after);
  } catch (...) {
    return std::current_exception();
  }
}

template <typename Check>
void inspect(std::exception_ptr thrown, Check check) {
  try {
    std::rethrow_exception(thrown);
  } catch (const ApiError& error) {
    check(error);
  } catch (const std::exception& other) {
    ADD_FAILURE() << "not an ApiError: " << other.what();
  }
}

TEST(ErrorMappingTable, EveryDocumentedCellMapsToItsTypeAndMeaning) {
  for (const auto& cell : kSpecTable) {
    SCOPED_TRACE(std::string(to_string(cell.operation)) + " " + std::to_string(cell.status));
    EXPECT_EQ(documented_meaning(cell.operation, cell.status), cell.meaning);
    inspect(thrown_for(cell.operation, test::json_response(cell.status, R"({"detail":"x"})")),
            [&](const ApiError& error) {
              EXPECT_EQ(std::type_index(typeid(error)), cell.type) << typeid(error).name();
              EXPECT_EQ(error.status(), cell.status);
              EXPECT_EQ(error.operation(), cell.operation);
              EXPECT_EQ(error.meaning(), cell.meaning);
              EXPECT_EQ(error.detail(), "x");
            });
  }
}

TEST(ErrorMappingTable, TheTableHoldsNoCellTheSpecLacks) {
  EXPECT_EQ(documented_failures().size(), kSpecTable.size());
}

TEST(ErrorMappingTable, UndocumentedStatusesMapByStatusWithAGenericMeaning) {
  const std::vector<Cell> undocumented = {
      {Op::invite_user, 400, typeid(BadRequestError), "unexpected status"},
      {Op::list_users, 409, typeid(ConflictError), "unexpected status"},
      {Op::sign_in_with_api_key, 403, typeid(PermissionDeniedError), "unexpected status"},
      {Op::update_user, 500, typeid(ServerError), "unexpected status"},
      {Op::delete_user, 502, typeid(ServerError), "unexpected status"},
      {Op::list_users, 418, typeid(ApiError), "unexpected status"},
      {Op::list_users, 302, typeid(ApiError), "unexpected status"},
  };
  for (const auto& cell : undocumented) {
    SCOPED_TRACE(std::string(to_string(cell.operation)) + " " + std::to_string(cell.status));
    inspect(thrown_for(cell.operation, test::json_response(cell.status, "")),
            [&](const ApiError& error) {
              EXPECT_EQ(std::type_index(typeid(error)), cell.type) << typeid(error).name();
              EXPECT_EQ(error.meaning(), cell.meaning);
            });
  }
}

TEST(ErrorMappingDetail, ValidationListBecomesFieldErrorsWithIntegerLocs) {
  HttpResponse response = test::json_response(422, R"({"detail": [
      {"loc": ["body", "email"], "msg": "value is not a valid email address",
       "type": "value_error", "input": "sk-SECRET-in-input"},
      {"loc": ["query", "sort_by", 1], "msg": "bad sort key", "type": "enum", "input": "x"}]})");

  inspect(thrown_for(Op::invite_user, response), [](const ApiError& error) {
    const auto& validation = dynamic_cast<const ValidationError&>(error);
    ASSERT_EQ(validation.field_errors().size(), 2u);
    EXPECT_EQ(validation.field_errors()[0].loc, (std::vector<std::string>{"body", "email"}));
    EXPECT_EQ(validation.field_errors()[0].msg, "value is not a valid email address");
    EXPECT_EQ(validation.field_errors()[0].type, "value_error");
    EXPECT_EQ(validation.field_errors()[1].loc,
              (std::vector<std::string>{"query", "sort_by", "1"}));
    EXPECT_EQ(error.detail(),
              "body.email: value is not a valid email address; query.sort_by.1: bad sort key");
    EXPECT_STREQ(error.what(),
                 "invite_user failed: HTTP 422 Unprocessable Entity: path or body failed "
                 "validation. Server said: body.email: value is not a valid email address; "
                 "query.sort_by.1: bad sort key");
    EXPECT_EQ(std::string(error.what()).find("sk-SECRET-in-input"), std::string::npos);
  });
}

TEST(ErrorMappingDetail, HtmlBodyIsCollapsedAndMarkedAsNonJson) {
  HttpResponse response{502,
                        {{"Content-Type", "text/html"}},
                        "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n"
                        "<center><h1>502   Bad\tGateway</h1></center>\n</body>\n</html>\n"};
  inspect(thrown_for(Op::list_users, response), [](const ApiError& error) {
    EXPECT_EQ(error.detail(), "(non-JSON body) 502 Bad Gateway 502 Bad Gateway");
  });
}

TEST(ErrorMappingDetail, LongNonJsonBodyIsCutToTwoHundredBytes) {
  std::string body(500, 'a');
  ServerDetail detail = read_server_detail(body, Redactor{});
  EXPECT_EQ(detail.text, "(non-JSON body) " + std::string(200, 'a') + "...");
}

TEST(ErrorMappingDetail, CutNeverSplitsAUtf8Character) {
  std::string body = std::string(199, 'a') + "\xC3\xA9" + "tail";  // 'é' straddles byte 200
  ServerDetail detail = read_server_detail(body, Redactor{});
  EXPECT_EQ(detail.text, "(non-JSON body) " + std::string(199, 'a') + "...");
}

TEST(ErrorMappingDetail, DetailThatIsNotAStringIsShownAsJson) {
  ServerDetail detail = read_server_detail(R"({"detail": {"reason": "busy"}})", Redactor{});
  EXPECT_EQ(detail.text, R"({"reason":"busy"})");
  ServerDetail whole = read_server_detail(R"({"message": "nope"})", Redactor{});
  EXPECT_EQ(whole.text, R"({"message":"nope"})");
}

TEST(ErrorMappingDetail, EmptyBodyGivesNoDetail) {
  EXPECT_EQ(read_server_detail("", Redactor{}).text, "");
  EXPECT_EQ(read_server_detail("  \n ", Redactor{}).text, "");
}

TEST(ErrorMappingDetail, SecretsInTheServersDetailAreRedacted) {
  Redactor redactor({"sk-SECRET-configured"});
  HttpResponse response = test::json_response(
      401, R"({"detail": "key sk-SECRET-configured refused; token )"
           R"(eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXNlY3JldA expired; )"
           R"(header was Basic YWNtZV91MTpzZWNyZXQtdG9rZW4="})");
  inspect(thrown_for(Op::list_users, response, redactor), [](const ApiError& error) {
    EXPECT_EQ(error.detail(),
              "key [REDACTED] refused; token [REDACTED] expired; header was Basic [REDACTED]");
    std::string what = error.what();
    EXPECT_EQ(what.find("sk-SECRET"), std::string::npos);
    EXPECT_EQ(what.find("c2lnbmF0dXJlLXNlY3JldA"), std::string::npos);
    EXPECT_EQ(what.find("YWNtZV91MTpzZWNyZXQtdG9rZW4"), std::string::npos);
  });
}

TEST(ErrorMappingDetail, RateLimitAndRetryAfterAreAttached) {
  RateLimitInfo info;
  info.operation = Op::list_users;
  info.limit = 60;
  info.remaining = 0;
  info.reset = std::chrono::milliseconds{2500};
  auto thrown = thrown_for(Op::list_users, test::json_response(429, ""), Redactor{}, info,
                           std::chrono::milliseconds{2000});
  inspect(thrown, [](const ApiError& error) {
    const auto& limited = dynamic_cast<const RateLimitError&>(error);
    EXPECT_EQ(limited.retry_after(), std::chrono::milliseconds{2000});
    ASSERT_TRUE(error.rate_limit().has_value());
    EXPECT_EQ(error.rate_limit()->limit, 60);
    EXPECT_EQ(error.rate_limit()->remaining, 0);
    EXPECT_EQ(error.rate_limit()->reset, std::chrono::milliseconds{2500});
  });
}

}  // namespace
}  // namespace amigo::detail

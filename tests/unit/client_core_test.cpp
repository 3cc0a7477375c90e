#include "client_core.hpp"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "amigo/client.hpp"
#include "amigo/errors.hpp"
#include "amigo/version.hpp"
#include "pipeline_test_support.hpp"

namespace amigo::detail {
namespace {

using namespace std::chrono_literals;
using pipeline_test::Harness;
using pipeline_test::invite_call;
using pipeline_test::list_call;
using pipeline_test::update_call;
using test::header_of;
using test::json_response;

std::string expected_user_agent() {
  return std::string("amigo-cpp/") + AMIGO_VERSION_STRING + " (libcurl/" +
         curl_version_info(CURLVERSION_NOW)->version + ")";
}

test::RecordingTransport::Reply fail_with(bool may_have_been_sent) {
  return [may_have_been_sent](const HttpRequest&) -> HttpResponse {
    throw TransportError("connection reset", may_have_been_sent);
  };
}

TEST(ClientCoreRequests, UrlJoinsBasePathAndQuery) {
  Harness harness;
  ClientOptions options = harness.options();
  options.base_url = "https://api.example.test/";
  ClientCore core(options);
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call("limit=5&email=ada%40example.com"));

  EXPECT_EQ(harness.transport->requests().at(0).url,
            "https://api.example.test/v1/acme/user/?limit=5&email=ada%40example.com");
}

TEST(ClientCoreRequests, BaseUrlWithAPathPrefix) {
  Harness harness;
  ClientOptions options = harness.options();
  options.base_url = "https://gateway.example.test:8443/amigo//";
  ClientCore core(options);
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call());

  EXPECT_EQ(harness.transport->requests().at(0).url,
            "https://gateway.example.test:8443/amigo/v1/acme/user/");
}

TEST(ClientCoreRequests, UsersPathEncodesTheOrganization) {
  Harness harness;
  ClientOptions options = harness.options();
  options.organization_id = "acme corp/1";
  ClientCore core(options);
  EXPECT_EQ(core.users_path(), "/v1/acme%20corp%2F1/user/");
}

TEST(ClientCoreRequests, CommonHeadersAndBody) {
  Harness harness;
  ClientCore core(harness.options());
  harness.transport->push(json_response(201, "{}"));
  harness.transport->push(json_response(200, "{}"));

  core.execute(invite_call());
  core.execute(list_call());

  auto requests = harness.transport->requests();
  const HttpRequest& invite = requests.at(0);
  EXPECT_EQ(invite.method, HttpMethod::post);
  EXPECT_EQ(invite.body, R"({"email":"ada@example.com"})");
  EXPECT_EQ(invite.timeout, 60'000ms);
  EXPECT_EQ(header_of(invite, "Accept"), "application/json");
  EXPECT_EQ(header_of(invite, "Content-Type"), "application/json");
  EXPECT_EQ(header_of(invite, "User-Agent"), expected_user_agent());
  EXPECT_EQ(header_of(invite, "Authorization"), std::string("Bearer ") + pipeline_test::kJwt);
  EXPECT_EQ(header_of(invite, "x-mongo-cluster-name"), "");

  const HttpRequest& list = requests.at(1);
  EXPECT_EQ(list.method, HttpMethod::get);
  EXPECT_EQ(header_of(list, "Content-Type"), "");
  EXPECT_EQ(list.headers.size(), 3u);  // Accept, User-Agent, Authorization
}

TEST(ClientCoreRequests, UserAgentSuffixMongoClusterAndTimeout) {
  Harness harness;
  ClientOptions options = harness.options();
  options.user_agent_suffix = "my-app/2.1";
  options.mongo_cluster_name = "cluster-7";
  options.request_timeout = 1500ms;
  ClientCore core(options);
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call());

  const HttpRequest request = harness.transport->requests().at(0);
  EXPECT_EQ(header_of(request, "User-Agent"), expected_user_agent() + " my-app/2.1");
  EXPECT_EQ(header_of(request, "x-mongo-cluster-name"), "cluster-7");
  EXPECT_EQ(request.timeout, 1500ms);
}

TEST(ClientCoreRequests, LineBreakInAHeaderValueIsRefusedBeforeSending) {
  Harness harness;
  ClientOptions options = harness.options();
  options.auth = BearerAuth{"tok-SECRET\r\nX-Injected: yes", std::nullopt};
  ClientCore core(options);

  try {
    core.execute(list_call());
    ADD_FAILURE() << "no InvalidArgumentError";
  } catch (const InvalidArgumentError& error) {
    std::string what = error.what();
    EXPECT_NE(what.find("'Authorization'"), std::string::npos) << what;
    EXPECT_EQ(what.find("tok-SECRET"), std::string::npos) << what;
    EXPECT_EQ(what.find("X-Injected"), std::string::npos) << what;
  }
  EXPECT_EQ(harness.transport->request_count(), 0u);
}

// A provider of the user's own, used as it is.
class FixedProvider : public AuthProvider {
 public:
  std::vector<HttpHeader> authorization_headers() override {
    ++calls;
    return {{"Authorization", "Custom abc"}};
  }
  int calls = 0;
};

TEST(ClientCoreRequests, CustomAuthProviderIsUsedAsIs) {
  Harness harness;
  auto provider = std::make_shared<FixedProvider>();
  ClientOptions options = harness.options();
  options.auth = provider;
  ClientCore core(options);
  harness.transport->push(json_response(200, "{}"));
  harness.transport->push(json_response(401, ""));

  core.execute(list_call());
  EXPECT_THROW(core.execute(list_call()), AuthenticationError);

  EXPECT_EQ(provider->calls, 2);
  EXPECT_EQ(harness.transport->request_count(), 2u);  // the default refresh says no: no retry
  EXPECT_EQ(header_of(harness.transport->requests().at(0), "Authorization"), "Custom abc");
}

TEST(ClientCoreRetries, TooManyRequestsThenSuccessWaitsForRetryAfter) {
  Harness harness;
  ClientCore core(harness.options());
  harness.transport->push(json_response(429, R"({"detail":"slow down"})", {{"Retry-After", "2"}}));
  harness.transport->push(json_response(200, R"({"users":[]})"));

  HttpResponse response = core.execute(list_call());

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"users":[]})");
  EXPECT_EQ(harness.transport->request_count(), 2u);
  EXPECT_EQ(harness.clock->sleeps(), (std::vector<std::chrono::milliseconds>{2000ms}));
}

TEST(ClientCoreRetries, RetryAfterAsAnHttpDateIsMeasuredFromTheClock) {
  Harness harness;
  ClientCore core(harness.options());
  // The FakeClock starts at 2027-01-15T08:00:00Z.
  harness.transport->push(
      json_response(503, "", {{"Retry-After", "Fri, 15 Jan 2027 08:00:07 GMT"}}));
  harness.transport->push(json_response(204, ""));

  core.execute(update_call());

  EXPECT_EQ(harness.clock->sleeps(), (std::vector<std::chrono::milliseconds>{7000ms}));
}

TEST(ClientCoreRetries, UnavailableUntilTheLastAttempt) {
  Harness harness;
  ClientOptions options = harness.options();
  options.retry.max_attempts = 3;
  ClientCore core(options);
  harness.transport->set_fallback([](const HttpRequest&) {
    return json_response(503, R"({"detail":"maintenance"})", {{"Retry-After", "0.5"}});
  });

  try {
    core.execute(list_call());
    ADD_FAILURE() << "no ServiceUnavailableError";
  } catch (const ServiceUnavailableError& error) {
    EXPECT_EQ(error.retry_after(), 500ms);
    EXPECT_EQ(error.detail(), "maintenance");
  }
  EXPECT_EQ(harness.transport->request_count(), 3u);
  EXPECT_EQ(harness.clock->sleeps(), (std::vector<std::chrono::milliseconds>{500ms, 500ms}));
}

TEST(ClientCoreRetries, WithoutRetryAfterTheWaitIsJitteredBackoff) {
  Harness harness;
  ClientOptions options = harness.options();
  options.retry.max_attempts = 4;
  options.retry.initial_backoff = 100ms;
  ClientCore core(options);
  harness.transport->set_fallback([](const HttpRequest&) { return json_response(429, ""); });

  EXPECT_THROW(core.execute(list_call()), RateLimitError);

  auto sleeps = harness.clock->sleeps();
  ASSERT_EQ(sleeps.size(), 3u);
  EXPECT_LE(sleeps[0], 100ms);
  EXPECT_LE(sleeps[1], 200ms);
  EXPECT_LE(sleeps[2], 400ms);
}

TEST(ClientCoreRetries, NoneMeansOneAttempt) {
  Harness harness;
  ClientOptions options = harness.options();
  options.retry = RetryOptions::none();
  ClientCore core(options);
  harness.transport->set_fallback([](const HttpRequest&) { return json_response(503, ""); });

  EXPECT_THROW(core.execute(list_call()), ServiceUnavailableError);
  EXPECT_EQ(harness.transport->request_count(), 1u);
  EXPECT_TRUE(harness.clock->sleeps().empty());
}

TEST(ClientCoreRetries, OtherFailuresAreNotRetried) {
  for (int status : {400, 403, 404, 409, 422, 500, 502}) {
    SCOPED_TRACE(status);
    Harness harness;
    ClientCore core(harness.options());
    harness.transport->set_fallback(
        [status](const HttpRequest&) { return json_response(status, ""); });
    EXPECT_THROW(core.execute(update_call()), ApiError);
    EXPECT_EQ(harness.transport->request_count(), 1u);
  }
}

TEST(ClientCoreRetries, InviteIsNotResentAfterAnAmbiguousFailure) {
  Harness harness;
  ClientCore core(harness.options());
  harness.transport->push(fail_with(/*may_have_been_sent=*/true));
  harness.transport->push(json_response(201, "{}"));

  try {
    core.execute(invite_call());
    ADD_FAILURE() << "no TransportError";
  } catch (const TransportError& error) {
    EXPECT_TRUE(error.request_may_have_been_sent());
  }
  EXPECT_EQ(harness.transport->request_count(), 1u);
}

TEST(ClientCoreRetries, InviteIsResentWhenItCertainlyNeverLeft) {
  Harness harness;
  ClientCore core(harness.options());
  harness.transport->push(fail_with(/*may_have_been_sent=*/false));
  harness.transport->push(json_response(201, R"({"user_id":"u1"})"));

  EXPECT_EQ(core.execute(invite_call()).status, 201);
  EXPECT_EQ(harness.transport->request_count(), 2u);
}

TEST(ClientCoreRetries, ListIsRetriedAfterAnAmbiguousFailure) {
  Harness harness;
  ClientCore core(harness.options());
  harness.transport->push(fail_with(true));
  harness.transport->push(
      [](const HttpRequest&) -> HttpResponse { throw TimeoutError("timed out", true); });
  harness.transport->push(json_response(200, "{}"));

  EXPECT_EQ(core.execute(list_call()).status, 200);
  EXPECT_EQ(harness.transport->request_count(), 3u);
  EXPECT_EQ(harness.clock->sleeps().size(), 2u);
}

TEST(ClientCoreRetries, TransportFailureOnTheLastAttemptIsThrown) {
  Harness harness;
  ClientOptions options = harness.options();
  options.retry.max_attempts = 2;
  ClientCore core(options);
  harness.transport->set_fallback(fail_with(true));

  EXPECT_THROW(core.execute(list_call()), TransportError);
  EXPECT_EQ(harness.transport->request_count(), 2u);
}

TEST(ClientCoreRateLimits, CallbackReceivesTheHeadersOfEveryAnswer) {
  Harness harness;
  std::vector<RateLimitInfo> reports;
  ClientOptions options = harness.options();
  options.on_rate_limit = [&](const RateLimitInfo& info) { reports.push_back(info); };
  ClientCore core(options);
  harness.transport->push(json_response(200, "{}",
                                        {{"X-RateLimit-Limit", "60"},
                                         {"X-RateLimit-Remaining", "59"},
                                         {"X-RateLimit-Reset", "0.5"}}));
  harness.transport->push(json_response(200, "{}"));  // no rate-limit headers: no report
  harness.transport->push(json_response(404, "",
                                        {{"x-ratelimit-limit", "50"},
                                         {"x-ratelimit-remaining", "many"},
                                         {"x-ratelimit-reset", "12"}}));

  core.execute(list_call());
  core.execute(list_call());
  try {
    core.execute(update_call());
    ADD_FAILURE() << "no NotFoundError";
  } catch (const NotFoundError& error) {
    ASSERT_TRUE(error.rate_limit().has_value());
    EXPECT_EQ(error.rate_limit()->limit, 50);
    EXPECT_FALSE(error.rate_limit()->remaining.has_value());
  }

  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].operation, Operation::list_users);
  EXPECT_EQ(reports[0].limit, 60);
  EXPECT_EQ(reports[0].remaining, 59);
  EXPECT_EQ(reports[0].reset, 500ms);
  EXPECT_EQ(reports[1].operation, Operation::update_user);
  EXPECT_EQ(reports[1].limit, 50);
  EXPECT_EQ(reports[1].remaining, std::nullopt);
  EXPECT_EQ(reports[1].reset, 12'000ms);
}

TEST(ClientCoreRateLimits, AThrowingCallbackReachesTheCaller) {
  Harness harness;
  ClientOptions options = harness.options();
  options.on_rate_limit = [](const RateLimitInfo&) { throw std::runtime_error("from callback"); };
  ClientCore core(options);
  harness.transport->push(json_response(200, "{}", {{"X-RateLimit-Limit", "60"}}));

  EXPECT_THROW(core.execute(list_call()), std::runtime_error);
}

TEST(ClientCoreLogging, RetryGiveUpAndRequestLines) {
  Harness harness;
  ClientOptions options = harness.options();
  options.retry.max_attempts = 2;
  ClientCore core(options);
  harness.transport->set_fallback([](const HttpRequest&) {
    return json_response(503, "", {{"Retry-After", "1"}});
  });

  EXPECT_THROW(core.execute(list_call("email=ada%40example.com")), ServiceUnavailableError);

  EXPECT_EQ(
      harness.logs.texts(LogLevel::info),
      (std::vector<std::string>{"list_users attempt 1 of 2 got HTTP 503; retrying in 1000 ms"}));
  EXPECT_EQ(harness.logs.texts(LogLevel::warning),
            (std::vector<std::string>{"list_users gave up after 2 attempts: HTTP 503"}));
  auto debug = harness.logs.texts(LogLevel::debug);
  ASSERT_EQ(debug.size(), 2u);
  EXPECT_EQ(debug[0].rfind("GET /v1/acme/user/ -> 503 in ", 0), 0u) << debug[0];
  for (const auto& line : harness.logs.lines()) {
    EXPECT_EQ(line.text.find("ada"), std::string::npos) << line.text;
  }
}

TEST(ClientCoreLogging, AmbiguousInviteFailureIsLoggedAsNotRetried) {
  Harness harness;
  ClientCore core(harness.options());
  harness.transport->push(fail_with(true));

  EXPECT_THROW(core.execute(invite_call()), TransportError);
  EXPECT_EQ(harness.logs.texts(LogLevel::warning),
            (std::vector<std::string>{"invite_user failed and is not retried, as it may have "
                                      "reached the server: connection reset"}));
}

TEST(ClientCoreLogging, LevelFiltersLines) {
  Harness harness;
  ClientOptions options = harness.options();
  options.log_level = LogLevel::warning;
  ClientCore core(options);
  harness.transport->push(json_response(429, "", {{"Retry-After", "1"}}));
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call());
  EXPECT_TRUE(harness.logs.lines().empty());
}

TEST(AmigoClientCore, OptionsAreKeptAndTheClientMoves) {
  Harness harness;
  AmigoClient client(harness.options());
  EXPECT_EQ(client.options().organization_id, "acme");
  EXPECT_EQ(client.options().base_url, pipeline_test::kBaseUrl);

  AmigoClient moved(std::move(client));
  harness.transport->push(json_response(204, ""));
  moved.user().delete_user("u1");

  auto requests = harness.transport->requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, HttpMethod::del);
  EXPECT_EQ(requests[0].url, "https://api.example.test/v1/acme/user/u1");
}

TEST(AmigoClientCore, InvalidOptionsAreAConfigurationError) {
  Harness harness;
  ClientOptions options = harness.options();
  options.organization_id.clear();
  EXPECT_THROW(AmigoClient{options}, ConfigurationError);
}

}  // namespace
}  // namespace amigo::detail

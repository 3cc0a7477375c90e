#include "auth_providers.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "amigo/errors.hpp"
#include "client_core.hpp"
#include "pipeline_test_support.hpp"

namespace amigo::detail {
namespace {

using namespace std::chrono_literals;
using pipeline_test::fake_clock_time;
using pipeline_test::Harness;
using pipeline_test::is_sign_in;
using pipeline_test::kJwt;
using pipeline_test::kSecondJwt;
using pipeline_test::list_call;
using pipeline_test::sign_in_answer;
using test::header_of;
using test::json_response;

std::size_t sign_ins(const test::RecordingTransport& transport) {
  std::size_t count = 0;
  for (const auto& request : transport.requests()) count += is_sign_in(request) ? 1 : 0;
  return count;
}

TEST(AuthBase64, KnownVectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("\xff\xfe"), "//4=");
}

TEST(AuthBasic, HeaderIsOrgUnderscoreUserColonToken) {
  BasicAuthProvider provider(BasicAuth{"acme", "u1", "t0k"});
  EXPECT_EQ(provider.authorization_headers(),
            (std::vector<HttpHeader>{{"Authorization", "Basic YWNtZV91MTp0MGs="}}));
  EXPECT_FALSE(provider.refresh_after_unauthorized(provider.authorization_headers()));
}

TEST(AuthBearer, WithAndWithoutIssuingOrganization) {
  BearerAuthProvider plain(BearerAuth{"jwt-1", std::nullopt});
  EXPECT_EQ(plain.authorization_headers(),
            (std::vector<HttpHeader>{{"Authorization", "Bearer jwt-1"}}));

  BearerAuthProvider cross_org(BearerAuth{"jwt-2", "other-org"});
  EXPECT_EQ(
      cross_org.authorization_headers(),
      (std::vector<HttpHeader>{{"Authorization", "Bearer jwt-2"}, {"X-ORG-ID", "other-org"}}));
  EXPECT_FALSE(cross_org.refresh_after_unauthorized(cross_org.authorization_headers()));
}

TEST(AuthSignInDecoding, ReadsTokenAndExpiry) {
  IssuedToken token = decode_sign_in_response(
      json_response(200, R"({"id_token":"abc.def.ghi","expires_at":"2027-01-15T10:00:00+02:00"})"));
  EXPECT_EQ(token.id_token, "abc.def.ghi");
  EXPECT_EQ(token.expires_at, std::chrono::system_clock::time_point{1'800'000'000s});
}

TEST(AuthSignInDecoding, BodiesThatDoNotFitNameTheField) {
  struct Case {
    std::string body;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"<html>oops</html>", ""},
      {"[]", ""},
      {R"({"expires_at":"2027-01-15T08:00:00Z"})", "id_token"},
      {R"({"id_token":42,"expires_at":"2027-01-15T08:00:00Z"})", "id_token"},
      {R"({"id_token":"","expires_at":"2027-01-15T08:00:00Z"})", "id_token"},
      {R"({"id_token":"a\r\nb","expires_at":"2027-01-15T08:00:00Z"})", "id_token"},
      {R"({"id_token":"abc"})", "expires_at"},
      {R"({"id_token":"abc","expires_at":1800000000})", "expires_at"},
      {R"({"id_token":"abc","expires_at":"tomorrow"})", "expires_at"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    try {
      decode_sign_in_response(json_response(200, c.body));
      ADD_FAILURE() << "no DecodeError";
    } catch (const DecodeError& error) {
      EXPECT_EQ(error.field(), c.field);
      EXPECT_EQ(error.operation(), Operation::sign_in_with_api_key);
      EXPECT_EQ(error.status(), 200);
    }
  }
}

TEST(AuthRenewal, FiveMinutesBeforeExpiryOrHalfwayForShortTokens) {
  const std::chrono::system_clock::time_point issued{1'800'000'000s};
  EXPECT_EQ(renewal_time(issued, issued + 1h), issued + 55min);
  EXPECT_EQ(renewal_time(issued, issued + 5min), issued);
  EXPECT_EQ(renewal_time(issued, issued + 2min), issued + 1min);
  EXPECT_EQ(renewal_time(issued, issued - 1min), issued);
}

TEST(ApiKeySignIn, SignInRequestIsExact) {
  Harness harness;
  ClientOptions options = harness.api_key_options();
  options.mongo_cluster_name = "cluster-7";
  ClientCore core(options);
  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call());

  auto requests = harness.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  const HttpRequest& sign_in = requests[0];
  EXPECT_EQ(sign_in.method, HttpMethod::post);
  EXPECT_EQ(sign_in.url, "https://api.example.test/v1/acme/user/signin_with_api_key");
  EXPECT_EQ(sign_in.body, "");
  EXPECT_EQ(header_of(sign_in, "x-api-key"), pipeline_test::kApiKey);
  EXPECT_EQ(header_of(sign_in, "x-api-key-id"), "key-id-1");
  EXPECT_EQ(header_of(sign_in, "x-user-id"), "user-1");
  EXPECT_EQ(header_of(sign_in, "x-mongo-cluster-name"), "cluster-7");
  EXPECT_EQ(header_of(sign_in, "Accept"), "application/json");
  EXPECT_EQ(header_of(sign_in, "Authorization"), "");
  EXPECT_EQ(header_of(sign_in, "Content-Type"), "");
  EXPECT_EQ(header_of(sign_in, "User-Agent"), header_of(requests[1], "User-Agent"));

  EXPECT_EQ(header_of(requests[1], "Authorization"), std::string("Bearer ") + kJwt);
  EXPECT_EQ(header_of(requests[1], "x-api-key"), "");
}

TEST(ApiKeySignIn, TokenIsReusedUntilFiveMinutesBeforeExpiry) {
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->set_fallback([](const HttpRequest& request) {
    return is_sign_in(request) ? sign_in_answer(kSecondJwt, 7200) : json_response(200, "{}");
  });

  core.execute(list_call());
  harness.clock->advance(54min + 59s);
  core.execute(list_call());
  EXPECT_EQ(sign_ins(*harness.transport), 1u);

  harness.clock->advance(1s);  // now exactly expires_at - 5 min
  core.execute(list_call());
  EXPECT_EQ(sign_ins(*harness.transport), 2u);
  auto requests = harness.transport->requests();
  EXPECT_EQ(header_of(requests.back(), "Authorization"), std::string("Bearer ") + kSecondJwt);
}

TEST(ApiKeySignIn, ShortLivedTokenIsRenewedHalfwayThroughItsLife) {
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->set_fallback([](const HttpRequest& request) {
    return is_sign_in(request) ? sign_in_answer(kJwt, 120) : json_response(200, "{}");
  });

  core.execute(list_call());
  core.execute(list_call());
  harness.clock->advance(59s);
  core.execute(list_call());
  EXPECT_EQ(sign_ins(*harness.transport), 1u);
}

TEST(ApiKeySignIn, UnauthorizedRenewsOnceAndRetriesOnce) {
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->push(json_response(401, R"({"detail":"token revoked"})"));
  harness.transport->push(sign_in_answer(kSecondJwt, 3600));
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call());

  auto requests = harness.transport->requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(header_of(requests[1], "Authorization"), std::string("Bearer ") + kJwt);
  EXPECT_TRUE(is_sign_in(requests[2]));
  EXPECT_EQ(header_of(requests[3], "Authorization"), std::string("Bearer ") + kSecondJwt);
}

TEST(ApiKeySignIn, SecondUnauthorizedIsAnAuthenticationError) {
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->push(json_response(401, R"({"detail":"no"})"));
  harness.transport->push(sign_in_answer(kSecondJwt, 3600));
  harness.transport->push(json_response(401, R"({"detail":"still no"})"));

  try {
    core.execute(list_call());
    ADD_FAILURE() << "no AuthenticationError";
  } catch (const AuthenticationError& error) {
    EXPECT_EQ(error.operation(), Operation::list_users);
    EXPECT_EQ(error.detail(), "still no");
  }
  EXPECT_EQ(harness.transport->request_count(), 4u);
}

TEST(ApiKeySignIn, SignInIsRetriedAfterTooManyRequests) {
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->push(json_response(429, "", {{"Retry-After", "3"}}));
  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->push(json_response(200, "{}"));

  core.execute(list_call());

  EXPECT_EQ(sign_ins(*harness.transport), 2u);
  EXPECT_EQ(harness.clock->sleeps(), (std::vector<std::chrono::milliseconds>{3000ms}));
}

TEST(ApiKeySignIn, RefusedSignInIsAnAuthenticationErrorOfTheSignIn) {
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->push(json_response(401, R"({"detail":"API key not found"})"));

  try {
    core.execute(list_call());
    ADD_FAILURE() << "no AuthenticationError";
  } catch (const AuthenticationError& error) {
    EXPECT_EQ(error.operation(), Operation::sign_in_with_api_key);
    EXPECT_STREQ(error.what(),
                 "sign_in_with_api_key failed: HTTP 401 Unauthorized: API key not found, is "
                 "incorrect, or the requested user is not found. Server said: API key not found");
  }
  EXPECT_EQ(harness.transport->request_count(), 1u);
}

// Holds every sign-in answer until `expected` threads have asked for a token,
// then a little longer, so that they all pile up behind one sign-in.
class PileUp {
 public:
  explicit PileUp(int expected) : expected_(expected) {}
  void arrive() { ++arrived_; }
  void hold() const {
    while (arrived_.load() < expected_) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(50ms);
  }

 private:
  int expected_;
  std::atomic<int> arrived_{0};
};

TEST(ApiKeySignIn, SixteenThreadsWithAnExpiredTokenSignInOnce) {
  constexpr int kThreads = 16;
  Harness harness;
  ClientCore core(harness.api_key_options());
  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->push(json_response(200, "{}"));
  core.execute(list_call());
  harness.clock->advance(2h);

  PileUp pile_up(kThreads);
  harness.transport->set_fallback([&](const HttpRequest& request) {
    if (!is_sign_in(request)) return json_response(200, "{}");
    pile_up.hold();
    return sign_in_answer(kSecondJwt, 3 * 3600);
  });

  std::vector<std::thread> threads;
  std::atomic<int> succeeded{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      pile_up.arrive();
      core.execute(list_call());
      ++succeeded;
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(succeeded.load(), kThreads);
  EXPECT_EQ(sign_ins(*harness.transport), 2u);  // the first, and one renewal
  auto requests = harness.transport->requests();
  for (std::size_t i = 3; i < requests.size(); ++i) {
    EXPECT_EQ(header_of(requests[i], "Authorization"), std::string("Bearer ") + kSecondJwt);
  }
}

TEST(ApiKeySignIn, FailedSignInFailsEveryWaiterAndTheNextCallTriesAgain) {
  constexpr int kThreads = 16;
  Harness harness;
  ClientCore core(harness.api_key_options());
  PileUp pile_up(kThreads);
  harness.transport->push([&](const HttpRequest&) {
    pile_up.hold();
    return json_response(401, R"({"detail":"API key not found"})");
  });

  std::atomic<int> authentication_errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      pile_up.arrive();
      try {
        core.execute(list_call());
      } catch (const AuthenticationError& error) {
        if (error.operation() == Operation::sign_in_with_api_key) ++authentication_errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(authentication_errors.load(), kThreads);
  EXPECT_EQ(harness.transport->request_count(), 1u);

  harness.transport->push(sign_in_answer(kJwt, 3600));
  harness.transport->push(json_response(200, "{}"));
  core.execute(list_call());
  EXPECT_EQ(sign_ins(*harness.transport), 2u);
}

// The provider alone, with a sign-in that counts its calls.
struct ProviderHarness {
  std::shared_ptr<test::FakeClock> clock = std::make_shared<test::FakeClock>();
  std::atomic<int> sign_ins{0};
  ApiKeyAuthProvider provider{ApiKeyAuth{"sk-SECRET-provider", "id", "user"},
                              "/v1/acme/user/signin_with_api_key",
                              [this](const ApiCall&, const std::vector<HttpHeader>&) {
                                int n = ++sign_ins;
                                return sign_in_answer(n == 1 ? kJwt : kSecondJwt, 3600);
                              },
                              clock,
                              std::make_shared<const Logger>(),
                              std::make_shared<Redactor>()};
};

TEST(ApiKeyProvider, UnauthorizedForAStaleTokenKeepsTheCurrentOne) {
  ProviderHarness harness;
  auto first = harness.provider.authorization_headers();
  EXPECT_TRUE(harness.provider.refresh_after_unauthorized(first));
  auto second = harness.provider.authorization_headers();
  EXPECT_EQ(harness.sign_ins.load(), 2);

  // A late 401 for the first token must not throw away the second.
  EXPECT_TRUE(harness.provider.refresh_after_unauthorized(first));
  EXPECT_EQ(harness.provider.authorization_headers(), second);
  EXPECT_EQ(harness.sign_ins.load(), 2);
}

TEST(ApiKeyProvider, SixteenUnauthorizedForOneTokenCauseOneSignIn) {
  ProviderHarness harness;
  auto rejected = harness.provider.authorization_headers();
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      harness.provider.refresh_after_unauthorized(rejected);
      harness.provider.authorization_headers();
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(harness.sign_ins.load(), 2);
}

TEST(ApiKeyProvider, RequestWithoutAuthorizationIsNotRetried) {
  ProviderHarness harness;
  EXPECT_FALSE(harness.provider.refresh_after_unauthorized({{"X-Other", "1"}}));
}

}  // namespace
}  // namespace amigo::detail

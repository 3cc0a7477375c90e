// Tokens from sign-in: renewed before they expire, and renewed once more when
// the server refuses one the client still thought good.

#include <chrono>
#include <memory>
#include <thread>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::steady_clock;

testing::EmulatorOptions short_lived_tokens(seconds ttl) {
  testing::EmulatorOptions options = unlimited_emulator();
  options.token_ttl = ttl;
  return options;
}

class TokenRenewalTest : public IntegrationTest {
 protected:
  TokenRenewalTest() : IntegrationTest(short_lived_tokens(seconds{2})) {}
};

TEST_F(TokenRenewalTest, CallsSpanningSeveralLifetimesKeepWorking) {
  AmigoClient client(client_options());
  const auto start = steady_clock::now();
  std::uint64_t calls = 0;
  while (steady_clock::now() - start < milliseconds{3'500}) {
    EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers);
    ++calls;
    std::this_thread::sleep_for(milliseconds{50});
  }

  // A token living 2 to 3 s is renewed halfway, so every 1 to 1.5 s: in
  // 3.5 s that is the first sign-in and two or three renewals (a fourth
  // when the last call lands right at a renewal).
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_GE(counters.sign_ins, 3u);
  EXPECT_LE(counters.sign_ins, 5u);
  // Renewed before expiry: the server never refused a token.
  EXPECT_EQ(counters.requests_of("list_users"), calls);
  EXPECT_EQ(ledger().containing("got HTTP 401").size(), 0u);
  EXPECT_EQ(ledger().containing("signed in with an API key").size(), counters.sign_ins);
}

// The client's clock an hour behind the server's: it takes a token living
// one second for one living an hour and never renews it in time, so the
// server is first to say that it has expired.
class ExpiredTokenTest : public IntegrationTest {
 protected:
  ExpiredTokenTest() : IntegrationTest(short_lived_tokens(seconds{1})) {}
};

TEST_F(ExpiredTokenTest, ATokenTheServerRefusesIsRenewedOnceAndTheCallSentAgain) {
  ClientOptions options = client_options();
  options.clock = std::make_shared<RecordingClock>(std::chrono::hours{-1});
  AmigoClient client(options);
  client.user().list_users();
  ASSERT_EQ(emulator().counters().sign_ins, 1u);

  // Expiry is rounded up to a whole second: two seconds are always enough.
  std::this_thread::sleep_for(milliseconds{2'050});
  EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers);

  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.sign_ins, 2u);
  EXPECT_EQ(counters.requests_of("list_users"), 3u);
  EXPECT_EQ(ledger().containing("list_users got HTTP 401; renewing credentials").size(), 1u);
}

class UnauthorizedAnswerTest : public IntegrationTest {};

TEST_F(UnauthorizedAnswerTest, OneRefusedCallIsSentOnceMoreWithANewToken) {
  AmigoClient client(client_options());
  client.user().list_users();
  testing::Fault refused;
  refused.method = "DELETE";
  refused.path = "/v1/demo-org/user/user-noah";
  refused.status = 401;
  emulator().add_fault(refused);

  client.user().delete_user("user-noah");
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.sign_ins, 2u);
  EXPECT_EQ(counters.requests_of("delete_user"), 2u);
  EXPECT_EQ(find_user(client, "user-noah"), std::nullopt);
}

TEST_F(UnauthorizedAnswerTest, ASecondRefusalIsAuthenticationError) {
  AmigoClient client(client_options());
  client.user().list_users();
  testing::Fault refused;
  refused.method = "GET";
  refused.path = "/v1/demo-org/user/";
  refused.status = 401;
  refused.count = -1;
  emulator().add_fault(refused);

  const auto error = expect_thrown<AuthenticationError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->status(), 401);
  EXPECT_EQ(error->operation(), Operation::list_users);
  EXPECT_EQ(error->meaning(), "invalid authorization credentials");
  EXPECT_EQ(error->detail(), "Injected fault: HTTP 401.");
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.sign_ins, 2u);
  EXPECT_EQ(counters.requests_of("list_users"), 3u);
}

}  // namespace
}  // namespace amigo::integration

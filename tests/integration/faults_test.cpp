// Each fault the emulator can inject, ending in the right retry or the right
// exception, and never in a duplicate invite.

#include <chrono>
#include <ctime>
#include <memory>
#include <string>
#include <thread>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;
using testing::Fault;
using testing::FaultAction;

constexpr const char* kUsersPath = "/v1/demo-org/user/";

Fault fault_on(const std::string& method, const std::string& path, FaultAction action) {
  Fault fault;
  fault.method = method;
  fault.path = path;
  fault.action = action;
  return fault;
}

// An IMF-fixdate `ahead` from now, rounded down to the second.
std::string http_date_in(std::chrono::seconds ahead) {
  const std::time_t when =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + ahead);
  std::tm fields{};
  gmtime_r(&when, &fields);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &fields);
  return text;
}

UserInviteRequest grace() {
  UserInviteRequest invite;
  invite.first_name = "Grace";
  invite.last_name = "Hopper";
  invite.email = "grace@example.com";
  invite.role = "DefaultUserRole";
  return invite;
}

class FaultsTest : public IntegrationTest {
 protected:
  FaultsTest() : clock_(std::make_shared<RecordingClock>()), client_(options_with_clock()) {
    client_.user().list_users();  // signed in, so that faults meet the calls under test
  }

  ClientOptions options_with_clock() {
    ClientOptions options = client_options();
    options.clock = clock_;
    return options;
  }

  // The emulator counts a request once it has answered it, which may be just
  // after the client has gone on to its next attempt.
  std::uint64_t requests_once_settled(const std::string& operation, std::uint64_t expected) {
    const auto deadline = steady_clock::now() + milliseconds{2'000};
    std::uint64_t seen = emulator().counters().requests_of(operation);
    while (seen < expected && steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds{5});
      seen = emulator().counters().requests_of(operation);
    }
    return seen;
  }

  std::shared_ptr<RecordingClock> clock_;
  AmigoClient client_;
};

TEST_F(FaultsTest, A503WithRetryAfterInSecondsIsWaitedForAndRetried) {
  Fault unavailable = fault_on("POST", kUsersPath, FaultAction::status);
  unavailable.status = 503;
  unavailable.retry_after = "1";
  emulator().add_fault(unavailable);

  const auto start = steady_clock::now();
  const UserInviteResponse invited = client_.user().invite_user(grace());
  EXPECT_GE(steady_clock::now() - start, milliseconds{1'000});
  EXPECT_FALSE(invited.user_id.empty());
  EXPECT_THAT(clock_->sleeps(), ::testing::ElementsAre(milliseconds{1'000}));
  // Nothing is applied with an injected status, so the retried invite is the only one.
  EXPECT_EQ(emulator().counters().requests_of("invite_user"), 2u);
  EXPECT_EQ(count_with_email(client_, "grace@example.com"), 1u);
}

TEST_F(FaultsTest, A503WithRetryAfterAsAnHttpDateIsWaitedForAndRetried) {
  Fault unavailable = fault_on("GET", kUsersPath, FaultAction::status);
  unavailable.retry_after = http_date_in(std::chrono::seconds{2});
  emulator().add_fault(unavailable);

  const auto start = steady_clock::now();
  EXPECT_EQ(client_.user().list_users().users.size(), kSeededDemoUsers);
  ASSERT_EQ(clock_->sleeps().size(), 1u);
  // Two seconds ahead, rounded down to the second: at most two seconds away
  // when the answer came (about one, unless this machine is very busy).
  EXPECT_GT(clock_->sleeps().front(), milliseconds{0});
  EXPECT_LE(clock_->sleeps().front(), milliseconds{2'000});
  EXPECT_GE(steady_clock::now() - start, clock_->sleeps().front());
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 3u);
}

TEST_F(FaultsTest, AnAnswerSlowerThanTheRequestTimeoutIsTimeoutError) {
  ClientOptions options = client_options();
  options.request_timeout = milliseconds{300};
  options.retry = RetryOptions::none();
  AmigoClient client(options);
  client.user().list_users();
  Fault slow = fault_on("GET", kUsersPath, FaultAction::delay);
  slow.delay = milliseconds{1'000};
  emulator().add_fault(slow);

  const auto error = expect_thrown<TimeoutError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_TRUE(error->request_may_have_been_sent());
}

TEST_F(FaultsTest, ATimedOutListIsRetried) {
  ClientOptions options = options_with_clock();
  options.request_timeout = milliseconds{300};
  AmigoClient client(options);
  Fault slow = fault_on("GET", kUsersPath, FaultAction::delay);
  slow.delay = milliseconds{1'000};
  emulator().add_fault(slow);

  EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers);
  EXPECT_EQ(ledger().containing("list_users attempt 1 of 4 failed").size(), 1u);
}

TEST_F(FaultsTest, AListWhoseConnectionClosesBeforeAnAnswerIsRetried) {
  emulator().add_fault(fault_on("GET", kUsersPath, FaultAction::close_before));
  EXPECT_EQ(client_.user().list_users().users.size(), kSeededDemoUsers);
  // Sent again at once by libcurl, which resends a GET whose reused
  // connection died before any answer, or else by the client after a wait.
  EXPECT_EQ(requests_once_settled("list_users", 3), 3u);
  EXPECT_LE(clock_->sleeps().size(), 1u);
}

TEST_F(FaultsTest, ASignInWhoseConnectionClosesBeforeAnAnswerIsRetried) {
  emulator().add_fault(
      fault_on("POST", "/v1/demo-org/user/signin_with_api_key", FaultAction::close_before));
  auto clock = std::make_shared<RecordingClock>();
  ClientOptions options = client_options();
  options.clock = clock;
  AmigoClient fresh(options);
  EXPECT_EQ(fresh.user().list_users().users.size(), kSeededDemoUsers);
  EXPECT_EQ(clock->sleeps().size(), 1u);
  EXPECT_EQ(requests_once_settled("sign_in", 3), 3u);  // the fixture's, the closed one, the retry
  EXPECT_EQ(emulator().counters().sign_ins, 2u);
}

TEST_F(FaultsTest, AnUpdateWhoseAnswerIsLostIsRetriedAndAppliedOnce) {
  emulator().add_fault(fault_on("POST", "/v1/demo-org/user/user-noah", FaultAction::close_after));
  UserUpdateRequest update;
  update.first_name = "Noam";
  update.timezone = "Asia/Jerusalem";
  client_.user().update_user("user-noah", update);

  // Retried by the client: libcurl is not allowed to resend a request body.
  EXPECT_EQ(clock_->sleeps().size(), 1u);
  EXPECT_EQ(requests_once_settled("update_user", 2), 2u);
  const auto user = find_user(client_, "user-noah");
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->first_name, "Noam");
  EXPECT_EQ(user->last_name, "Smith");
  EXPECT_EQ(user->preferences.timezone, "Asia/Jerusalem");
}

TEST_F(FaultsTest, ADeleteWhoseAnswerIsLostSucceedsWhenTheRetryFindsTheUserGone) {
  // A connection already open, which libcurl would otherwise use and, when
  // it closed, silently send the delete again on.
  ASSERT_EQ(client_.user().list_users().users.size(), kSeededDemoUsers);
  emulator().add_fault(fault_on("DELETE", "/v1/demo-org/user/user-noah", FaultAction::close_after));

  client_.user().delete_user("user-noah");

  // Retried by the client, not by libcurl: the retry's 404 follows a lost answer.
  EXPECT_EQ(clock_->sleeps().size(), 1u);
  EXPECT_EQ(requests_once_settled("delete_user", 2), 2u);
  EXPECT_EQ(ledger()
                .containing("delete_user attempt 2 got HTTP 404 after an earlier attempt's "
                            "answer was lost: it was already gone")
                .size(),
            1u);
  EXPECT_FALSE(find_user(client_, "user-noah").has_value());
}

TEST_F(FaultsTest, AnInviteWhoseAnswerIsLostIsNotSentAgain) {
  emulator().add_fault(fault_on("POST", kUsersPath, FaultAction::close_after));
  const auto error = expect_thrown<TransportError>([&] { client_.user().invite_user(grace()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_TRUE(error->request_may_have_been_sent());
  EXPECT_TRUE(clock_->sleeps().empty());
  EXPECT_EQ(ledger().containing("invite_user failed and is not retried").size(), 1u);

  // The server made the user; the client did not make a second one.
  EXPECT_EQ(count_with_email(client_, "grace@example.com"), 1u);
  EXPECT_EQ(requests_once_settled("invite_user", 1), 1u);
}

TEST_F(FaultsTest, ATruncatedListAnswerIsDecodeError) {
  emulator().add_fault(fault_on("GET", kUsersPath, FaultAction::truncated_body));
  const auto error = expect_thrown<DecodeError>([&] { client_.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->operation(), Operation::list_users);
  EXPECT_EQ(error->status(), 200);
  EXPECT_EQ(error->field().rfind("users[", 0), 0u) << error->field();
  const std::string what = error->what();
  EXPECT_NE(
      what.find("list_users succeeded (HTTP 200) but its answer could not be read at 'users["),
      std::string::npos)
      << what;
  EXPECT_NE(what.find("the body is not valid JSON (error at byte "), std::string::npos) << what;
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 2u);
}

TEST_F(FaultsTest, ATruncatedInviteAnswerIsDecodeErrorAndTheUserExistsOnce) {
  emulator().add_fault(fault_on("POST", kUsersPath, FaultAction::truncated_body));
  const auto error = expect_thrown<DecodeError>([&] { client_.user().invite_user(grace()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->operation(), Operation::invite_user);
  EXPECT_EQ(error->status(), 201);
  EXPECT_EQ(count_with_email(client_, "grace@example.com"), 1u);
}

TEST_F(FaultsTest, AnHtmlErrorPageIsServerErrorWithItsText) {
  emulator().add_fault(fault_on("GET", kUsersPath, FaultAction::html_body));
  const auto error = expect_thrown<ServerError>([&] { client_.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(dynamic_cast<const ServiceUnavailableError*>(&*error), nullptr);
  EXPECT_EQ(error->status(), 502);
  EXPECT_EQ(error->operation(), Operation::list_users);
  EXPECT_EQ(error->detail(), "(non-JSON body) 502 Bad Gateway 502 Bad Gateway nginx");
  EXPECT_EQ(std::string(error->what()).find('<'), std::string::npos) << error->what();
  // 502 is not one of the statuses retried.
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 2u);
}

class RefusedConnectionTest : public IntegrationTest {};

TEST_F(RefusedConnectionTest, NothingListeningIsTransportErrorThatCertainlyNeverLeft) {
  auto clock = std::make_shared<RecordingClock>();
  ClientOptions options = client_options();
  options.base_url = "http://127.0.0.1:" + std::to_string(unused_port());
  options.clock = clock;
  AmigoClient client(options);

  const auto error = expect_thrown<TransportError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_FALSE(error->request_may_have_been_sent());
  EXPECT_NE(std::string(error->what()).find("Couldn't connect to server"), std::string::npos)
      << error->what();
  // Four attempts in all, three waits between them.
  EXPECT_EQ(clock->sleeps().size(), 3u);
}

TEST_F(RefusedConnectionTest, AnInviteThatCouldNotBeSentIsSentOnceTheServerIsBack) {
  testing::EmulatorOptions server_options = unlimited_emulator();
  auto first = std::make_unique<testing::Emulator>(server_options);
  server_options.port = first->port();

  auto clock = std::make_shared<RecordingClock>();
  ClientOptions options = client_options();
  options.base_url = first->base_url();
  options.clock = clock;
  AmigoClient client(options);
  client.user().list_users();
  first.reset();

  // The server comes back, with new signing keys, while the client waits to retry.
  std::unique_ptr<testing::Emulator> second;
  clock->on_sleep([&](std::size_t sleeps) {
    if (sleeps == 1) second = std::make_unique<testing::Emulator>(server_options);
  });
  const UserInviteResponse invited = client.user().invite_user(grace());
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(ledger().containing("invite_user attempt 1 of 4 failed").size(), 1u);

  EXPECT_EQ(count_with_email(client, "grace@example.com"), 1u);
  EXPECT_EQ(find_user(client, invited.user_id)->email, "grace@example.com");
  // One invite the new server refused for the old server's token, then the one that landed.
  const testing::EmulatorCounters counters = second->counters();
  EXPECT_EQ(counters.requests_of("invite_user"), 2u);
  EXPECT_EQ(counters.sign_ins, 1u);
}

}  // namespace
}  // namespace amigo::integration

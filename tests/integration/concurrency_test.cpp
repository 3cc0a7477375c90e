// Sixteen threads share one client, each inviting, reading, changing and
// deleting users of its own while the token expires and is renewed under them.
// Also run under ThreadSanitizer, so it is bounded by time as well as by count.

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr int kThreads = 16;
constexpr int kMaxRoundsPerThread = 200;
// Longer than a token's life, so that every run renews it at least once.
constexpr milliseconds kRunFor{3'000};

testing::EmulatorOptions two_second_tokens() {
  testing::EmulatorOptions options = unlimited_emulator();
  options.token_ttl = std::chrono::seconds{2};
  return options;
}

std::string email_of(int thread, int round) {
  return "worker-" + std::to_string(thread) + "-" + std::to_string(round) + "@example.com";
}

std::string name_of(int thread, int round) {
  return "Worker" + std::to_string(thread) + "r" + std::to_string(round);
}

class ConcurrencySharedClientTest : public IntegrationTest {
 protected:
  ConcurrencySharedClientTest() : IntegrationTest(two_second_tokens()) {}

  // One round of one thread: a user of its own through every operation.
  // Returns the new user's id; the user of the round before is deleted.
  std::string one_round(UserService& users, int thread, int round, const std::string& previous) {
    UserInviteRequest invite;
    invite.first_name = "Worker";
    invite.last_name = std::to_string(thread);
    invite.email = email_of(thread, round);
    invite.role = "DefaultUserRole";
    const std::string id = users.invite_user(invite).user_id;

    ListUsersRequest by_email;
    by_email.emails = {invite.email};
    expect(ids_of(users.list_users(by_email).users) == std::vector<std::string>{id},
           "the invited user is listed by email");

    UserUpdateRequest update;
    update.first_name = name_of(thread, round);
    update.timezone =
        round % 2 == 0 ? Field<std::string>("Europe/Berlin") : Field<std::string>(null);
    users.update_user(id, update);

    ListUsersRequest by_id;
    by_id.user_ids = {id};
    const UserPage page = users.list_users(by_id);
    expect(page.users.size() == 1 && page.users[0].first_name == name_of(thread, round),
           "the update is read back");

    if (!previous.empty()) users.delete_user(previous);
    return id;
  }

  void expect(bool condition, const char* what) {
    if (condition) return;
    std::lock_guard lock(mutex_);
    problems_.emplace_back(what);
  }

  void fail(std::string problem) {
    std::lock_guard lock(mutex_);
    problems_.push_back(std::move(problem));
  }

  std::mutex mutex_;
  std::vector<std::string> problems_;
};

TEST_F(ConcurrencySharedClientTest, SixteenThreadsShareOneClientWhileTheTokenIsRenewed) {
  ClientOptions options = client_options();
  options.log_level = LogLevel::info;
  AmigoClient client(options);

  std::vector<std::string> survivors(kThreads);
  std::vector<int> rounds(kThreads, 0);
  const auto start = steady_clock::now();
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      std::string previous;
      try {
        while (rounds[thread] < kMaxRoundsPerThread &&
               (rounds[thread] < 2 || steady_clock::now() - start < kRunFor)) {
          previous = one_round(client.user(), thread, rounds[thread], previous);
          ++rounds[thread];
        }
      } catch (const Error& error) {
        ledger().record(error.what());
        fail("thread " + std::to_string(thread) + ", round " + std::to_string(rounds[thread]) +
             ": " + error.what());
      }
      survivors[thread] = previous;
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(steady_clock::now() - start).count();

  EXPECT_THAT(problems_, ::testing::IsEmpty());

  // What is left: the seed, and the last user of each thread as it last wrote it.
  ListUsersRequest everyone;
  std::vector<User> remaining;
  for (const User& user : client.user().list_all_users(everyone)) remaining.push_back(user);
  EXPECT_EQ(remaining.size(), kSeededDemoUsers + kThreads);
  for (int thread = 0; thread < kThreads; ++thread) {
    const auto user = find_user(client, survivors[thread]);
    ASSERT_TRUE(user.has_value()) << "thread " << thread;
    const int last = rounds[thread] - 1;
    EXPECT_EQ(user->first_name, name_of(thread, last));
    EXPECT_EQ(user->email, email_of(thread, last));
    EXPECT_EQ(user->preferences.timezone,
              last % 2 == 0 ? std::optional<std::string>("Europe/Berlin") : std::nullopt);
  }

  // A token lives 2 to 3 s and is renewed halfway: one sign-in, then at most
  // one a second, however many threads wanted a token at that moment.
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_GE(counters.sign_ins, 2u);
  EXPECT_LE(static_cast<double>(counters.sign_ins), seconds + 2.0);
  EXPECT_EQ(ledger().containing("got HTTP 401").size(), 0u);
}

}  // namespace
}  // namespace amigo::integration

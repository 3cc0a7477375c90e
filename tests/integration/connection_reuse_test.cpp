// One sign-in serves many calls, and each calling thread keeps one connection.

#include <atomic>
#include <thread>
#include <vector>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

class ConnectionReuseTest : public IntegrationTest {};

TEST_F(ConnectionReuseTest, TwoHundredCallsNeedOneSignIn) {
  AmigoClient client(client_options());
  for (int call = 0; call < 200; ++call) {
    ListUsersRequest query;
    query.user_ids = {kMember};
    ASSERT_EQ(client.user().list_users(query).users.size(), 1u) << "call " << call;
  }
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.sign_ins, 1u);
  EXPECT_EQ(counters.requests_of("sign_in"), 1u);
  EXPECT_EQ(counters.requests_of("list_users"), 200u);
}

TEST_F(ConnectionReuseTest, AThousandSequentialCallsUseOneConnection) {
  ClientOptions options = client_options();
  options.log_level = LogLevel::info;  // a thousand debug lines say nothing new
  AmigoClient client(options);
  for (int call = 0; call < 1000; ++call) {
    ListUsersRequest query;
    query.limit = 1;
    ASSERT_EQ(client.user().list_users(query).users.size(), 1u) << "call " << call;
  }
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.requests_of("list_users"), 1000u);
  EXPECT_EQ(counters.tcp_connections, 1u);
}

// Threads, so ThreadSanitizer runs this too.
class ConcurrencyConnectionsTest : public IntegrationTest {};

TEST_F(ConcurrencyConnectionsTest, FourThreadsUseAtMostFourConnections) {
  ClientOptions options = client_options();
  options.log_level = LogLevel::info;
  AmigoClient client(options);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&] {
      for (int call = 0; call < 250; ++call) {
        try {
          ListUsersRequest query;
          query.limit = 1;
          if (client.user().list_users(query).users.size() != 1) ++failures;
        } catch (const Error& error) {
          ledger().record(error.what());
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(failures.load(), 0);
  const testing::EmulatorCounters counters = emulator().counters();
  EXPECT_EQ(counters.requests_of("list_users"), 1000u);
  EXPECT_GE(counters.tcp_connections, 1u);
  EXPECT_LE(counters.tcp_connections, 4u);
  EXPECT_EQ(counters.sign_ins, 1u);
}

}  // namespace
}  // namespace amigo::integration

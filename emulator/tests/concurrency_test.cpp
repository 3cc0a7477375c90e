#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;

TEST(Concurrency, ParallelClientsSeeConsistentState) {
  EmulatorOptions options;
  options.rate_limits = false;
  Emulator emulator(options);
  emulator.generate_users(kOrg, 500);
  constexpr int kThreads = 4;
  constexpr int kInvitesEach = 25;

  std::atomic<int> created{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      WireClient client(emulator);
      for (int i = 0; i < kInvitesEach; ++i) {
        const std::string email =
            "t" + std::to_string(t) + "-" + std::to_string(i) + "@example.com";
        const auto invited = client.invite(invite_body(email));
        const auto listed = client.list("limit=100&sort_by=-email");
        if (!invited || invited->status != 201 || !listed || listed->status != 200) {
          ++failures;
          continue;
        }
        ++created;
        const std::string user_id = body_of(invited)["user_id"];
        if (client.update(user_id, {{"first_name", "Renamed"}})->status != 204) ++failures;
        if (i % 2 == 0 && client.remove(user_id)->status != 204) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(failures, 0);
  EXPECT_EQ(created, kThreads * kInvitesEach);
  WireClient client(emulator);
  const auto page = body_of(client.list("limit=100&continuation_token=500&sort_by=email"));
  // 9 seeded and 500 generated users, and the 48 invited users with an odd index.
  EXPECT_EQ(page["users"].size(), 9u + 48u);
}

}  // namespace
}  // namespace amigo::emulator::test

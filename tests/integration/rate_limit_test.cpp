// The emulator's rate limiter with a minute two seconds long: the client
// waits out each 429 as Retry-After says, so every call succeeds in the end.

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

using std::chrono::milliseconds;

constexpr double kMinutesPerTwoSeconds = 30.0;

testing::EmulatorOptions fast_minutes() {
  testing::EmulatorOptions options;
  options.rate_limits = true;
  options.time_scale = kMinutesPerTwoSeconds;
  return options;
}

class RateLimitTest : public IntegrationTest {
 protected:
  RateLimitTest() : IntegrationTest(fast_minutes()) {}
};

TEST_F(RateLimitTest, SeventyListCallsInARowAllSucceed) {
  std::mutex mutex;
  std::vector<RateLimitInfo> reports;
  auto clock = std::make_shared<RecordingClock>();
  ClientOptions options = client_options();
  options.clock = clock;
  options.on_rate_limit = [&](const RateLimitInfo& info) {
    std::lock_guard lock(mutex);
    if (info.operation == Operation::list_users) reports.push_back(info);
  };
  AmigoClient client(options);

  for (int call = 0; call < 70; ++call) {
    EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers) << "call " << call;
  }

  // The sixty-first call met the limit, waited for the next window and went through.
  const std::uint64_t sent = emulator().counters().requests_of("list_users");
  EXPECT_GT(sent, 70u);
  ASSERT_FALSE(clock->sleeps().empty());
  EXPECT_GT(clock->sleeps().front(), milliseconds{0});
  EXPECT_LE(clock->sleeps().front(), milliseconds{2'000});

  // Every answer reported the window: remaining went down from 59 to 0, then the 429.
  std::lock_guard lock(mutex);
  ASSERT_EQ(reports.size(), sent);
  for (std::size_t i = 0; i < 60; ++i) {
    EXPECT_EQ(reports[i].limit, 60) << "answer " << i;
    EXPECT_EQ(reports[i].remaining, static_cast<long>(59 - i)) << "answer " << i;
    ASSERT_TRUE(reports[i].reset.has_value());
    EXPECT_LE(*reports[i].reset, milliseconds{2'000});
  }
  EXPECT_EQ(reports[60].remaining, 0);
  EXPECT_EQ(reports[61].remaining, 59);
  EXPECT_EQ(emulator().counters().sign_ins, 1u);
}

}  // namespace
}  // namespace amigo::integration

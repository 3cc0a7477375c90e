#include "retry.hpp"

#include <gtest/gtest.h>

#include <string>

namespace amigo::detail {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// 2027-01-15T08:00:00Z, a Friday.
const std::chrono::system_clock::time_point kNow{seconds{1'800'000'000}};
constexpr milliseconds kMaxWait{60'000};

struct RetryAfterCase {
  std::string value;
  std::optional<milliseconds> expected;
};

TEST(RetryAfterParsing, DeltaSecondsDatesAndGarbage) {
  const std::vector<RetryAfterCase> cases = {
      {"120", milliseconds{60'000}},  // clamped to max_retry_after
      {"2", milliseconds{2000}},
      {" 3 ", milliseconds{3000}},
      {"0", milliseconds{0}},
      {"0.5", milliseconds{500}},
      {"1.25", milliseconds{1250}},
      {"-5", milliseconds{0}},
      {"99999999999", kMaxWait},
      {std::string(400, '9'), kMaxWait},
      {"Fri, 15 Jan 2027 08:00:30 GMT", milliseconds{30'000}},
      {"Friday, 15-Jan-27 08:00:45 GMT", milliseconds{45'000}},
      {"Fri Jan 15 08:00:10 2027", milliseconds{10'000}},
      {"Fri, 15 Jan 2027 07:00:00 GMT", milliseconds{0}},  // already past
      {"Sat, 16 Jan 2027 08:00:00 GMT", kMaxWait},         // a day away
      {"soon", std::nullopt},
      {"", std::nullopt},
      {"1e3", std::nullopt},
      {"inf", std::nullopt},
      {"5 seconds", std::nullopt},
      {"Fri, 15 Jan 2027 08:00:30", std::nullopt},
      {"Fri, 15 Jan 2027 08:00: GMT", std::nullopt},       // no seconds
      {"Mon, 01 Jan 0244 00:00:00 GMT", milliseconds{0}},  // centuries past
      {"Fri, 31 Dec 9999 23:59:59 GMT", kMaxWait},         // centuries away
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("Retry-After: " + c.value.substr(0, 40));
    EXPECT_EQ(parse_retry_after(c.value, kNow, kMaxWait), c.expected);
  }
}

TEST(RetryBackoff, CeilingDoublesUpToTheMaximum) {
  RetryOptions options;  // 250 ms initial, 20 s maximum
  EXPECT_EQ(backoff_ceiling(options, 1), milliseconds{250});
  EXPECT_EQ(backoff_ceiling(options, 2), milliseconds{500});
  EXPECT_EQ(backoff_ceiling(options, 3), milliseconds{1000});
  EXPECT_EQ(backoff_ceiling(options, 7), milliseconds{16'000});
  EXPECT_EQ(backoff_ceiling(options, 8), milliseconds{20'000});
  EXPECT_EQ(backoff_ceiling(options, 1000), milliseconds{20'000});
}

TEST(RetryBackoff, FullJitterStaysWithinZeroAndTheCeiling) {
  RetryOptions options;
  EXPECT_EQ(backoff_delay(options, 3, 0.0), milliseconds{0});
  EXPECT_EQ(backoff_delay(options, 3, 0.5), milliseconds{500});
  EXPECT_EQ(backoff_delay(options, 3, 0.9999), milliseconds{999});
  EXPECT_EQ(backoff_delay(options, 20, 0.9999), milliseconds{19'998});
  EXPECT_EQ(backoff_delay(options, 1, 7.0), milliseconds{250});  // out-of-range input clamped
}

TEST(RetryBackoff, HugeMaximumDoesNotOverflow) {
  RetryOptions options;
  options.initial_backoff = milliseconds{1};
  options.max_backoff = milliseconds::max();
  EXPECT_EQ(backoff_ceiling(options, 2), milliseconds{2});
  EXPECT_GT(backoff_ceiling(options, 200), milliseconds{0});
}

TEST(RetryRules, OnlyTooManyRequestsAndUnavailableAreRetriedByStatus) {
  for (int status : {429, 503}) EXPECT_TRUE(is_retryable_status(status)) << status;
  for (int status : {200, 400, 401, 403, 404, 409, 422, 500, 502, 504}) {
    EXPECT_FALSE(is_retryable_status(status)) << status;
  }
}

TEST(RetryRules, TransportFailuresRetriedExceptAnInviteThatMayHaveLeft) {
  TransportError sent("reset", true);
  TransportError not_sent("refused", false);
  for (Operation operation : {Operation::sign_in_with_api_key, Operation::list_users,
                              Operation::update_user, Operation::delete_user}) {
    SCOPED_TRACE(std::string(to_string(operation)));
    EXPECT_TRUE(may_retry_after_transport_failure(operation, sent));
    EXPECT_TRUE(may_retry_after_transport_failure(operation, not_sent));
  }
  EXPECT_FALSE(may_retry_after_transport_failure(Operation::invite_user, sent));
  EXPECT_TRUE(may_retry_after_transport_failure(Operation::invite_user, not_sent));
}

TEST(RetryRules, NoneMeansASingleAttempt) { EXPECT_EQ(RetryOptions::none().max_attempts, 1); }

}  // namespace
}  // namespace amigo::detail

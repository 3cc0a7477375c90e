// The import's pacing rules, on a clock the test moves by hand.

#include <gtest/gtest.h>

#include "invite_pacer.hpp"

namespace amigo_users {
namespace {

using std::chrono::milliseconds;
using Clock = InvitePacer::Clock;

const Clock::time_point kStart = Clock::time_point{} + std::chrono::hours(1);

amigo::RateLimitInfo window(long limit, long remaining, milliseconds reset) {
  amigo::RateLimitInfo info;
  info.operation = amigo::Operation::invite_user;
  info.limit = limit;
  info.remaining = remaining;
  info.reset = reset;
  return info;
}

TEST(InvitePacerTest, TheFirstInviteGoesAtOnce) {
  const InvitePacer pacer(50);

  EXPECT_LE(pacer.next_send_time(), kStart);
}

TEST(InvitePacerTest, WithoutHeadersInvitesAreSpacedEvenly) {
  InvitePacer pacer(50);

  pacer.on_send(kStart);
  pacer.observe(amigo::RateLimitInfo{}, kStart + milliseconds(5));

  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(1200));
}

TEST(InvitePacerTest, WhileTheWindowHasRoomTheNextGoesAsSoonAsTheAnswerIsIn) {
  InvitePacer pacer(50);

  pacer.on_send(kStart);
  pacer.observe(window(50, 49, milliseconds(60'000)), kStart + milliseconds(5));

  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(5));
}

TEST(InvitePacerTest, AnExhaustedWindowWaitsForItsReset) {
  InvitePacer pacer(50);

  pacer.on_send(kStart);
  pacer.observe(window(50, 0, milliseconds(700)), kStart + milliseconds(5));

  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(5 + 700 + 3));
}

TEST(InvitePacerTest, ALowerRateCapsEachWindowOfAGenerousServer) {
  InvitePacer pacer(20);

  pacer.observe(window(50, 31, milliseconds(900)), kStart);
  EXPECT_EQ(pacer.next_send_time(), kStart);

  pacer.observe(window(50, 30, milliseconds(800)), kStart + milliseconds(100));
  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(100 + 800 + 3));
}

TEST(InvitePacerTest, HeadersWithoutAResetFallBackToEvenSpacing) {
  InvitePacer pacer(60);
  amigo::RateLimitInfo no_reset = window(60, 10, milliseconds(0));
  no_reset.reset.reset();

  pacer.observe(no_reset, kStart);
  pacer.on_send(kStart + milliseconds(10));

  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(10 + 1000));
}

TEST(InvitePacerTest, ARefusalWaitsForRetryAfter) {
  InvitePacer pacer(50);

  pacer.on_refused(milliseconds(2500), kStart);

  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(2500));
}

TEST(InvitePacerTest, ARefusalWithoutRetryAfterWaitsTheEvenSpacing) {
  InvitePacer pacer(30);

  pacer.on_refused(std::nullopt, kStart);

  EXPECT_EQ(pacer.next_send_time(), kStart + milliseconds(2000));
}

}  // namespace
}  // namespace amigo_users

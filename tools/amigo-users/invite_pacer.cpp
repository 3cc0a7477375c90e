#include "invite_pacer.hpp"

#include <algorithm>

namespace amigo_users {
namespace {

// The reset is rounded to whole milliseconds on the way in; arriving a hair
// late costs nothing, arriving early costs a 429 and its Retry-After.
constexpr std::chrono::milliseconds kResetMargin{3};

}  // namespace

InvitePacer::InvitePacer(int invites_per_minute)
    : invites_per_minute_(std::max(invites_per_minute, 1)),
      fixed_spacing_(std::chrono::duration_cast<Clock::duration>(std::chrono::minutes(1)) /
                     invites_per_minute_) {}

void InvitePacer::observe(const amigo::RateLimitInfo& info, Clock::time_point now) {
  if (!info.remaining || !info.reset) {
    server_paces_ = false;
    return;
  }
  server_paces_ = true;

  // How much of the window has gone, by the server's count: that includes
  // invites from other clients acting as the same user.
  const long used = info.limit ? *info.limit - *info.remaining : 0;
  const bool window_full = *info.remaining <= 0 || used >= invites_per_minute_;
  next_send_ = window_full ? now + *info.reset + kResetMargin : now;
}

void InvitePacer::on_send(Clock::time_point now) {
  // The headers of this invite's answer will say when the next may go; until
  // they do (and for servers that never send them) keep the fixed pace.
  if (!server_paces_) next_send_ = now + fixed_spacing_;
}

void InvitePacer::on_refused(std::optional<std::chrono::milliseconds> retry_after,
                             Clock::time_point now) {
  const Clock::time_point earliest = now + (retry_after ? *retry_after : fixed_spacing_);
  next_send_ = std::max(next_send_, earliest);
}

}  // namespace amigo_users

#pragma once

// When the next invite of an import may go out.
//
// The server says how much of its rate-limit window is left with every answer
// (X-RateLimit-Remaining, and X-RateLimit-Reset: how long until the window
// starts over). While the window has room the import sends as fast as answers
// come; once it has used the whole window, or --rate invites of it, it waits
// for the reset. So the pace follows the server's clock, whatever a "minute"
// is there. Without those headers it falls back to a fixed 60/rate seconds
// between invites.

#include <chrono>
#include <optional>

#include <amigo/amigo.hpp>

namespace amigo_users {

class InvitePacer {
 public:
  using Clock = std::chrono::steady_clock;

  /// `invites_per_minute` caps each server window, and sets the fixed pace
  /// used when the server sends no rate-limit headers.
  explicit InvitePacer(int invites_per_minute);

  /// The rate-limit headers of an invite_user answer, received at `now`.
  void observe(const amigo::RateLimitInfo& info, Clock::time_point now);

  /// An invite is going out at `now`.
  void on_send(Clock::time_point now);

  /// The server refused an invite with 429 even after the SDK's retries: send
  /// nothing before `retry_after` has passed (or the fixed pace, if unknown).
  void on_refused(std::optional<std::chrono::milliseconds> retry_after, Clock::time_point now);

  /// The earliest time the next invite may go.
  [[nodiscard]] Clock::time_point next_send_time() const noexcept { return next_send_; }

 private:
  int invites_per_minute_;
  Clock::duration fixed_spacing_;
  Clock::time_point next_send_{};
  bool server_paces_ = false;
};

}  // namespace amigo_users

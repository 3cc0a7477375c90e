#pragma once

// Ctrl-C during an import: the first one raises a flag (and says so); the
// import loop finishes the row in flight, journals it, and stops. A second
// Ctrl-C exits with 130 at once.

#include <chrono>

namespace amigo_users {

/// Catches SIGINT from now on.
void catch_interrupt();

/// True once SIGINT arrived.
bool interrupted();

/// Sleeps until `deadline`, waking early on SIGINT; returns false if interrupted.
bool sleep_until(std::chrono::steady_clock::time_point deadline);

}  // namespace amigo_users

#include "interrupt.hpp"

#include <algorithm>
#include <csignal>
#include <thread>

namespace amigo_users {
namespace {

volatile std::sig_atomic_t interrupt_received = 0;

extern "C" void on_interrupt(int /*signal*/) { interrupt_received = 1; }

// Short enough that Ctrl-C feels immediate, long enough to cost nothing.
constexpr std::chrono::milliseconds kSleepSlice{50};

}  // namespace

void catch_interrupt() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // Restart interrupted system calls, so the request in flight completes.
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
}

bool interrupted() { return interrupt_received != 0; }

bool sleep_until(std::chrono::steady_clock::time_point deadline) {
  while (!interrupted()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return true;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(deadline - now, kSleepSlice));
  }
  return false;
}

}  // namespace amigo_users

#include "interrupt.hpp"

#include <algorithm>
#include <csignal>
#include <thread>

#include <unistd.h>

#include "exit_codes.hpp"

namespace amigo_users {
namespace {

volatile std::sig_atomic_t interrupt_received = 0;

constexpr char kFirstInterruptNote[] =
    "Stopping after the current row; press Ctrl-C again to stop at once.\n";

// The SDK's retry waits cannot be cut short, so a second Ctrl-C ends the
// process there and then. That is safe: each row is journaled "pending"
// before its invite is sent, and a rerun asks the server about such rows.
// Only async-signal-safe calls (write, _exit) are made here.
extern "C" void on_interrupt(int /*signal*/) {
  if (interrupt_received != 0) _exit(kExitInterrupted);
  interrupt_received = 1;
  const ssize_t ignored = write(STDERR_FILENO, kFirstInterruptNote, sizeof kFirstInterruptNote - 1);
  static_cast<void>(ignored);
}

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

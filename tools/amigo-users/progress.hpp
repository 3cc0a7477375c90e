#pragma once

// Import progress on stderr: a bar redrawn in place on a terminal, a plain
// line every few rows otherwise (logs, CI). Our own: Debian packages no C++
// progress-bar library, and this needs only a few lines.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace amigo_users {

class ImportProgress {
 public:
  /// `total`: the rows this run will send. `terminal`: draw a bar rather than lines.
  ImportProgress(std::FILE* out, std::size_t total, bool terminal);

  /// One more row is done.
  void advance();

  /// Ends the bar's line; call once before printing anything else.
  void finish();

  /// Prints a message on its own line without breaking the bar.
  void note(const std::string& message);

 private:
  void draw();
  void print_line();
  [[nodiscard]] double rows_per_minute() const;

  std::FILE* out_;
  std::size_t total_;
  std::size_t done_ = 0;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace amigo_users

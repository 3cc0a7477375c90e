#include "progress.hpp"

#include <cmath>
#include <string>

namespace amigo_users {
namespace {

constexpr std::size_t kBarWidth = 30;
constexpr std::size_t kLineEvery = 10;
// Redrawing faster than the eye can follow only costs writes.
constexpr std::chrono::milliseconds kRedrawInterval{100};

std::string duration_text(double seconds) {
  const long whole = std::lround(seconds);
  char text[32];
  if (whole >= 3600) {
    std::snprintf(text, sizeof text, "%ldh%02ldm", whole / 3600, whole / 60 % 60);
  } else if (whole >= 60) {
    std::snprintf(text, sizeof text, "%ldm%02lds", whole / 60, whole % 60);
  } else {
    std::snprintf(text, sizeof text, "%lds", whole);
  }
  return text;
}

}  // namespace

ImportProgress::ImportProgress(std::FILE* out, std::size_t total, bool terminal)
    : out_(out), total_(total), terminal_(terminal), started_(std::chrono::steady_clock::now()) {
  if (terminal_ && total_ > 0) draw();
}

void ImportProgress::advance() {
  ++done_;
  if (terminal_) {
    const auto now = std::chrono::steady_clock::now();
    if (done_ == total_ || now - last_draw_ >= kRedrawInterval) draw();
  } else if (done_ % kLineEvery == 0 || done_ == total_) {
    print_line();
  }
}

void ImportProgress::finish() {
  if (terminal_ && drawn_) {
    draw();
    std::fputc('\n', out_);
    drawn_ = false;
  }
  std::fflush(out_);
}

void ImportProgress::note(const std::string& message) {
  // \033[K clears what is left of the bar to the right of the message.
  if (terminal_ && drawn_) std::fputs("\r\033[K", out_);
  std::fputs(message.c_str(), out_);
  std::fputc('\n', out_);
  if (terminal_ && drawn_) draw();
  std::fflush(out_);
}

double ImportProgress::rows_per_minute() const {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
  return elapsed.count() > 0 ? static_cast<double>(done_) * 60.0 / elapsed.count() : 0.0;
}

void ImportProgress::draw() {
  const std::size_t filled = total_ == 0 ? kBarWidth : done_ * kBarWidth / total_;
  const std::string bar = std::string(filled, '#') + std::string(kBarWidth - filled, '-');
  const double rate = rows_per_minute();
  const std::string eta = done_ > 0 && rate > 0
                              ? duration_text(static_cast<double>(total_ - done_) * 60.0 / rate)
                              : "?";
  std::fprintf(out_, "\r[%s] %zu/%zu  %.0f/min  ETA %s\033[K", bar.c_str(), done_, total_, rate,
               eta.c_str());
  std::fflush(out_);
  drawn_ = true;
  last_draw_ = std::chrono::steady_clock::now();
}

void ImportProgress::print_line() {
  const double rate = rows_per_minute();
  const std::string eta =
      rate > 0 ? duration_text(static_cast<double>(total_ - done_) * 60.0 / rate) : "?";
  std::fprintf(out_, "imported %zu/%zu (%.0f/min, ETA %s)\n", done_, total_, rate, eta.c_str());
  std::fflush(out_);
}

}  // namespace amigo_users

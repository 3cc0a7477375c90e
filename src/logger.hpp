#pragma once

// The client's logging: silent unless the user gave a sink, formats a line
// only when its level is on, and redacts every line before the sink sees it.

#include <memory>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "amigo/options.hpp"
#include "redaction.hpp"

namespace amigo::detail {

class Logger {
 public:
  Logger() = default;
  Logger(LogSink sink, LogLevel level, std::shared_ptr<const Redactor> redactor);

  [[nodiscard]] bool enabled(LogLevel level) const noexcept {
    return sink_ && level != LogLevel::off && level >= level_;
  }

  template <typename... Args>
  void log(LogLevel level, fmt::format_string<Args...> format, Args&&... args) const {
    if (!enabled(level)) return;
    write(level, fmt::format(format, std::forward<Args>(args)...));
  }

 private:
  void write(LogLevel level, const std::string& line) const;

  LogSink sink_;
  LogLevel level_ = LogLevel::off;
  std::shared_ptr<const Redactor> redactor_;
};

}  // namespace amigo::detail

#include "logger.hpp"

namespace amigo::detail {

Logger::Logger(LogSink sink, LogLevel level, std::shared_ptr<const Redactor> redactor)
    : sink_(std::move(sink)), level_(level), redactor_(std::move(redactor)) {}

void Logger::write(LogLevel level, const std::string& line) const {
  std::string redacted = redactor_ ? redactor_->redact(line) : redact_credential_patterns(line);
  try {
    sink_(level, redacted);
  } catch (...) {
    // A log line is never worth failing a request for, least of all one the
    // server has already carried out.
  }
}

}  // namespace amigo::detail

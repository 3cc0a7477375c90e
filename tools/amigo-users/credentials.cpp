#include "credentials.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string_view>

#include "exit_codes.hpp"

namespace amigo_users {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string read_api_key_file(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    throw UsageError("cannot read the API key file " + path + ": " + std::strerror(errno));
  }
  std::string line;
  std::getline(file, line);
  std::string key = trimmed(line);
  if (key.empty()) throw UsageError("the API key file " + path + " has an empty first line");
  return key;
}

std::string api_key(const ConnectionFlags& flags) {
  if (!flags.api_key_file.empty()) return read_api_key_file(flags.api_key_file);
  const char* from_environment = std::getenv("AMIGO_API_KEY");
  if (from_environment == nullptr || trimmed(from_environment).empty()) {
    throw UsageError("no API key: set AMIGO_API_KEY or pass --api-key-file PATH");
  }
  return trimmed(from_environment);
}

void require(const std::string& value, const char* flag, const char* variable) {
  if (value.empty()) {
    throw UsageError(std::string("missing ") + flag + ": pass it or set " + variable);
  }
}

const char* level_name(amigo::LogLevel level) {
  switch (level) {
    case amigo::LogLevel::debug:
      return "debug";
    case amigo::LogLevel::info:
      return "info";
    case amigo::LogLevel::warning:
      return "warning";
    case amigo::LogLevel::error:
      return "error";
    case amigo::LogLevel::off:
      break;
  }
  return "log";
}

std::string_view retry_reason(std::string_view message) {
  if (message.find("got HTTP 429") != std::string_view::npos) return "rate limited";
  if (message.find("got HTTP 503") != std::string_view::npos) return "service unavailable";
  return "request failed";
}

// The SDK waits out 429 and 503 answers (sign-in allows 5 a minute, and each
// command signs in), logging "OP attempt N of M got HTTP S; retrying in MS ms"
// at info level. A wait that long must not look like a hang, so without
// --verbose such lines become one short note; warnings are passed on as well.
void quiet_log(amigo::LogLevel level, std::string_view message) {
  if (level >= amigo::LogLevel::warning) {
    std::cerr << "amigo-users: [" << level_name(level) << "] " << message << '\n';
    return;
  }
  constexpr std::string_view kRetrying = "; retrying in ";
  constexpr long kNoteworthyMs = 1000;
  const std::size_t at = message.find(kRetrying);
  if (at == std::string_view::npos) return;
  const std::string wait_text(message.substr(at + kRetrying.size()));
  const long wait_ms = std::strtol(wait_text.c_str(), nullptr, 10);
  if (wait_ms < kNoteworthyMs) return;
  std::cerr << "amigo-users: waiting " << (wait_ms + 999) / 1000 << "s: " << retry_reason(message)
            << " (" << message.substr(0, message.find(' ')) << ")\n";
}

}  // namespace

void add_connection_flags(CLI::App& app, ConnectionFlags& flags) {
  app.add_option("--base-url", flags.base_url, "API server (default https://api.amigo.ai)")
      ->envname("AMIGO_BASE_URL")
      ->group("Connection");
  app.add_option("--org", flags.organization_id, "Organization whose users are managed")
      ->envname("AMIGO_ORGANIZATION_ID")
      ->group("Connection");
  app.add_option("--api-key-id", flags.api_key_id, "Id of the API key")
      ->envname("AMIGO_API_KEY_ID")
      ->group("Connection");
  app.add_option("--user-id", flags.user_id, "User the API key acts as")
      ->envname("AMIGO_USER_ID")
      ->group("Connection");
  app.add_option("--api-key-file", flags.api_key_file,
                 "File whose first line is the API key (otherwise AMIGO_API_KEY is read)")
      ->group("Connection");
  app.add_option("--timeout", flags.timeout_seconds, "Seconds each request may take")
      ->check(CLI::PositiveNumber)
      ->group("Connection");
  app.add_flag("--verbose,-v", flags.verbose, "Log the SDK's requests and retries to stderr");
}

amigo::ClientOptions client_options(const ConnectionFlags& flags) {
  require(flags.organization_id, "--org", "AMIGO_ORGANIZATION_ID");
  require(flags.api_key_id, "--api-key-id", "AMIGO_API_KEY_ID");
  require(flags.user_id, "--user-id", "AMIGO_USER_ID");

  amigo::ClientOptions options;
  options.organization_id = flags.organization_id;
  if (!flags.base_url.empty()) options.base_url = flags.base_url;
  options.auth = amigo::ApiKeyAuth{api_key(flags), flags.api_key_id, flags.user_id};
  options.user_agent_suffix = std::string("amigo-users/") + AMIGO_VERSION_STRING;

  if (flags.timeout_seconds > 0) {
    options.request_timeout = std::chrono::milliseconds(
        static_cast<std::chrono::milliseconds::rep>(flags.timeout_seconds * 1000));
  }
  if (flags.verbose) {
    options.log_level = amigo::LogLevel::debug;
    options.log_sink = [](amigo::LogLevel level, std::string_view message) {
      std::cerr << "amigo-users: [" << level_name(level) << "] " << message << '\n';
    };
  } else {
    options.log_level = amigo::LogLevel::info;
    options.log_sink = quiet_log;
  }
  return options;
}

}  // namespace amigo_users

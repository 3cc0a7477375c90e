// amigo-emulator: serves the emulated Amigo user API until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): sigwait and sigset_t are POSIX

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "http_server.hpp"

namespace {

constexpr int kUsageError = 2;
constexpr const char* kUsage =
    "usage: amigo-emulator [--port N] [--bind ADDRESS] [--seed FILE.json]\n"
    "                      [--token-ttl SECONDS] [--rate-limits on|off] [--time-scale N]\n"
    "                      [--maintenance] [--tls-cert FILE --tls-key FILE]\n";

struct UsageError {
  std::string message;
};

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read seed file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

long long parse_number(const std::string& flag, const std::string& text, long long min,
                       long long max) {
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < min || value > max) {
    throw UsageError{flag + " needs a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + text + "'"};
  }
  return value;
}

double parse_scale(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value > 0) || value > 1e6) {
    throw UsageError{"--time-scale needs a positive number, not '" + text + "'"};
  }
  return value;
}

amigo::emulator::ServerOptions parse_arguments(const std::vector<std::string>& arguments) {
  amigo::emulator::ServerOptions options;
  std::string seed_path;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    std::string flag = arguments[i];
    std::optional<std::string> inline_value;
    if (const auto equals = flag.find('=');
        flag.rfind("--", 0) == 0 && equals != std::string::npos) {
      inline_value = flag.substr(equals + 1);
      flag.erase(equals);
    }
    const auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= arguments.size()) throw UsageError{flag + " needs a value"};
      return arguments[++i];
    };

    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    } else if (flag == "--port") {
      options.port = static_cast<int>(parse_number(flag, value(), 0, 65535));
    } else if (flag == "--bind") {
      options.bind = value();
    } else if (flag == "--seed") {
      seed_path = value();
    } else if (flag == "--token-ttl") {
      options.token_ttl = std::chrono::seconds(parse_number(flag, value(), 1, 315360000));
    } else if (flag == "--rate-limits") {
      const std::string setting = value();
      if (setting != "on" && setting != "off") throw UsageError{"--rate-limits takes on or off"};
      options.rate_limits = setting == "on";
    } else if (flag == "--time-scale") {
      options.time_scale = parse_scale(value());
    } else if (flag == "--maintenance" && !inline_value) {
      options.maintenance = true;
    } else if (flag == "--tls-cert") {
      options.tls_cert_path = value();
    } else if (flag == "--tls-key") {
      options.tls_key_path = value();
    } else {
      throw UsageError{"unknown argument '" + arguments[i] + "'"};
    }
  }
  if (options.tls_cert_path.empty() != options.tls_key_path.empty()) {
    throw UsageError{"--tls-cert and --tls-key go together"};
  }
  if (!seed_path.empty()) options.seed_json = read_file(seed_path);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  amigo::emulator::ServerOptions options;
  try {
    options = parse_arguments(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& error) {
    std::cerr << "amigo-emulator: " << error.message << '\n' << kUsage;
    return kUsageError;
  } catch (const std::exception& error) {
    std::cerr << "amigo-emulator: " << error.what() << '\n';
    return 1;
  }

  // Every thread inherits this mask, so the signals reach only the waiter below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::unique_ptr<amigo::emulator::HttpServer> server;
  try {
    server = std::make_unique<amigo::emulator::HttpServer>(options);
  } catch (const std::exception& error) {
    std::cerr << "amigo-emulator: " << error.what() << '\n';
    return 1;
  }

  std::thread waiter([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    server->stop();
  });

  // Scripts read this one line to find the server.
  std::cout << "Listening on " << server->base_url() << std::endl;
  const bool served = server->serve();

  // Wake the waiter if serving ended for another reason than a signal.
  // SIGTERM is blocked in every thread, so this only ends the waiter's sigwait.
  pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  waiter.join();
  return served ? 0 : 1;
}

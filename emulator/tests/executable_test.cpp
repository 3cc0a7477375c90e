#include <gtest/gtest.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill is POSIX, not in <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

// The amigo-emulator binary, run as scripts run it.
class RunningEmulator {
 public:
  explicit RunningEmulator(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), AMIGO_EMULATOR_EXECUTABLE);
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      argv.reserve(arguments.size() + 1);
      for (auto& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    stdout_ = fdopen(out[0], "r");
  }

  ~RunningEmulator() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      wait();
    }
    if (stdout_ != nullptr) fclose(stdout_);
  }

  std::string read_line() {
    char buffer[256] = {};
    if (stdout_ == nullptr || fgets(buffer, sizeof buffer, stdout_) == nullptr) return {};
    return buffer;
  }

  void signal(int number) { kill(pid_, number); }

  // The exit code, or -1 when the process did not exit normally.
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* stdout_ = nullptr;
  bool waited_ = false;
};

std::string url_of(const std::string& line) {
  const std::string prefix = "Listening on ";
  if (line.rfind(prefix, 0) != 0 || line.back() != '\n') return {};
  return line.substr(prefix.size(), line.size() - prefix.size() - 1);
}

TEST(Executable, PrintsItsUrlServesAndStopsCleanlyOnSigterm) {
  RunningEmulator emulator({"--port", "0", "--bind", "127.0.0.1"});
  const std::string url = url_of(emulator.read_line());
  ASSERT_EQ(url.rfind("http://127.0.0.1:", 0), 0u) << url;

  httplib::Client client(url);
  client.set_keep_alive(true);
  const auto result =
      client.Post("/v1/demo-org/user/signin_with_api_key",
                  {{"x-api-key", kApiKey}, {"x-api-key-id", kApiKeyId}, {"x-user-id", kAdmin}}, "",
                  "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);

  // The idle keep-alive connection must not hold up the exit.
  emulator.signal(SIGTERM);
  EXPECT_EQ(emulator.wait(), 0);
}

TEST(Executable, StopsOnSigintAndHonoursFlags) {
  const std::string seed_path = ::testing::TempDir() + "/amigo-emulator-seed.json";
  std::ofstream(seed_path) << R"({"organizations": [{"id": "solo", "roles": [{"name": "R"}]}],
    "users": [{"org_id": "solo", "user_id": "u", "email": "u@example.com", "role": "R"}],
    "api_keys": [{"org_id": "solo", "key": "k", "key_id": "i", "user_id": "u"}]})";
  RunningEmulator emulator({"--port=0", "--seed", seed_path, "--token-ttl", "5", "--rate-limits",
                            "off", "--time-scale", "2", "--maintenance"});
  const std::string url = url_of(emulator.read_line());
  ASSERT_FALSE(url.empty());

  httplib::Client client(url);
  EXPECT_EQ(client.Get("/v1/solo/user/")->status, 503);
  ASSERT_EQ(
      client.Post("/_emulator/maintenance", R"({"enabled": false})", "application/json")->status,
      200);
  const auto result = client.Post("/v1/solo/user/signin_with_api_key",
                                  {{"x-api-key", "k"}, {"x-api-key-id", "i"}, {"x-user-id", "u"}},
                                  "", "application/json");
  ASSERT_EQ(result->status, 200) << result->body;

  emulator.signal(SIGINT);
  EXPECT_EQ(emulator.wait(), 0);
  std::remove(seed_path.c_str());
}

TEST(Executable, BadFlagsExitWithStatus2) {
  for (const auto& arguments :
       std::vector<std::vector<std::string>>{{"--bogus"},
                                             {"--port"},
                                             {"--port", "http"},
                                             {"--rate-limits", "maybe"},
                                             {"--time-scale", "0"},
                                             {"--tls-cert", "only-a-cert.pem"}}) {
    SCOPED_TRACE(arguments.front());
    RunningEmulator emulator(arguments);
    EXPECT_EQ(emulator.read_line(), "");
    EXPECT_EQ(emulator.wait(), 2);
  }
}

TEST(Executable, UnreadableSeedExitsWithStatus1) {
  RunningEmulator emulator({"--seed", "/nonexistent/seed.json"});
  EXPECT_EQ(emulator.wait(), 1);
}

TEST(Executable, PortInUseExitsWithStatus1) {
  const amigo::testing::Emulator first;
  RunningEmulator second({"--port", std::to_string(first.port()), "--bind", "127.0.0.1"});
  EXPECT_EQ(second.read_line(), "");
  EXPECT_EQ(second.wait(), 1);
}

TEST(Executable, SecondEmulatorOnAPortInUseThrows) {
  const amigo::testing::Emulator first;
  amigo::testing::EmulatorOptions options;
  options.port = first.port();
  try {
    const amigo::testing::Emulator second(options);
    FAIL() << "a second emulator started on port " << first.port();
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()),
              "cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                  ": address already in use (is another emulator or server running there?)");
  }
}

}  // namespace
}  // namespace amigo::emulator::test

#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace amigo_cli_test {
namespace {

struct Pipe {
  int read_end = -1;
  int write_end = -1;

  Pipe() {
    std::array<int, 2> ends{};
    if (::pipe2(ends.data(), O_CLOEXEC) != 0) {
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
    read_end = ends[0];
    write_end = ends[1];
  }
};

void drain(int fd, std::string* into) {
  std::array<char, 4096> buffer{};
  while (true) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    into->append(buffer.data(), static_cast<std::size_t>(got));
  }
  ::close(fd);
}

void feed(int fd, const std::string& input) {
  std::size_t written = 0;
  while (written < input.size()) {
    const ssize_t sent = ::write(fd, input.data() + written, input.size() - written);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) break;
    written += static_cast<std::size_t>(sent);
  }
  ::close(fd);
}

std::vector<std::string> environment_strings(const Environment& environment) {
  std::vector<std::string> strings;
  if (const char* path = std::getenv("PATH")) strings.push_back(std::string("PATH=") + path);
  for (const auto& [name, value] : environment) strings.push_back(name + "=" + value);
  return strings;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (std::string& text : strings) result.push_back(text.data());
  result.push_back(nullptr);
  return result;
}

}  // namespace

RunningProcess::RunningProcess(const std::string& program,
                               const std::vector<std::string>& arguments,
                               const Environment& environment, const std::string& input) {
  // A child that exits without reading all its input must not take the test
  // down with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  Pipe in;
  Pipe out;
  Pipe err;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read_end, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write_end, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end, STDERR_FILENO);

  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
  std::vector<std::string> env_strings = environment_strings(environment);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);

  const int spawned =
      posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in.read_end);
  ::close(out.write_end);
  ::close(err.write_end);
  if (spawned != 0) {
    ::close(in.write_end);
    ::close(out.read_end);
    ::close(err.read_end);
    throw std::runtime_error("cannot start " + program + ": " + std::strerror(spawned));
  }

  out_reader_ = std::thread(drain, out.read_end, &out_);
  err_reader_ = std::thread(drain, err.read_end, &err_);
  // A child that never reads its stdin must not block the test: feed it aside.
  std::thread(feed, in.write_end, input).detach();
}

RunningProcess::~RunningProcess() {
  if (!waited_) wait(std::chrono::milliseconds(0));
}

void RunningProcess::send_signal(int signal_number) { ::kill(pid_, signal_number); }

ProcessResult RunningProcess::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  waited_ = true;
  out_reader_.join();
  err_reader_.join();

  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = std::move(out_);
  result.err = std::move(err_);
  return result;
}

ProcessResult run_process(const std::string& program, const std::vector<std::string>& arguments,
                          const Environment& environment, const std::string& input) {
  RunningProcess process(program, arguments, environment, input);
  return process.wait();
}

}  // namespace amigo_cli_test

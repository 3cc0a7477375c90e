#pragma once

// Runs a program as a child process with a chosen environment, feeding its
// stdin and capturing stdout and stderr, the way a shell user would run it.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace amigo_cli_test {

struct ProcessResult {
  /// The exit status, or 128 + the signal number when a signal ended it.
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// The whole environment of the child: nothing is inherited but PATH.
using Environment = std::map<std::string, std::string>;

/// A child started and left running, for tests that signal it midway.
class RunningProcess {
 public:
  RunningProcess(const std::string& program, const std::vector<std::string>& arguments,
                 const Environment& environment, const std::string& input = "");
  ~RunningProcess();
  RunningProcess(const RunningProcess&) = delete;
  RunningProcess& operator=(const RunningProcess&) = delete;

  void send_signal(int signal_number);

  /// Waits for the child to end (killing it after `timeout`) and returns what it did.
  ProcessResult wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));

 private:
  pid_t pid_ = -1;
  bool waited_ = false;
  std::string out_;
  std::string err_;
  std::thread out_reader_;
  std::thread err_reader_;
};

/// Runs the program to completion.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& arguments,
                          const Environment& environment, const std::string& input = "");

}  // namespace amigo_cli_test

#pragma once

// Running other programs of the build (amigo-emulator, amigo-users) from a
// benchmark, without a shell in between.

#include <sys/types.h>

#include <string>
#include <vector>

namespace amigo_bench {

/// A started program, its standard output readable through a pipe.
struct Child {
  pid_t pid = -1;
  int stdout_fd = -1;
};

/// Starts `program` with `arguments`; `environment` entries ("NAME=value") are
/// added to this process's. Standard output goes to a pipe when
/// `capture_stdout`; else standard output and error both go to `output_path`
/// when it is given; else both are inherited.
Child spawn(const std::string& program, const std::vector<std::string>& arguments,
            const std::vector<std::string>& environment = {}, bool capture_stdout = false,
            const std::string& output_path = {});

/// Waits for the child to end; its exit status, or 128 + the signal that ended it.
int wait_for(pid_t pid);

/// One line of `fd`, without its newline; empty at the end of the stream.
std::string read_line(int fd);

}  // namespace amigo_bench

#pragma once

// What the benchmarks measure and how they report it. Each figure that has a
// target is printed as one machine-readable line:
//
//   RESULT<TAB>metric<TAB>measured<TAB>target<TAB>PASS|FAIL
//
// which scripts/dev.sh collects into one table.

#include <chrono>
#include <cstdint>
#include <string>

namespace amigo_bench {

/// CPU time of the calling thread only (not the in-process server's threads).
std::chrono::nanoseconds thread_cpu_time();

/// The process's peak resident set so far, in KiB (getrusage ru_maxrss).
long peak_rss_kib();

/// The process's resident set now, in KiB (/proc/self/statm).
long current_rss_kib();

/// Prints a RESULT line; returns `pass` so that callers can fold it into an exit code.
bool report(const std::string& metric, const std::string& measured, const std::string& target,
            bool pass);

/// Reads "--name VALUE" from the arguments, or returns `fallback`.
long long argument(int argc, char** argv, const std::string& name, long long fallback);

/// Reads "--name VALUE" from the arguments as text, or returns an empty string.
std::string text_argument(int argc, char** argv, const std::string& name);

/// True when "--name" is among the arguments.
bool has_flag(int argc, char** argv, const std::string& name);

}  // namespace amigo_bench

// How close `amigo-users import` comes to the fastest pace the invite rate
// limit allows. amigo-emulator enforces 50 invites per minute in fixed
// windows, and --time-scale 60 makes its minute last a second. The first 50
// invites may go at once and each further 50 only when a new window opens,
// so 500 rows need at least 9 windows after the first: 9 s. The run is
// compared with that and with 10 windows (10 s), and the emulator's state is
// checked afterwards: every row invited once, none lost, none twice.
//
//   import_pacing_bench [--rows N] [--time-scale S]

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/child_process.hpp"
#include "support/emulator_process.hpp"
#include "support/measure.hpp"

namespace {

using amigo_bench::report;

constexpr long long kInvitesPerWindow = 50;
constexpr double kSlackTarget = 1.05;
constexpr const char* kEmailPrefix = "import-bench-";

std::string email_of(long long row) {
  char email[64];
  std::snprintf(email, sizeof email, "%s%05lld@example.com", kEmailPrefix, row);
  return email;
}

std::string write_csv(const std::string& directory, long long rows) {
  const std::string path = directory + "/new-hires.csv";
  std::ofstream csv(path);
  csv << "email,first_name,last_name,role\n";
  for (long long row = 1; row <= rows; ++row) {
    csv << email_of(row) << ",Ada,Lovelace " << row << ",DefaultUserRole\n";
  }
  return path;
}

std::string read_text(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// How many users of the state document carry each benchmark email.
std::map<std::string, int> imported_emails(const std::string& state_json) {
  std::map<std::string, int> counts;
  const auto state = nlohmann::json::parse(state_json);
  for (const auto& user : state.at("users")) {
    const std::string email = user.at("email").get<std::string>();
    if (email.rfind(kEmailPrefix, 0) == 0) ++counts[email];
  }
  return counts;
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

int benchmark(long long rows, double time_scale) {
  char directory_template[] = "/tmp/amigo-import-bench-XXXXXX";
  const char* directory = mkdtemp(directory_template);
  if (directory == nullptr) throw std::runtime_error("cannot make a temporary directory");
  const std::string csv = write_csv(directory, rows);
  const std::string output = std::string(directory) + "/import-output.txt";

  amigo_bench::EmulatorProcess emulator(
      AMIGO_EMULATOR_PATH, {"--rate-limits", "on", "--time-scale", std::to_string(time_scale)});
  const std::vector<std::string> environment = {
      "AMIGO_BASE_URL=" + emulator.base_url(),
      std::string("AMIGO_ORGANIZATION_ID=") + amigo_bench::kSeedOrganization,
      std::string("AMIGO_API_KEY=") + amigo_bench::kSeedApiKey,
      std::string("AMIGO_API_KEY_ID=") + amigo_bench::kSeedApiKeyId,
      std::string("AMIGO_USER_ID=") + amigo_bench::kSeedUserId};

  const auto started = std::chrono::steady_clock::now();
  const auto child =
      amigo_bench::spawn(AMIGO_USERS_PATH, {"import", csv}, environment, false, output);
  const int status = amigo_bench::wait_for(child.pid);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (status != 0) {
    std::fprintf(stderr, "import_pacing_bench: amigo-users import exited with %d:\n%s", status,
                 read_text(output).c_str());
    return 1;
  }

  const auto counts = imported_emails(emulator.admin("GET", "/_emulator/state"));
  long long lost = 0;
  long long duplicated = 0;
  for (long long row = 1; row <= rows; ++row) {
    const auto found = counts.find(email_of(row));
    if (found == counts.end()) ++lost;
    if (found != counts.end() && found->second > 1) duplicated += found->second - 1;
  }
  const long long unexpected = static_cast<long long>(counts.size()) - (rows - lost);
  const auto counters = nlohmann::json::parse(emulator.admin("GET", "/_emulator/counters"));

  const double window = 60.0 / time_scale;
  const long long windows = (rows + kInvitesPerWindow - 1) / kInvitesPerWindow;
  const double fastest = static_cast<double>(windows - 1) * window;
  const double all_windows = static_cast<double>(windows) * window;
  std::printf(
      "%lld rows in %.3f s; fastest the limit allows %.1f s (%lld windows after the "
      "first), %lld windows %.1f s\n",
      rows, seconds, fastest, windows - 1, windows, all_windows);
  std::printf(
      "emulator counters: requests %s, sign-ins %s, TCP connections %s (this "
      "benchmark's own admin calls included)\n",
      counters.at("requests").dump().c_str(), counters.at("sign_ins").dump().c_str(),
      counters.at("tcp_connections").dump().c_str());
  const std::string cli_output = read_text(output);
  const std::size_t summary = cli_output.rfind("Imported ");
  std::printf("amigo-users: %s",
              cli_output.substr(summary == std::string::npos ? 0 : summary).c_str());

  char measured[96];
  std::snprintf(measured, sizeof measured, "%s (%.1f%% of %.0f s, %.1f%% of %.0f s)",
                seconds_text(seconds).c_str(), 100.0 * seconds / fastest, fastest,
                100.0 * seconds / all_windows, all_windows);
  report("import " + std::to_string(rows) + " rows at 50/min, time scale " +
             std::to_string(static_cast<int>(time_scale)),
         measured, "<= " + seconds_text(kSlackTarget * fastest) + " (105% of fastest)",
         seconds <= kSlackTarget * fastest);
  report("import rows lost / duplicated / unexpected",
         std::to_string(lost) + " / " + std::to_string(duplicated) + " / " +
             std::to_string(unexpected),
         "0 / 0 / 0", lost == 0 && duplicated == 0 && unexpected == 0);

  std::remove(csv.c_str());
  std::remove((csv + ".journal").c_str());
  std::remove(output.c_str());
  rmdir(directory);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const long long rows = amigo_bench::argument(argc, argv, "--rows", 500);
  const long long time_scale = amigo_bench::argument(argc, argv, "--time-scale", 60);
  if (rows < 1 || time_scale < 1) {
    std::fprintf(stderr, "usage: import_pacing_bench [--rows N] [--time-scale S]\n");
    return 2;
  }
  try {
    return benchmark(rows, static_cast<double>(time_scale));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "import_pacing_bench: %s\n", error.what());
    return 1;
  }
}

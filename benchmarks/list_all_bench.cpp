// Memory while list_all_users walks a large organization: the range holds one
// page at a time, so the client's resident set must not grow with the number
// of users. amigo-emulator runs as a separate process, so its store of users
// is not counted in this process's memory; the baseline is taken after a
// warm-up call has signed in and opened the connection.
//
//   list_all_bench [--users N]

#include <amigo/amigo.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

#include "support/emulator_process.hpp"
#include "support/measure.hpp"

namespace {

using amigo_bench::report;

constexpr int kPageSize = 100;
constexpr double kGrowthTargetMib = 8.0;

std::size_t count_all(amigo::AmigoClient& client) {
  std::size_t count = 0;
  for (const amigo::User& user : client.user().list_all_users())
    count += user.email.empty() ? 0 : 1;
  return count;
}

int benchmark(long long users) {
  amigo_bench::EmulatorProcess emulator(AMIGO_EMULATOR_PATH, {"--rate-limits", "off"});

  amigo::ClientOptions options;
  options.base_url = emulator.base_url();
  options.organization_id = amigo_bench::kSeedOrganization;
  options.auth = amigo::ApiKeyAuth{amigo_bench::kSeedApiKey, amigo_bench::kSeedApiKeyId,
                                   amigo_bench::kSeedUserId};
  amigo::AmigoClient client(options);

  // Also the warm-up: signs in, connects, and touches the code and heap a walk uses.
  const std::size_t seeded = count_all(client);
  emulator.admin("POST", "/_emulator/generate",
                 R"({"org_id":")" + std::string(amigo_bench::kSeedOrganization) + R"(","count":)" +
                     std::to_string(users) + "}");
  amigo::ListUsersRequest warm_up;
  warm_up.limit = kPageSize;
  client.user().list_users(warm_up);

  const long baseline_kib = amigo_bench::current_rss_kib();
  const long peak_before_kib = amigo_bench::peak_rss_kib();
  long highest_kib = baseline_kib;
  std::size_t seen = 0;
  std::size_t pages = 0;
  const auto started = std::chrono::steady_clock::now();
  amigo::ListUsersRequest request;
  request.limit = kPageSize;
  auto range = client.user().list_all_users(request);
  for (const amigo::User& user : range) {
    if (!user.user_id.empty()) ++seen;
    if (seen % kPageSize == 0) highest_kib = std::max(highest_kib, amigo_bench::current_rss_kib());
  }
  pages = range.pages_fetched();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  highest_kib = std::max(highest_kib, amigo_bench::current_rss_kib());

  const double growth_mib = static_cast<double>(highest_kib - baseline_kib) / 1024.0;
  const double peak_growth_mib =
      static_cast<double>(amigo_bench::peak_rss_kib() - peak_before_kib) / 1024.0;
  std::printf("%zu users in %zu pages in %.2f s (%.0f users/s)\n", seen, pages, seconds,
              static_cast<double>(seen) / seconds);
  std::printf(
      "RSS: %.1f MiB before, %.1f MiB at most during (growth %.2f MiB; ru_maxrss "
      "growth %.2f MiB)\n",
      baseline_kib / 1024.0, highest_kib / 1024.0, growth_mib, peak_growth_mib);

  if (seen != seeded + static_cast<std::size_t>(users)) {
    std::fprintf(stderr, "list_all_bench: expected %zu users, the range gave %zu\n",
                 seeded + static_cast<std::size_t>(users), seen);
    return 1;
  }
  char measured[64];
  std::snprintf(measured, sizeof measured, "%.2f MiB", std::max(growth_mib, peak_growth_mib));
  report("list_all_users over " + std::to_string(seen) + " users: RSS growth", measured, "< 8 MiB",
         std::max(growth_mib, peak_growth_mib) < kGrowthTargetMib);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const long long users = amigo_bench::argument(argc, argv, "--users", 100000);
  if (users < 1) {
    std::fprintf(stderr, "usage: list_all_bench [--users N]\n");
    return 2;
  }
  try {
    return benchmark(users);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "list_all_bench: %s\n", error.what());
    return 1;
  }
}

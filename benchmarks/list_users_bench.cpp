// list_users through the SDK against the same call written by hand with
// libcurl and nlohmann::json, both reading one realistic 100-user page from a
// loopback server in this process. Only the calling thread's CPU time is
// counted, so the server's work is left out; the two clients take turns in
// rounds so that a busy machine slows both alike. Targets met or missed are
// reported as RESULT lines; the exit status is non-zero only when the run
// itself failed.
//
//   list_users_bench [--n CALLS] [--rounds R] [--only sdk|handwritten]
//
// --only runs one client alone, for profiling it or for its own peak memory.

#include <curl/curl.h>
#include <amigo/amigo.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "support/fixed_page_server.hpp"
#include "support/handwritten_client.hpp"
#include "support/measure.hpp"
#include "support/realistic_page.hpp"
#include "support/reference_decoder.hpp"

namespace {

using amigo_bench::report;
using std::chrono::nanoseconds;

constexpr const char* kToken = "bench-token";
constexpr int kPageSize = 100;
constexpr double kCpuRatioTarget = 0.7;
// Wall time on a shared machine wobbles by a few percent between rounds.
constexpr double kWallNoiseMargin = 1.02;
constexpr double kPeakRssTargetMib = 16.0;

struct Totals {
  nanoseconds cpu{0};
  nanoseconds wall{0};
  long long calls = 0;

  [[nodiscard]] double cpu_us() const { return cpu.count() / 1e3 / static_cast<double>(calls); }
  [[nodiscard]] double wall_us() const { return wall.count() / 1e3 / static_cast<double>(calls); }
};

std::size_t users_seen = 0;  // keeps the pages from being optimised away

void run(long long calls, const std::function<amigo::UserPage()>& list, Totals& totals) {
  const auto cpu_start = amigo_bench::thread_cpu_time();
  const auto wall_start = std::chrono::steady_clock::now();
  for (long long i = 0; i < calls; ++i) users_seen += list().users.size();
  totals.wall += std::chrono::steady_clock::now() - wall_start;
  totals.cpu += amigo_bench::thread_cpu_time() - cpu_start;
  totals.calls += calls;
}

// The SDK asks for compressed answers; the server must send it the same bytes
// as the hand-written client, or the two would not do the same work.
bool served_uncompressed(const std::string& url, std::size_t body_size) {
  CURL* handle = curl_easy_init();
  std::size_t received = 0;
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(
      handle, CURLOPT_WRITEFUNCTION,
      +[](char*, std::size_t size, std::size_t count, void*) { return size * count; });
  const CURLcode code = curl_easy_perform(handle);
  curl_off_t on_the_wire = 0;
  curl_easy_getinfo(handle, CURLINFO_SIZE_DOWNLOAD_T, &on_the_wire);
  curl_easy_cleanup(handle);
  received = static_cast<std::size_t>(on_the_wire);
  return code == CURLE_OK && received == body_size;
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

struct Side {
  const char* name;
  std::function<amigo::UserPage()> list;
  Totals totals;
};

// Warms each side up, then runs rounds in which they take turns, alternating
// who goes first to even out drift within a round.
void measure(std::vector<Side*>& sides, long long n, long long rounds) {
  rounds = std::max(1LL, std::min(rounds, n));
  const long long per_round = std::max(1LL, n / rounds);
  for (Side* side : sides) {
    Totals warm_up;
    run(std::min(per_round, 50LL), side->list, warm_up);
  }
  for (long long round = 0; round < rounds; ++round) {
    for (Side* side : sides) run(per_round, side->list, side->totals);
    std::reverse(sides.begin(), sides.end());
  }
}

void report_comparison(const Side& sdk, const Side& handwritten) {
  const double ratio = sdk.totals.cpu_us() / handwritten.totals.cpu_us();
  std::printf("CPU ratio SDK / hand-written: %.3f\n", ratio);
  report("list_users CPU/call, SDK / hand-written",
         fixed(ratio, 3) + " (" + fixed(sdk.totals.cpu_us(), 0) + " us vs " +
             fixed(handwritten.totals.cpu_us(), 0) + " us)",
         "<= 0.70", ratio <= kCpuRatioTarget);
  report(
      "list_users wall/call, SDK vs hand-written",
      fixed(sdk.totals.wall_us(), 0) + " us vs " + fixed(handwritten.totals.wall_us(), 0) + " us",
      "<= hand-written (+2% noise)",
      sdk.totals.wall_us() <= handwritten.totals.wall_us() * kWallNoiseMargin);
}

int benchmark(long long n, long long rounds, const std::string& only) {
  const std::string body = amigo_bench::realistic_page_body(kPageSize);
  amigo_bench::FixedPageServer server(body);
  if (!served_uncompressed(server.base_url() + "/", body.size())) {
    std::fprintf(stderr, "list_users_bench: the server compressed the page for the SDK\n");
    return 1;
  }

  amigo::ClientOptions options;
  options.base_url = server.base_url();
  options.organization_id = amigo_bench::kBenchOrganization;
  options.auth = amigo::BearerAuth{kToken, std::nullopt};
  amigo::AmigoClient client(options);
  amigo::ListUsersRequest request;
  request.limit = kPageSize;
  Side sdk{"SDK", [&] { return client.user().list_users(request); }, {}};

  amigo_bench::HandwrittenClient by_hand(
      server.base_url() + "/v1/" + amigo_bench::kBenchOrganization + "/user/?limit=100", kToken);
  Side handwritten{"hand-written", [&] { return by_hand.list_users(); }, {}};

  std::vector<Side*> sides;
  if (only != "handwritten") sides.push_back(&sdk);
  if (only != "sdk") sides.push_back(&handwritten);
  // Each must read the page in full and correctly, or the comparison means nothing.
  const amigo::UserPage expected = amigo_bench::reference_decode_page(body);
  for (Side* side : sides) {
    if (!amigo_bench::same_page(side->list(), expected)) {
      std::fprintf(stderr, "list_users_bench: the %s client misread the page\n", side->name);
      return 1;
    }
  }

  measure(sides, n, rounds);
  const double peak_mib = static_cast<double>(amigo_bench::peak_rss_kib()) / 1024.0;
  std::printf("page: %zu users, %zu bytes; %lld calls per client\n", expected.users.size(),
              body.size(), sides.front()->totals.calls);
  std::printf("%-12s %14s %14s\n", "", "CPU/call (us)", "wall/call (us)");
  for (const Side* side : {&sdk, &handwritten}) {
    if (side->totals.calls == 0) continue;
    std::printf("%-12s %14.1f %14.1f\n", side->name, side->totals.cpu_us(), side->totals.wall_us());
  }
  std::printf("peak RSS %.1f MiB\n", peak_mib);

  if (only.empty()) report_comparison(sdk, handwritten);
  report(only.empty() ? "list benchmark peak RSS (whole process)"
                      : "list benchmark peak RSS (" + only + " only)",
         fixed(peak_mib, 1) + " MiB", "<= 16 MiB", peak_mib <= kPeakRssTargetMib);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const long long n = amigo_bench::argument(argc, argv, "--n", 2000);
  const long long rounds = amigo_bench::argument(argc, argv, "--rounds", 10);
  const std::string only = amigo_bench::text_argument(argc, argv, "--only");
  if (n < 1 || rounds < 1 || (only != "" && only != "sdk" && only != "handwritten")) {
    std::fprintf(stderr,
                 "usage: list_users_bench [--n CALLS] [--rounds R] [--only sdk|handwritten]\n");
    return 2;
  }
  try {
    return benchmark(n, rounds, only);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "list_users_bench: %s\n", error.what());
    return 1;
  }
}

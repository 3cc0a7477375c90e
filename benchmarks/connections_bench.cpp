// Connection and token reuse, from the emulator's own counters: sequential
// calls from one thread must share one TCP connection, and any number of
// calls within the token's lifetime must need one sign-in. A second client
// shared by several threads must open no more connections than it has threads.
//
//   connections_bench [--calls N] [--threads T]

#include <amigo/amigo.hpp>
#include <amigo/testing/emulator.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "support/measure.hpp"

namespace {

using amigo_bench::report;

amigo::ClientOptions options_for(const amigo::testing::Emulator& emulator) {
  amigo::ClientOptions options;
  options.base_url = emulator.base_url();
  options.organization_id = emulator.organization_id();
  options.auth = amigo::ApiKeyAuth{emulator.api_key(), emulator.api_key_id(), emulator.user_id()};
  return options;
}

void list_repeatedly(amigo::AmigoClient& client, long long calls) {
  amigo::ListUsersRequest request;
  request.limit = 10;
  for (long long i = 0; i < calls; ++i) client.user().list_users(request);
}

int benchmark(long long calls, long long threads) {
  amigo::testing::EmulatorOptions emulator_options;
  emulator_options.rate_limits = false;
  amigo::testing::Emulator emulator(emulator_options);

  // Deltas: starting the emulator may itself have connected to check it listens.
  const amigo::testing::EmulatorCounters before = emulator.counters();
  {
    amigo::AmigoClient client(options_for(emulator));
    list_repeatedly(client, calls);
  }
  const amigo::testing::EmulatorCounters after = emulator.counters();
  const auto connections = after.tcp_connections - before.tcp_connections;
  const auto sign_ins = after.sign_ins - before.sign_ins;
  const auto lists = after.requests_of("list_users") - before.requests_of("list_users");
  std::printf("one thread: %llu list calls, %llu TCP connections, %llu sign-ins\n",
              static_cast<unsigned long long>(lists), static_cast<unsigned long long>(connections),
              static_cast<unsigned long long>(sign_ins));

  amigo::AmigoClient shared(options_for(emulator));
  std::vector<std::thread> workers;
  for (long long t = 0; t < threads; ++t) {
    workers.emplace_back([&shared, calls, threads] { list_repeatedly(shared, calls / threads); });
  }
  for (std::thread& worker : workers) worker.join();
  const amigo::testing::EmulatorCounters end = emulator.counters();
  const auto shared_connections = end.tcp_connections - after.tcp_connections;
  const auto shared_sign_ins = end.sign_ins - after.sign_ins;
  std::printf("%lld threads sharing a client: %llu TCP connections, %llu sign-ins\n", threads,
              static_cast<unsigned long long>(shared_connections),
              static_cast<unsigned long long>(shared_sign_ins));

  const std::string sequential = std::to_string(calls) + " sequential calls, one thread";
  report("TCP connections, " + sequential, std::to_string(connections), "1", connections == 1);
  report("sign-ins, " + sequential + " (token TTL 1 h)", std::to_string(sign_ins), "1",
         sign_ins == 1);
  report("TCP connections, " + std::to_string(threads) + " threads sharing a client",
         std::to_string(shared_connections), "<= " + std::to_string(threads),
         shared_connections >= 1 && shared_connections <= static_cast<unsigned long long>(threads));
  report("sign-ins, " + std::to_string(threads) + " threads sharing a client",
         std::to_string(shared_sign_ins), "1", shared_sign_ins == 1);
  return lists == static_cast<unsigned long long>(calls) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const long long calls = amigo_bench::argument(argc, argv, "--calls", 1000);
  const long long threads = amigo_bench::argument(argc, argv, "--threads", 4);
  if (calls < 1 || threads < 1) {
    std::fprintf(stderr, "usage: connections_bench [--calls N] [--threads T]\n");
    return 2;
  }
  try {
    return benchmark(calls, threads);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "connections_bench: %s\n", error.what());
    return 1;
  }
}

// Micro-benchmarks of the client's own work, without a network: decoding a
// 100-user page (the SDK's one-pass SAX decoder, and a nlohmann DOM plus copy
// for reference), encoding the request bodies, building the query and path,
// and one whole call through the pipeline over a transport that answers at once.
//
//   micro_bench [Google Benchmark flags, e.g. --benchmark_filter=Decode]

#include <benchmark/benchmark.h>

#include <amigo/amigo.hpp>

#include <memory>

#include "request_encoding.hpp"
#include "support/realistic_page.hpp"
#include "support/reference_decoder.hpp"
#include "user_codec.hpp"

namespace {

void decode_page_sdk(benchmark::State& state) {
  const std::string body = amigo_bench::realistic_page_body(100);
  for (auto _ : state) {
    amigo::UserPage page = amigo::detail::decode_user_page(body, 200);
    benchmark::DoNotOptimize(page.users.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(decode_page_sdk);

void decode_page_nlohmann_dom_and_copy(benchmark::State& state) {
  const std::string body = amigo_bench::realistic_page_body(100);
  for (auto _ : state) {
    amigo::UserPage page = amigo_bench::reference_decode_page(body);
    benchmark::DoNotOptimize(page.users.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(decode_page_nlohmann_dom_and_copy);

void encode_invite(benchmark::State& state) {
  const amigo::UserInviteRequest invite = amigo_bench::realistic_invite();
  for (auto _ : state) {
    std::string body = amigo::detail::encode_invite(invite);
    benchmark::DoNotOptimize(body.data());
  }
}
BENCHMARK(encode_invite);

void encode_update(benchmark::State& state) {
  const amigo::UserUpdateRequest update = amigo_bench::realistic_update();
  for (auto _ : state) {
    std::string body = amigo::detail::encode_update(update);
    benchmark::DoNotOptimize(body.data());
  }
}
BENCHMARK(encode_update);

void list_query(benchmark::State& state) {
  amigo::ListUsersRequest request;
  request.emails = {"ana.garcia@acme-corp.example", "soren+hr@acme-corp.example"};
  request.limit = 100;
  request.continuation_token = 4200;
  request.sort_by = {amigo::UserSort::ascending(amigo::UserSortField::last_name),
                     amigo::UserSort::descending(amigo::UserSortField::last_message_time)};
  for (auto _ : state) {
    std::string query = amigo::detail::list_users_query(request);
    benchmark::DoNotOptimize(query.data());
  }
}
BENCHMARK(list_query);

void user_path(benchmark::State& state) {
  for (auto _ : state) {
    std::string segment =
        amigo::detail::user_id_segment(amigo::Operation::update_user, "6630f1c2a8b4e9d1/ü 1");
    benchmark::DoNotOptimize(segment.data());
  }
}
BENCHMARK(user_path);

// Answers every request at once with a fixed response, so that a call costs
// only what the pipeline does around the transport.
class InstantTransport final : public amigo::HttpTransport {
 public:
  explicit InstantTransport(amigo::HttpResponse response) : response_(std::move(response)) {}
  amigo::HttpResponse send(const amigo::HttpRequest& request) override {
    benchmark::DoNotOptimize(request.url.data());
    return response_;
  }

 private:
  amigo::HttpResponse response_;
};

amigo::AmigoClient client_over(std::shared_ptr<amigo::HttpTransport> transport) {
  amigo::ClientOptions options;
  options.base_url = "https://api.amigo.ai";
  options.organization_id = "acme-corp";
  options.auth = amigo::BearerAuth{"header.payload.signature", std::nullopt};
  options.transport = std::move(transport);
  return amigo::AmigoClient(std::move(options));
}

amigo::HttpResponse answer(int status, std::string body) {
  amigo::HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "application/json"},
                      {"X-RateLimit-Limit", "60"},
                      {"X-RateLimit-Remaining", "59"},
                      {"X-RateLimit-Reset", "60"}};
  response.body = std::move(body);
  return response;
}

// Request building (path, query, headers, credentials), rate-limit headers
// and decoding an empty page: a list call's fixed cost.
void list_call_pipeline(benchmark::State& state) {
  amigo::AmigoClient client = client_over(std::make_shared<InstantTransport>(
      answer(200, R"({"users":[],"has_more":false,"continuation_token":null})")));
  amigo::ListUsersRequest request;
  request.limit = 100;
  for (auto _ : state) {
    amigo::UserPage page = client.user().list_users(request);
    benchmark::DoNotOptimize(page.users.data());
  }
}
BENCHMARK(list_call_pipeline);

void update_call_pipeline(benchmark::State& state) {
  amigo::AmigoClient client = client_over(std::make_shared<InstantTransport>(answer(204, "")));
  const amigo::UserUpdateRequest update = amigo_bench::realistic_update();
  for (auto _ : state) client.user().update_user("6630f1c2a8b4e9d1", update);
}
BENCHMARK(update_call_pipeline);

}  // namespace

BENCHMARK_MAIN();

#include "amigo/testing/emulator.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "../http_server.hpp"

namespace amigo::testing {
namespace {

constexpr std::chrono::seconds kStartTimeout{10};

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::invalid_argument("cannot read seed file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

emulator::ServerOptions server_options(const EmulatorOptions& options) {
  emulator::ServerOptions server;
  server.bind = options.bind;
  server.port = options.port;
  server.seed_json = !options.seed_json.empty()  ? options.seed_json
                     : options.seed_path.empty() ? std::string()
                                                 : read_file(options.seed_path);
  server.token_ttl = options.token_ttl;
  server.rate_limits = options.rate_limits;
  server.time_scale = options.time_scale;
  server.maintenance = options.maintenance;
  server.tls_cert_path = options.tls_cert_path;
  server.tls_key_path = options.tls_key_path;
  return server;
}

const char* action_name(FaultAction action) {
  switch (action) {
    case FaultAction::status:
      return "status";
    case FaultAction::delay:
      return "delay";
    case FaultAction::close_before:
      return "close_before";
    case FaultAction::close_after:
      return "close_after";
    case FaultAction::truncated_body:
      return "truncated_body";
    case FaultAction::html_body:
      return "html_body";
  }
  return "";
}

}  // namespace

std::uint64_t EmulatorCounters::requests_of(const std::string& name) const {
  const auto found = requests.find(name);
  return found == requests.end() ? 0 : found->second;
}

struct Emulator::Impl {
  explicit Impl(const EmulatorOptions& options) : server(server_options(options)) {
    base_url = server.base_url();
    const emulator::ApiKey key = server.service().first_api_key();
    organization_id = key.org_id;
    api_key = key.key;
    api_key_id = key.key_id;
    user_id = key.user_id;
  }

  emulator::HttpServer server;
  std::thread thread;
  std::string base_url;
  std::string organization_id;
  std::string api_key;
  std::string api_key_id;
  std::string user_id;
};

Emulator::Emulator(const EmulatorOptions& options) : impl_(std::make_unique<Impl>(options)) {
  impl_->thread = std::thread([this] { impl_->server.serve(); });

  // The socket listens from the constructor on; waiting for the accept loop
  // makes the first request as fast as later ones.
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (!impl_->server.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

Emulator::~Emulator() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

const std::string& Emulator::base_url() const { return impl_->base_url; }
int Emulator::port() const { return impl_->server.port(); }
const std::string& Emulator::organization_id() const { return impl_->organization_id; }
const std::string& Emulator::api_key() const { return impl_->api_key; }
const std::string& Emulator::api_key_id() const { return impl_->api_key_id; }
const std::string& Emulator::user_id() const { return impl_->user_id; }

void Emulator::reset() { impl_->server.service().reset(); }

void Emulator::load_seed(const std::string& seed_json) {
  nlohmann::json seed;
  try {
    seed = nlohmann::json::parse(seed_json);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::invalid_argument(std::string("seed is not valid JSON: ") + error.what());
  }
  impl_->server.service().load_seed(seed);
}

void Emulator::add_fault(const Fault& fault) {
  nlohmann::json value = {{"method", fault.method},
                          {"path", fault.path},
                          {"action", action_name(fault.action)},
                          {"count", fault.count},
                          {"delay_ms", fault.delay.count()}};
  if (fault.status != 0) value["status"] = fault.status;
  if (fault.retry_after) value["retry_after"] = *fault.retry_after;
  if (fault.body) value["body"] = *fault.body;
  impl_->server.service().faults().add(emulator::parse_fault(value));
}

void Emulator::clear_faults() { impl_->server.service().faults().clear(); }

void Emulator::set_maintenance(bool enabled) { impl_->server.service().set_maintenance(enabled); }

void Emulator::set_conflict(const std::string& user_id, bool enabled) {
  impl_->server.service().store().set_conflict(user_id, enabled);
}

void Emulator::generate_users(const std::string& organization_id, std::size_t count) {
  impl_->server.service().store().generate_users(organization_id, count, "DefaultUserRole");
}

EmulatorCounters Emulator::counters() const {
  const emulator::RequestTotals totals = impl_->server.service().journal().totals();
  return EmulatorCounters{totals.requests, totals.sign_ins, totals.tcp_connections};
}

std::string Emulator::state_json() const {
  return impl_->server.service().state().dump(2, ' ', false,
                                              nlohmann::json::error_handler_t::replace);
}

}  // namespace amigo::testing

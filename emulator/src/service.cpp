#include "service.hpp"

#include <stdexcept>

#include "seed.hpp"

namespace amigo::emulator {
namespace {

nlohmann::json parse_seed_text(const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::invalid_argument(std::string("seed is not valid JSON: ") + error.what());
  }
}

}  // namespace

Service::Service(const ServerOptions& options)
    : options_(options),
      limiter_(options.time_scale, options.rate_limits),
      maintenance_(options.maintenance) {
  if (!(options.time_scale > 0)) throw std::invalid_argument("the time scale must be positive");
  load_seed(parse_seed_text(options.seed_json.empty() ? std::string(default_seed_json())
                                                      : options.seed_json));
}

void Service::load_seed(const nlohmann::json& seed) {
  World world = parse_seed(seed);
  std::lock_guard lock(seed_mutex_);
  seed_ = seed;
  store_.load(std::move(world));
}

void Service::reset() {
  nlohmann::json seed;
  {
    std::lock_guard lock(seed_mutex_);
    seed = seed_;
  }
  store_.load(parse_seed(seed));
  faults_.clear();
  limiter_.clear();
  journal_.clear();
  maintenance_ = options_.maintenance;
}

nlohmann::json Service::state() const {
  nlohmann::json state = store_.dump();
  state["maintenance"] = maintenance_.load();
  return state;
}

ApiKey Service::first_api_key() const {
  std::lock_guard lock(seed_mutex_);
  const auto keys = seed_.find("api_keys");
  if (keys == seed_.end() || !keys->is_array() || keys->empty()) return ApiKey{};
  const nlohmann::json& key = keys->front();
  return ApiKey{key.value("org_id", ""), key.value("key", ""), key.value("key_id", ""),
                key.value("user_id", "")};
}

}  // namespace amigo::emulator

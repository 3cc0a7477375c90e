#include "faults.hpp"

#include <cctype>
#include <stdexcept>

namespace amigo::emulator {
namespace {

struct NamedAction {
  const char* name;
  FaultAction action;
};

constexpr NamedAction kActions[] = {
    {"status", FaultAction::status},
    {"delay", FaultAction::delay},
    {"close_before", FaultAction::close_before},
    {"close_after", FaultAction::close_after},
    {"truncated_body", FaultAction::truncated_body},
    {"html_body", FaultAction::html_body},
};

bool path_matches(const std::string& pattern, const std::string& path) {
  if (!pattern.empty() && pattern.back() == '*') {
    return path.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  }
  return pattern == path;
}

template <typename T>
T member(const nlohmann::json& value, const char* key, T fallback) {
  const auto it = value.find(key);
  if (it == value.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument(std::string("fault \"") + key + "\" has the wrong type");
  }
}

}  // namespace

bool Fault::matches(const std::string& request_method, const std::string& raw_path,
                    const std::string& decoded_path) const {
  if (!method.empty() && method != request_method) return false;
  return path_matches(path, raw_path) || path_matches(path, decoded_path);
}

Fault parse_fault(const nlohmann::json& value) {
  if (!value.is_object()) throw std::invalid_argument("a fault must be a JSON object");
  Fault fault;
  fault.method = member<std::string>(value, "method", "");
  for (char& c : fault.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  fault.path = member<std::string>(value, "path", "");
  if (fault.path.empty()) throw std::invalid_argument("a fault needs a \"path\"");
  fault.remaining = member<int>(value, "count", 1);
  if (fault.remaining == 0 || fault.remaining < -1) {
    throw std::invalid_argument("fault \"count\" must be positive, or -1 for unlimited");
  }

  const auto action = member<std::string>(value, "action", "");
  bool known = false;
  for (const NamedAction& candidate : kActions) {
    if (action == candidate.name) {
      fault.action = candidate.action;
      known = true;
    }
  }
  if (!known) {
    throw std::invalid_argument(
        "fault \"action\" must be one of status, delay, close_before, close_after, "
        "truncated_body, html_body");
  }

  const int default_status = fault.action == FaultAction::html_body ? 502 : 503;
  fault.status = member<int>(value, "status", default_status);
  if (fault.status < 100 || fault.status > 599) {
    throw std::invalid_argument("fault \"status\" must be an HTTP status code");
  }
  if (value.contains("retry_after") && value["retry_after"].is_number()) {
    fault.retry_after = value["retry_after"].dump();
  } else if (value.contains("retry_after") && !value["retry_after"].is_null()) {
    fault.retry_after = member<std::string>(value, "retry_after", "");
  }
  if (value.contains("body") && !value["body"].is_null()) {
    fault.body =
        value["body"].is_string() ? value["body"].get<std::string>() : value["body"].dump();
  }
  fault.delay_ms = member<int>(value, "delay_ms", 0);
  if (fault.delay_ms < 0) throw std::invalid_argument("fault \"delay_ms\" must not be negative");
  return fault;
}

nlohmann::json fault_json(const Fault& fault) {
  nlohmann::json value = {{"method", fault.method},
                          {"path", fault.path},
                          {"count", fault.remaining},
                          {"status", fault.status},
                          {"delay_ms", fault.delay_ms}};
  for (const NamedAction& candidate : kActions) {
    if (candidate.action == fault.action) value["action"] = candidate.name;
  }
  value["retry_after"] = fault.retry_after ? nlohmann::json(*fault.retry_after) : nullptr;
  value["body"] = fault.body ? nlohmann::json(*fault.body) : nullptr;
  return value;
}

void FaultTable::add(Fault fault) {
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(fault));
}

void FaultTable::clear() {
  std::lock_guard lock(mutex_);
  faults_.clear();
}

std::optional<Fault> FaultTable::take(const std::string& method, const std::string& raw_path,
                                      const std::string& decoded_path) {
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->matches(method, raw_path, decoded_path)) continue;
    Fault triggered = *it;
    if (it->remaining > 0 && --it->remaining == 0) faults_.erase(it);
    return triggered;
  }
  return std::nullopt;
}

nlohmann::json FaultTable::to_json() const {
  std::lock_guard lock(mutex_);
  nlohmann::json list = nlohmann::json::array();
  for (const Fault& fault : faults_) list.push_back(fault_json(fault));
  return list;
}

}  // namespace amigo::emulator

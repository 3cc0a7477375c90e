#include "admin_api.hpp"

#include <stdexcept>

namespace amigo::emulator {
namespace {

using nlohmann::json;

const std::string kDefaultGeneratedRole = "DefaultUserRole";

Reply ok() { return json_reply(200, {{"ok", true}}); }

json parse_body(const std::string& body) {
  if (body.empty()) return json::object();
  try {
    return json::parse(body);
  } catch (const json::parse_error& error) {
    throw std::invalid_argument(std::string("body is not JSON: ") + error.what());
  }
}

bool required_bool(const json& body, const char* key) {
  if (!body.is_object() || !body.contains(key) || !body[key].is_boolean()) {
    throw std::invalid_argument(std::string("\"") + key + "\" must be true or false");
  }
  return body[key].get<bool>();
}

std::string required_string(const json& body, const char* key) {
  if (!body.is_object() || !body.contains(key) || !body[key].is_string()) {
    throw std::invalid_argument(std::string("\"") + key + "\" must be a string");
  }
  return body[key].get<std::string>();
}

Reply add_faults(Service& service, const json& body) {
  // One fault or a list of them; all are checked before any is added.
  std::vector<Fault> faults;
  if (body.is_array()) {
    for (const json& item : body) faults.push_back(parse_fault(item));
  } else {
    faults.push_back(parse_fault(body));
  }
  for (Fault& fault : faults) service.faults().add(std::move(fault));
  return json_reply(200, {{"faults", service.faults().to_json()}});
}

Reply generate(Service& service, const json& body) {
  const std::string org_id = required_string(body, "org_id");
  if (!body.contains("count") || !body["count"].is_number_unsigned()) {
    throw std::invalid_argument("\"count\" must be a non-negative integer");
  }
  const auto count = body["count"].get<std::size_t>();
  const std::string role =
      body.contains("role") ? required_string(body, "role") : kDefaultGeneratedRole;
  service.store().generate_users(org_id, count, role);
  return json_reply(200, {{"generated", count}});
}

Reply route_admin(Service& service, const std::string& method, const std::string& path,
                  const std::string& body) {
  if (path == "/_emulator/health" && method == "GET") return ok();
  if (path == "/_emulator/reset" && method == "POST") {
    service.reset();
    return ok();
  }
  if (path == "/_emulator/seed" && method == "POST") {
    service.load_seed(parse_body(body));
    return ok();
  }
  if (path == "/_emulator/state" && method == "GET") return json_reply(200, service.state());
  if (path == "/_emulator/counters" && method == "GET") {
    return json_reply(200, service.journal().to_json());
  }
  if (path == "/_emulator/maintenance" && method == "POST") {
    service.set_maintenance(required_bool(parse_body(body), "enabled"));
    return ok();
  }
  if (path == "/_emulator/conflicts" && method == "POST") {
    const json request = parse_body(body);
    service.store().set_conflict(required_string(request, "user_id"),
                                 required_bool(request, "enabled"));
    return ok();
  }
  if (path == "/_emulator/faults") {
    if (method == "GET") return json_reply(200, {{"faults", service.faults().to_json()}});
    if (method == "POST") return add_faults(service, parse_body(body));
    if (method == "DELETE") {
      service.faults().clear();
      return ok();
    }
  }
  if (path == "/_emulator/generate" && method == "POST") return generate(service, parse_body(body));
  return detail_reply(404, "Not Found");
}

}  // namespace

Reply handle_admin(Service& service, const std::string& method, const std::string& path,
                   const std::string& body) {
  try {
    return route_admin(service, method, path, body);
  } catch (const std::invalid_argument& error) {
    return detail_reply(400, error.what());
  }
}

}  // namespace amigo::emulator

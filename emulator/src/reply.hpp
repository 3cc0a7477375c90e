#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace amigo::emulator {

/// An answer before it is written to the connection.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

inline std::string dump_json(const nlohmann::json& value) {
  // Path parameters are arbitrary bytes; never let one make serialization throw.
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline Reply json_reply(int status, const nlohmann::json& body) {
  return Reply{status, dump_json(body), "application/json", {}};
}

/// The `{"detail": "..."}` answer of every failure except validation.
inline Reply detail_reply(int status, const std::string& detail) {
  return json_reply(status, {{"detail", detail}});
}

}  // namespace amigo::emulator

#pragma once

// The kinds of JSON value, named as decode errors name what they found
// (the kind, never the value).

#include <nlohmann/json.hpp>
#include <string_view>

namespace amigo::detail {

enum class JsonKind { null, boolean, integer, number, string, object, array };

/// "a string", "an integer", "null", ...: fits "expected X, got <this>".
inline std::string_view describe(JsonKind kind) {
  switch (kind) {
    case JsonKind::null:
      return "null";
    case JsonKind::boolean:
      return "a boolean";
    case JsonKind::integer:
      return "an integer";
    case JsonKind::number:
      return "a number with a fraction or exponent";
    case JsonKind::string:
      return "a string";
    case JsonKind::object:
      return "an object";
    case JsonKind::array:
      return "an array";
  }
  return "an unknown value";
}

inline JsonKind kind_of(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return JsonKind::null;
    case nlohmann::json::value_t::boolean:
      return JsonKind::boolean;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return JsonKind::integer;
    case nlohmann::json::value_t::number_float:
      return JsonKind::number;
    case nlohmann::json::value_t::string:
    case nlohmann::json::value_t::binary:
      return JsonKind::string;
    case nlohmann::json::value_t::object:
      return JsonKind::object;
    case nlohmann::json::value_t::array:
      return JsonKind::array;
  }
  return JsonKind::null;
}

}  // namespace amigo::detail

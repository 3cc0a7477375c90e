#pragma once

// The wire rules for optional request fields, for any nlohmann JSON object:
// std::optional is absent or a value; Field<T> adds null, which erases.

#include <optional>
#include <string_view>

#include "amigo/field.hpp"

namespace amigo::detail {

template <typename Json, typename T>
void put_optional(Json& object, std::string_view key, const std::optional<T>& value) {
  if (value) object[std::string(key)] = *value;
}

template <typename Json, typename T>
void put_field(Json& object, std::string_view key, const Field<T>& field) {
  switch (field.state()) {
    case Field<T>::State::not_set:
      return;
    case Field<T>::State::null:
      object[std::string(key)] = nullptr;
      return;
    case Field<T>::State::value:
      object[std::string(key)] = field.value();
      return;
  }
}

}  // namespace amigo::detail

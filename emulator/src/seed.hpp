#pragma once

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace amigo::emulator {

/// Builds the emulator's world from a seed document (format in emulator/README.md).
/// Throws std::invalid_argument naming the first problem found.
World parse_seed(const nlohmann::json& seed);

/// The world as a seed document: what `GET /_emulator/state` shows and `POST /_emulator/seed`
/// accepts. Unlike the user API it includes sensitive variable values and verification state.
nlohmann::json dump_world(const World& world);

/// A user as the list operation returns it (`UserInstance`): sensitive variables by name only.
nlohmann::json user_instance_json(const User& user);

}  // namespace amigo::emulator

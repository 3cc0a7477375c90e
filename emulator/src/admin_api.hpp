#pragma once

#include <string>

#include "reply.hpp"
#include "service.hpp"

namespace amigo::emulator {

/// Answers a request under /_emulator/ (the admin API described in emulator/README.md).
Reply handle_admin(Service& service, const std::string& method, const std::string& path,
                   const std::string& body);

}  // namespace amigo::emulator

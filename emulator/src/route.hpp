#pragma once

#include <string>

#include "rate_limiter.hpp"

namespace amigo::emulator {

enum class RouteKind { operation, admin, redirect, method_not_allowed, not_found };

/// Where a request goes. Routing works on the raw path, segment by segment, and decodes each
/// segment afterwards, so an id containing an encoded '/' (%2F) stays one id.
struct Route {
  RouteKind kind = RouteKind::not_found;
  Operation operation = Operation::sign_in;
  std::string org_id;
  std::string user_id;
  std::string location;  // for redirects: the path with its trailing slash fixed
  std::string allow;     // for 405: the methods the path takes
};

Route route_request(const std::string& method, const std::string& raw_path);

}  // namespace amigo::emulator

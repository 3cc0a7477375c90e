#include "route.hpp"

#include <vector>

#include "text.hpp"

namespace amigo::emulator {
namespace {

constexpr const char* kSignInSegment = "signin_with_api_key";

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) return segments;
    start = slash + 1;
  }
}

Route operation(Operation op, std::string org_id, std::string user_id = {}) {
  Route route;
  route.kind = RouteKind::operation;
  route.operation = op;
  route.org_id = std::move(org_id);
  route.user_id = std::move(user_id);
  return route;
}

Route method_not_allowed(std::string allow) {
  Route route;
  route.kind = RouteKind::method_not_allowed;
  route.allow = std::move(allow);
  return route;
}

Route redirect(std::string location) {
  Route route;
  route.kind = RouteKind::redirect;
  route.location = std::move(location);
  return route;
}

}  // namespace

Route route_request(const std::string& method, const std::string& raw_path) {
  if (raw_path.rfind("/_emulator/", 0) == 0) return Route{RouteKind::admin, {}, {}, {}, {}, {}};

  // ["", "v1", org, "user", ...]
  const std::vector<std::string> segments = split_path(raw_path);
  if (segments.size() < 4 || !segments[0].empty() || segments[1] != "v1" || segments[2].empty() ||
      segments[3] != "user") {
    return Route{};
  }
  std::string org_id = percent_decode(segments[2]);

  // FastAPI redirects a path that differs from a route only by its final slash.
  if (segments.size() == 4 && (method == "GET" || method == "POST")) {
    return redirect(raw_path + "/");
  }
  if (segments.size() == 6 && segments[5].empty() && !segments[4].empty()) {
    return redirect(raw_path.substr(0, raw_path.size() - 1));
  }
  if (segments.size() != 5) return Route{};

  const std::string& last = segments[4];
  if (last.empty()) {
    if (method == "GET") return operation(Operation::list_users, std::move(org_id));
    if (method == "POST") return operation(Operation::invite_user, std::move(org_id));
    return method_not_allowed("GET, POST");
  }
  std::string user_id = percent_decode(last);
  if (method == "POST" && last == kSignInSegment) {
    return operation(Operation::sign_in, std::move(org_id));
  }
  if (method == "POST") return operation(Operation::update_user, std::move(org_id), user_id);
  if (method == "DELETE") return operation(Operation::delete_user, std::move(org_id), user_id);
  return method_not_allowed("POST, DELETE");
}

}  // namespace amigo::emulator

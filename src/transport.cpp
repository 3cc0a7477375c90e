#include "amigo/transport.hpp"

#include "amigo/auth.hpp"
#include "amigo/options.hpp"

namespace amigo {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::string_view to_string(HttpMethod method) noexcept {
  switch (method) {
    case HttpMethod::get:
      return "GET";
    case HttpMethod::post:
      return "POST";
    case HttpMethod::del:
      return "DELETE";
  }
  return "GET";
}

const std::string* HttpResponse::find_header(std::string_view name) const {
  for (const auto& header : headers) {
    if (equals_ignoring_case(header.name, name)) return &header.value;
  }
  return nullptr;
}

HttpTransport::~HttpTransport() = default;

AuthProvider::~AuthProvider() = default;

bool AuthProvider::refresh_after_unauthorized(const std::vector<HttpHeader>& /*rejected*/) {
  return false;
}

Clock::~Clock() = default;

}  // namespace amigo

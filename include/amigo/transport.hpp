#pragma once

/// @file
/// The HTTP seam: the client speaks through an HttpTransport. The default one
/// is libcurl; tests and unusual environments can supply their own.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "amigo/export.hpp"

namespace amigo {

enum class HttpMethod { get, post, del };

/// "GET", "POST" or "DELETE".
AMIGO_API std::string_view to_string(HttpMethod method) noexcept;

struct HttpHeader {
  std::string name;
  std::string value;

  friend bool operator==(const HttpHeader& a, const HttpHeader& b) {
    return a.name == b.name && a.value == b.value;
  }
};

/// One request, fully formed: absolute URL with its query, every header.
struct HttpRequest {
  HttpMethod method = HttpMethod::get;
  std::string url;
  std::vector<HttpHeader> headers;
  std::string body;
  /// The time the whole exchange may take.
  std::chrono::milliseconds timeout{0};
};

/// One answer, whatever its status.
struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;
  std::string body;

  /// The first header with this name, compared without regard to case.
  [[nodiscard]] AMIGO_API const std::string* find_header(std::string_view name) const;
};

/// Sends requests. Implementations must be safe to call from many threads at
/// once. An HTTP answer of any status is returned; a failure to get one throws
/// amigo::TransportError (or amigo::TimeoutError), saying whether the request
/// may have reached the server.
class AMIGO_API HttpTransport {
 public:
  virtual ~HttpTransport();
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace amigo

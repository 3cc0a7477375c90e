#pragma once

// The base URL every request path is appended to: http(s)://host[:port][/path].

#include <optional>
#include <string>
#include <string_view>

namespace amigo::detail {

struct BaseUrl {
  std::string scheme;  ///< "http" or "https", lower case
  std::string host;    ///< as written; an IPv6 address keeps its brackets
  std::optional<int> port;
  std::string path;  ///< "" or "/prefix", never ending in '/'

  /// scheme://host[:port]path, ready for a request path to be appended.
  [[nodiscard]] std::string prefix() const;
};

/// Parses `text`, or throws ConfigurationError naming `source` (the option or
/// variable it came from), saying what is wrong and the expected form.
BaseUrl parse_base_url(std::string_view text, std::string_view source);

/// localhost, 127.0.0.0/8 or ::1: traffic that never leaves the machine.
bool is_loopback_host(std::string_view host);

}  // namespace amigo::detail

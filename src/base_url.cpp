#include "base_url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

constexpr std::string_view kExpectedForm =
    "expected http(s)://host[:port][/path], for example https://api.amigo.ai";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

bool is_ipv6_char(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '.';
}

bool is_path_char(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte > 0x20 && byte != 0x7F && c != '?' && c != '#' && c != '\\';
}

// Dotted quad with every part 0..255; sets `first` to the first octet.
bool parse_ipv4(std::string_view host, int& first) {
  // Exactly four dotted decimal parts and nothing after them: "127.0.0.1.io"
  // is a DNS name that anyone could point anywhere, not a loopback address.
  for (int parts = 0; parts < 4; ++parts) {
    const auto dot = host.find('.');
    const std::string_view part = host.substr(0, dot);
    int value = -1;
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || part.size() > 3 || error != std::errc{} ||
        end != part.data() + part.size() || value > 255) {
      return false;
    }
    if (parts == 0) first = value;
    const bool last = parts == 3;
    if (last != (dot == std::string_view::npos)) return false;
    if (!last) host.remove_prefix(dot + 1);
  }
  return true;
}

}  // namespace

std::string BaseUrl::prefix() const {
  std::string out = scheme + "://" + host;
  if (port) out += ":" + std::to_string(*port);
  return out + path;
}

BaseUrl parse_base_url(std::string_view text, std::string_view source) {
  auto fail = [&](std::string_view why) -> BaseUrl {
    throw ConfigurationError(
        fmt::format("{} is not a valid base URL: {}; {}", source, why, kExpectedForm));
  };

  BaseUrl url;
  auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return fail("it has no scheme");
  url.scheme = lower(text.substr(0, scheme_end));
  if (url.scheme != "http" && url.scheme != "https") {
    return fail(fmt::format("the scheme must be http or https, not '{}'",
                            text.substr(0, std::min<std::size_t>(scheme_end, 16))));
  }

  std::string_view rest = text.substr(scheme_end + 3);
  auto authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view path = authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
  // Deliberately not echoed: a user:password@ part is a credential.
  if (authority.find('@') != std::string_view::npos) {
    return fail("it must not contain credentials (user:password@)");
  }
  if (path.find_first_of("?#") != std::string_view::npos) {
    return fail("it must not have a query or fragment");
  }
  if (!std::all_of(path.begin(), path.end(), is_path_char)) {
    return fail("its path contains spaces or control characters");
  }

  std::optional<std::string_view> port;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return fail("an IPv6 address is missing its ']'");
    std::string_view address = authority.substr(1, close - 1);
    if (address.empty() || !std::all_of(address.begin(), address.end(), is_ipv6_char)) {
      return fail("the IPv6 address is malformed");
    }
    url.host = std::string(authority.substr(0, close + 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':')
      return fail("unexpected text after the IPv6 address");
    if (!after.empty()) port = after.substr(1);
  } else {
    auto colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    if (url.host.empty()) return fail("it has no host");
    if (!std::all_of(url.host.begin(), url.host.end(), is_host_char)) {
      return fail("the host contains characters a host name cannot have");
    }
  }
  if (port) {
    int number = 0;
    auto [end, error] = std::from_chars(port->data(), port->data() + port->size(), number);
    if (port->empty() || error != std::errc{} || end != port->data() + port->size() || number < 1 ||
        number > 65535) {
      return fail("the port must be a number from 1 to 65535");
    }
    url.port = number;
  }

  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  url.path = std::string(path);
  return url;
}

bool is_loopback_host(std::string_view host) {
  std::string name = lower(host);
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (name == "localhost") return true;
  if (name == "[::1]" || name == "::1" || name == "[0:0:0:0:0:0:0:1]") return true;
  int first = 0;
  return parse_ipv4(name, first) && first == 127;
}

}  // namespace amigo::detail

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "amigo/errors.hpp"
#include "amigo/options.hpp"
#include "options_validation.hpp"

namespace amigo {
namespace {

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

bool has_space_or_control(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return true;
  }
  return false;
}

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

struct RequiredVariables {
  std::string api_key;
  std::string api_key_id;
  std::string user_id;
  std::string organization_id;
};

// The value is never echoed: AMIGO_API_KEY is a secret, and the others sit next to it.
RequiredVariables read_required_variables() {
  struct Wanted {
    std::string_view name;
    std::string RequiredVariables::*field;
  };
  static constexpr Wanted kWanted[] = {
      {"AMIGO_API_KEY", &RequiredVariables::api_key},
      {"AMIGO_API_KEY_ID", &RequiredVariables::api_key_id},
      {"AMIGO_USER_ID", &RequiredVariables::user_id},
      {"AMIGO_ORGANIZATION_ID", &RequiredVariables::organization_id},
  };

  RequiredVariables values;
  std::vector<std::string_view> missing;
  for (const auto& wanted : kWanted) {
    const char* value = std::getenv(std::string(wanted.name).c_str());
    if (value == nullptr || *value == '\0') {
      missing.push_back(wanted.name);
      continue;
    }
    if (has_space_or_control(value)) {
      throw ConfigurationError(fmt::format(
          "{} contains whitespace or control characters (often a trailing newline from copying "
          "it); set it to the value alone",
          wanted.name));
    }
    values.*wanted.field = value;
  }
  if (!missing.empty()) {
    throw ConfigurationError(fmt::format(
        "{} {} not set; export {} (the API key, its id and the user to act as come from the "
        "Amigo admin console), or build ClientOptions in code",
        join_names(missing), missing.size() == 1 ? "is" : "are",
        missing.size() == 1 ? "it" : "them"));
  }
  return values;
}

}  // namespace

ClientOptions ClientOptions::from_env() {
  RequiredVariables values = read_required_variables();

  ClientOptions options;
  options.organization_id = values.organization_id;
  options.auth = ApiKeyAuth{values.api_key, values.api_key_id, values.user_id};
  if (const char* base_url = std::getenv("AMIGO_BASE_URL"); base_url != nullptr && *base_url) {
    detail::parse_base_url(base_url, "AMIGO_BASE_URL");
    options.base_url = base_url;
  }
  return options;
}

namespace detail {
namespace {

void require_no_line_break(std::string_view value, std::string_view option) {
  if (has_line_break(value)) {
    throw ConfigurationError(
        fmt::format("ClientOptions::{} contains a line break (CR or LF); remove it", option));
  }
}

void require_non_empty(std::string_view value, std::string_view field) {
  if (value.empty()) {
    throw ConfigurationError(
        fmt::format("ClientOptions::auth: {} is empty; give its value", field));
  }
}

void validate_auth(const Auth& auth) {
  std::visit(
      [](const auto& method) {
        using Method = std::decay_t<decltype(method)>;
        if constexpr (std::is_same_v<Method, std::monostate>) {
          throw ConfigurationError(
              "ClientOptions::auth is not set; use amigo::ApiKeyAuth, amigo::BearerAuth, "
              "amigo::BasicAuth or a std::shared_ptr<amigo::AuthProvider>");
        } else if constexpr (std::is_same_v<Method, ApiKeyAuth>) {
          require_non_empty(method.api_key, "ApiKeyAuth::api_key");
          require_non_empty(method.api_key_id, "ApiKeyAuth::api_key_id");
          require_non_empty(method.user_id, "ApiKeyAuth::user_id");
        } else if constexpr (std::is_same_v<Method, BearerAuth>) {
          require_non_empty(method.token, "BearerAuth::token");
        } else if constexpr (std::is_same_v<Method, BasicAuth>) {
          require_non_empty(method.organization_id, "BasicAuth::organization_id");
          require_non_empty(method.user_id, "BasicAuth::user_id");
          require_non_empty(method.token, "BasicAuth::token");
        } else {
          if (!method) {
            throw ConfigurationError(
                "ClientOptions::auth holds an empty std::shared_ptr<AuthProvider>; give a "
                "provider");
          }
        }
      },
      auth);
}

void validate_durations(const ClientOptions& options) {
  using std::chrono::milliseconds;
  auto require_positive = [](milliseconds value, std::string_view option) {
    if (value <= milliseconds{0}) {
      throw ConfigurationError(
          fmt::format("ClientOptions::{} is {} ms; it must be positive", option, value.count()));
    }
  };
  require_positive(options.connect_timeout, "connect_timeout");
  require_positive(options.request_timeout, "request_timeout");

  const RetryOptions& retry = options.retry;
  if (retry.max_attempts < 1) {
    throw ConfigurationError(fmt::format(
        "ClientOptions::retry.max_attempts is {}; it must be at least 1 (1 turns retries off, "
        "see RetryOptions::none())",
        retry.max_attempts));
  }
  if (retry.initial_backoff < milliseconds{0} || retry.max_backoff < milliseconds{0} ||
      retry.max_retry_after < milliseconds{0}) {
    throw ConfigurationError(
        "ClientOptions::retry: initial_backoff, max_backoff and max_retry_after must not be "
        "negative");
  }
}

}  // namespace

BaseUrl validate_client_options(const ClientOptions& options) {
  if (options.organization_id.empty()) {
    throw ConfigurationError(
        "ClientOptions::organization_id is empty; set it to your organization's id (or set "
        "AMIGO_ORGANIZATION_ID and use ClientOptions::from_env())");
  }
  require_no_line_break(options.organization_id, "organization_id");
  if (options.organization_id == "." || options.organization_id == "..") {
    // Percent-encoding leaves dots alone, and a dot segment would move the
    // request to another path.
    throw ConfigurationError(
        "ClientOptions::organization_id is a dot segment ('.' or '..'); set it to your "
        "organization's id");
  }
  validate_auth(options.auth);

  BaseUrl url = parse_base_url(options.base_url, "ClientOptions::base_url");
  if (url.scheme == "http" && !options.allow_insecure_http && !is_loopback_host(url.host)) {
    throw ConfigurationError(fmt::format(
        "ClientOptions::base_url uses plain http:// for '{}', which is not a loopback address, so "
        "credentials would cross the network unencrypted; use https://, or set "
        "allow_insecure_http = true if the network is trusted",
        url.host));
  }

  validate_durations(options);
  if (options.mongo_cluster_name)
    require_no_line_break(*options.mongo_cluster_name, "mongo_cluster_name");
  require_no_line_break(options.user_agent_suffix, "user_agent_suffix");

  if (!options.ca_bundle_path.empty() && !std::ifstream(options.ca_bundle_path).good()) {
    throw ConfigurationError(fmt::format(
        "ClientOptions::ca_bundle_path '{}' cannot be read; give the path of a PEM file of CA "
        "certificates",
        options.ca_bundle_path));
  }
  return url;
}

}  // namespace detail
}  // namespace amigo

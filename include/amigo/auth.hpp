#pragma once

/// @file
/// The ways to authenticate: an API key, a JWT as Bearer or Basic, or a
/// provider of your own.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "amigo/export.hpp"
#include "amigo/transport.hpp"

namespace amigo {

/// Sign in with an API key; the client caches the token it gets, renews it
/// five minutes before it expires, and once more if the server refuses it.
struct ApiKeyAuth {
  std::string api_key;     ///< sent as x-api-key
  std::string api_key_id;  ///< sent as x-api-key-id
  std::string user_id;     ///< the user to act as, sent as x-user-id
};

/// A JWT you already hold, sent as `Authorization: Bearer`.
struct BearerAuth {
  std::string token;
  /// Sent as X-ORG-ID when the token was issued by another organization.
  std::optional<std::string> issuing_organization_id;
};

/// A JWT sent as HTTP Basic credentials: user `{organization_id}_{user_id}`,
/// password the token.
struct BasicAuth {
  std::string organization_id;
  std::string user_id;
  std::string token;
};

/// Plug in your own credentials. Called from many threads at once.
class AMIGO_API AuthProvider {
 public:
  virtual ~AuthProvider();

  /// The headers that authenticate the next attempt of a request.
  virtual std::vector<HttpHeader> authorization_headers() = 0;

  /// The server answered 401 to `rejected`. Return true when fresher
  /// credentials can be had: the request is then sent once more.
  virtual bool refresh_after_unauthorized(const std::vector<HttpHeader>& rejected);
};

/// How the client authenticates; one of the above.
using Auth =
    std::variant<std::monostate, ApiKeyAuth, BearerAuth, BasicAuth, std::shared_ptr<AuthProvider>>;

}  // namespace amigo

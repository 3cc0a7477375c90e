#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "store.hpp"
#include "token_signer.hpp"

namespace amigo::emulator {

/// The credentials a request carries.
struct Credentials {
  std::string authorization;          // the Authorization header, empty when absent
  std::optional<std::string> org_id;  // the X-ORG-ID header
};

/// Checks Bearer or Basic credentials for a request on organization `path_org_id`.
/// The token must come from the organization named by X-ORG-ID or, without that header, from
/// `path_org_id`; Basic's user name must be `{org_id}_{user_id}` of the token. Returns the caller
/// or the reason for a 401.
std::variant<Caller, std::string> authenticate(const Store& store, const TokenSigner& signer,
                                               const Credentials& credentials,
                                               const std::string& path_org_id,
                                               std::int64_t now_unix_seconds);

}  // namespace amigo::emulator

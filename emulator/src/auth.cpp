#include "auth.hpp"

#include "base64.hpp"
#include "text.hpp"

namespace amigo::emulator {
namespace {

// The scheme name is case-insensitive (RFC 9110 section 11.1).
bool take_scheme(const std::string& header, const char* scheme, std::string& rest) {
  const std::string prefix = std::string(scheme) + " ";
  if (header.size() <= prefix.size() ||
      to_lower_ascii(header.substr(0, prefix.size())) != to_lower_ascii(prefix)) {
    return false;
  }
  rest = strip(header.substr(prefix.size()));
  return true;
}

}  // namespace

std::variant<Caller, std::string> authenticate(const Store& store, const TokenSigner& signer,
                                               const Credentials& credentials,
                                               const std::string& path_org_id,
                                               std::int64_t now_unix_seconds) {
  if (credentials.authorization.empty()) return std::string("Not authenticated.");

  std::string token;
  std::optional<std::string> basic_user;
  std::string rest;
  if (take_scheme(credentials.authorization, "Bearer", rest)) {
    token = rest;
  } else if (take_scheme(credentials.authorization, "Basic", rest)) {
    const auto decoded = base64_decode(rest);
    // A JWT has no ':', so the last one separates it from a user name
    // whose user id might contain one.
    const std::size_t colon = decoded ? decoded->rfind(':') : std::string::npos;
    if (colon == std::string::npos) return std::string("Malformed Basic credentials.");
    basic_user = decoded->substr(0, colon);
    token = decoded->substr(colon + 1);
  } else {
    return std::string("Unsupported authorization scheme; use Bearer or Basic.");
  }
  if (token.empty()) return std::string("Missing token.");

  const auto verified = signer.verify(token, now_unix_seconds);
  if (const auto* reason = std::get_if<std::string>(&verified)) {
    return "Invalid token: " + *reason + ".";
  }
  const auto& claims = std::get<TokenClaims>(verified);

  const std::string& issuer = credentials.org_id ? *credentials.org_id : path_org_id;
  if (claims.org != issuer) {
    return credentials.org_id
               ? std::string("The token was not issued by the X-ORG-ID organization.")
               : std::string("The token was issued by another organization.");
  }
  if (basic_user && *basic_user != claims.org + "_" + claims.sub) {
    return std::string("The Basic user name does not match the token.");
  }

  auto caller = store.find_caller(claims.org, claims.sub);
  if (!caller) return std::string("The token's user no longer exists.");
  return std::move(*caller);
}

}  // namespace amigo::emulator

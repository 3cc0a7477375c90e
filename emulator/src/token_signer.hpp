#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace amigo::emulator {

/// What a token says about its bearer.
struct TokenClaims {
  std::string org;
  std::string sub;
  std::int64_t iat = 0;
  std::int64_t exp = 0;
  std::string jti;
};

/// Issues and checks HS256 JWTs with a secret drawn afresh for each process, so tokens never
/// outlive the emulator that issued them.
class TokenSigner {
 public:
  TokenSigner();

  /// A signed token `header.payload.signature`, each part base64url.
  std::string sign(const TokenClaims& claims) const;

  /// The claims of a well-formed, correctly signed token that has not expired at `now`;
  /// otherwise a short reason why not.
  std::variant<TokenClaims, std::string> verify(std::string_view token,
                                                std::int64_t now_unix_seconds) const;

 private:
  std::string mac(std::string_view signing_input) const;

  std::string secret_;
};

}  // namespace amigo::emulator

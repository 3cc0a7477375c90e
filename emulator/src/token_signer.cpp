#include "token_signer.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "base64.hpp"

namespace amigo::emulator {
namespace {

constexpr std::size_t kSecretBytes = 32;

}  // namespace

TokenSigner::TokenSigner() : secret_(kSecretBytes, '\0') {
  if (RAND_bytes(reinterpret_cast<unsigned char*>(secret_.data()), kSecretBytes) != 1) {
    throw std::runtime_error("OpenSSL could not produce a token secret");
  }
}

std::string TokenSigner::mac(std::string_view signing_input) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(), digest,
       &length);
  return {reinterpret_cast<const char*>(digest), length};
}

std::string TokenSigner::sign(const TokenClaims& claims) const {
  const nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}};
  const nlohmann::json payload = {{"org", claims.org},
                                  {"sub", claims.sub},
                                  {"iat", claims.iat},
                                  {"exp", claims.exp},
                                  {"jti", claims.jti}};
  const std::string signing_input =
      base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
  return signing_input + "." + base64url_encode(mac(signing_input));
}

std::variant<TokenClaims, std::string> TokenSigner::verify(std::string_view token,
                                                           std::int64_t now_unix_seconds) const {
  const std::size_t first_dot = token.find('.');
  const std::size_t last_dot = token.rfind('.');
  if (first_dot == std::string_view::npos || first_dot == last_dot) {
    return std::string("token is not a JWT");
  }

  // Comparing the encoded text rather than decoded bytes also refuses
  // non-canonical encodings, whose unused low bits a decoder would ignore.
  const std::string_view signature = token.substr(last_dot + 1);
  const std::string expected = base64url_encode(mac(token.substr(0, last_dot)));
  if (signature.size() != expected.size() ||
      CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) != 0) {
    return std::string("token signature is invalid");
  }

  const auto payload_text = base64url_decode(token.substr(first_dot + 1, last_dot - first_dot - 1));
  const nlohmann::json payload =
      payload_text ? nlohmann::json::parse(*payload_text, nullptr, false) : nlohmann::json();
  if (!payload.is_object() || !payload.contains("org") || !payload["org"].is_string() ||
      !payload.contains("sub") || !payload["sub"].is_string() || !payload.contains("exp") ||
      !payload["exp"].is_number_integer()) {
    return std::string("token payload is malformed");
  }

  TokenClaims claims;
  claims.org = payload["org"].get<std::string>();
  claims.sub = payload["sub"].get<std::string>();
  claims.exp = payload["exp"].get<std::int64_t>();
  claims.iat = payload.value("iat", std::int64_t{0});
  claims.jti = payload.value("jti", std::string());
  if (now_unix_seconds >= claims.exp) return std::string("token has expired");
  return claims;
}

}  // namespace amigo::emulator

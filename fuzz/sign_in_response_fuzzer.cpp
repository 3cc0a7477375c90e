// sign_in_with_api_key answers: {"id_token": ..., "expires_at": ...} on arbitrary bytes.

#include <cstddef>
#include <cstdint>
#include <string>

#include "auth_providers.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  amigo::HttpResponse response;
  response.status = 200;
  response.body.assign(reinterpret_cast<const char*>(data), size);
  amigo::fuzz::expect_only<amigo::DecodeError>(
      [&] {
        const amigo::detail::IssuedToken token = amigo::detail::decode_sign_in_response(response);
        amigo::fuzz::require(!token.id_token.empty(), "an accepted token is not empty");
      },
      [](const amigo::DecodeError& error) {
        amigo::fuzz::require(error.operation() == amigo::Operation::sign_in_with_api_key,
                             "a sign-in DecodeError names sign_in_with_api_key");
      });
  return 0;
}

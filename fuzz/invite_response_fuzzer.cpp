// invite_user answers: {"user_id": ..., "verify_link": ...} on arbitrary bytes.

#include <cstddef>
#include <cstdint>

#include "fuzz_checks.hpp"
#include "user_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  amigo::fuzz::expect_only<amigo::DecodeError>(
      [&] { amigo::detail::decode_invite_response(amigo::fuzz::as_text(data, size), 201); },
      [](const amigo::DecodeError& error) {
        amigo::fuzz::require(error.operation() == amigo::Operation::invite_user,
                             "an invite's DecodeError names invite_user");
        amigo::fuzz::require(error.status() == 201, "an invite's DecodeError keeps the status");
      });
  return 0;
}

// list_users pages: the SAX decoder on arbitrary bytes.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "fuzz_checks.hpp"
#include "user_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = amigo::fuzz::as_text(data, size);
  amigo::fuzz::expect_only<amigo::DecodeError>(
      [&] {
        const amigo::UserPage page = amigo::detail::decode_user_page(body, 200);
        // The decoder has no document of its own, so what it accepts must at
        // least be JSON as nlohmann reads it.
        amigo::fuzz::require(nlohmann::json::accept(body), "an accepted page is valid JSON");
        amigo::fuzz::require(page.has_more || !page.continuation_token,
                             "a continuation token only comes with has_more");
      },
      [](const amigo::DecodeError& error) {
        amigo::fuzz::require(error.operation() == amigo::Operation::list_users,
                             "a page's DecodeError names list_users");
        amigo::fuzz::require(error.status() == 200, "a page's DecodeError keeps the status");
      });
  return 0;
}

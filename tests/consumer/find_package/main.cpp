// A program built against an installed amigo through find_package: it starts
// the embeddable emulator (amigo::testing) and talks to it through
// amigo::AmigoClient.

#include <amigo/amigo.hpp>
#include <amigo/testing/emulator.hpp>

#include "invite_and_list.hpp"

#if AMIGO_CONSUMER_CXX_STANDARD == 17
static_assert(__cplusplus == 201703L, "the consumer was meant to build as C++17");
#elif AMIGO_CONSUMER_CXX_STANDARD == 20
static_assert(__cplusplus == 202002L, "the consumer was meant to build as C++20");
#endif

int main() {
  return consumer::run([] {
    amigo::testing::Emulator emulator;

    amigo::ClientOptions options;
    options.base_url = emulator.base_url();
    options.organization_id = emulator.organization_id();
    options.auth = amigo::ApiKeyAuth{emulator.api_key(), emulator.api_key_id(), emulator.user_id()};
    amigo::AmigoClient client(options);

    return consumer::invite_and_list(client, "find-package@example.com");
  });
}

#pragma once

// What every fuzz target holds the SDK to: bytes from a server may make it
// throw its own typed errors, and nothing else. Anything else that escapes,
// and any broken property, ends the run with abort() so libFuzzer keeps the
// input that did it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <typeinfo>
#include <utility>

#include "amigo/errors.hpp"

namespace amigo::fuzz {

[[noreturn]] inline void fail(std::string_view property) {
  std::fprintf(stderr, "property broken: %.*s\n", static_cast<int>(property.size()),
               property.data());
  std::abort();
}

inline void require(bool holds, std::string_view property) {
  if (!holds) fail(property);
}

/// Runs `body`; an exception of type `Allowed` is an accepted outcome and is
/// handed to `check`, anything else thrown aborts.
template <typename Allowed, typename Body, typename Check>
void expect_only(Body&& body, Check&& check) {
  try {
    body();
  } catch (const Allowed& error) {
    check(error);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "escaped %s: %s\n", typeid(error).name(), error.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "escaped an exception that is not a std::exception\n");
    std::abort();
  }
}

template <typename Allowed, typename Body>
void expect_only(Body&& body) {
  expect_only<Allowed>(std::forward<Body>(body), [](const Allowed& /*error*/) {});
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace amigo::fuzz

#pragma once

#include <string>
#include <string_view>

namespace amigo::emulator {

/// Removes leading and trailing whitespace, as Python's `str.strip()` does for ASCII.
std::string strip(std::string_view text);

/// Lower-cases ASCII letters; other bytes are kept.
std::string to_lower_ascii(std::string_view text);

/// Decodes `%XX` escapes; a malformed escape is kept as written, like Starlette does.
std::string percent_decode(std::string_view text);

/// Encodes every byte outside the URL's unreserved set as `%XX`.
std::string percent_encode(std::string_view text);

/// Random lower-case hexadecimal text of `bytes * 2` characters, from OpenSSL's generator.
std::string random_hex(std::size_t bytes);

}  // namespace amigo::emulator

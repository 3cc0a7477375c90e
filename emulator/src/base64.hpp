#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace amigo::emulator {

/// Standard base64 with padding (RFC 4648 section 4).
std::string base64_encode(std::string_view data);

/// Decodes standard, padded base64; nullopt for anything else.
std::optional<std::string> base64_decode(std::string_view text);

/// The URL-safe alphabet without padding, as JWTs use (RFC 7515).
std::string base64url_encode(std::string_view data);

/// Decodes unpadded URL-safe base64; nullopt for anything else.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace amigo::emulator

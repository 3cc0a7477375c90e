#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace amigo::emulator {

/// Parses an RFC 3339 date-time (fraction and offset optional parts included) into
/// microseconds since the Unix epoch; nullopt when the text is not one.
std::optional<std::int64_t> parse_rfc3339_micros(std::string_view text);

/// Formats whole seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
std::string format_rfc3339_utc(std::int64_t unix_seconds);

}  // namespace amigo::emulator

#pragma once

// RFC 3339 date-times, the wire form of every timestamp.

#include <optional>
#include <string>
#include <string_view>

#include "amigo/models.hpp"

namespace amigo::detail {

/// "2024-05-01T12:34:56.789Z", "2024-05-01t12:34:56+02:00", ... as a point in
/// time; empty when the text is not an RFC 3339 date-time.
std::optional<Timestamp> parse_rfc3339(std::string_view text);

/// UTC with a 'Z': "2024-05-01T10:34:56Z", with as many fraction digits as
/// the value needs ("...56.789Z").
std::string format_rfc3339(Timestamp time);

}  // namespace amigo::detail

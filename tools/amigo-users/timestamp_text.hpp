#pragma once

// Timestamps as the tool prints them, always in UTC so that output does not
// depend on the machine's time zone.

#include <string>

#include <amigo/amigo.hpp>

namespace amigo_users {

/// RFC 3339 with a Z: "2024-05-01T12:34:56Z", with milliseconds or microseconds
/// when the time has a fraction of a second.
std::string rfc3339(amigo::Timestamp time);

/// Minutes precision for tables: "2024-05-01 12:34".
std::string short_utc(amigo::Timestamp time);

}  // namespace amigo_users

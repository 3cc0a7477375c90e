#pragma once

#include <cstddef>
#include <string_view>

namespace amigo::emulator {

/// A sorted, static list of the values an OpenAPI enum allows.
struct StringTable {
  const std::string_view* values;
  std::size_t size;

  /// True when `value` is one of the table's values.
  bool contains(std::string_view value) const;
};

/// The ISO 639-3 codes that `preferred_language` accepts.
StringTable language_codes();

/// The IANA time-zone names that `timezone` accepts.
StringTable time_zones();

}  // namespace amigo::emulator

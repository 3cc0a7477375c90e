#pragma once

// How many terminal columns UTF-8 text takes, so that tables of names in any
// script line up: CJK and other wide characters take two, combining marks none.

#include <cstddef>
#include <string>
#include <string_view>

namespace amigo_users {

/// Columns `text` occupies on a terminal; malformed bytes count one each.
std::size_t display_width(std::string_view text);

/// `text` followed by spaces up to `width` columns.
std::string pad_to_width(std::string_view text, std::size_t width);

}  // namespace amigo_users

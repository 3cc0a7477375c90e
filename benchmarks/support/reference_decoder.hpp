#pragma once

// The way a user of libcurl and nlohmann::json would read a page by hand:
// parse the body into a DOM, then copy each field into the amigo structs. It
// is the baseline the SDK is measured against, so it is written the way a
// competent user would write it, not the way the SDK does it.

#include <string_view>

#include <amigo/models.hpp>

namespace amigo_bench {

/// The page in `body`; throws nlohmann::json::exception when it is malformed.
amigo::UserPage reference_decode_page(std::string_view body);

/// Every field of every user, compared; false at the first difference.
bool same_page(const amigo::UserPage& a, const amigo::UserPage& b);

}  // namespace amigo_bench

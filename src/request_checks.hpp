#pragma once

// The shapes of request text the SDK checks before sending, mirroring the
// server's rules. The server strips surrounding whitespace before matching
// names and keyterms, and so do these.

#include <string>
#include <string_view>

#include "amigo/operation.hpp"

namespace amigo::detail {

/// Without leading and trailing ASCII whitespace.
std::string_view trim_whitespace(std::string_view text);

/// Empty, or nothing but whitespace.
bool is_blank(std::string_view text);

/// Exactly one '@', something before it, and a dot somewhere after it. The
/// server validates the rest.
bool looks_like_email(std::string_view text);

/// ^[a-z_][a-z0-9_]+$: a user variable's name.
bool is_variable_name(std::string_view text);

/// ^[a-z-]+( [a-z-]+){0,2}$: one to three words of lower-case letters and hyphens.
bool is_audio_keyterm(std::string_view text);

/// Well-formed UTF-8: no stray continuation bytes, overlong forms or surrogates.
bool is_valid_utf8(std::string_view text);

/// The text with every byte outside printable ASCII as \xNN, safe to quote in
/// a message. Only for names, never for values.
std::string printable(std::string_view text);

/// @throws InvalidArgumentError "<operation>: <field> must not be empty or only whitespace".
void require_not_blank(Operation operation, std::string_view field, std::string_view value);

/// @throws InvalidArgumentError "<operation>: <field> is not valid UTF-8", without the value.
void require_utf8(Operation operation, std::string_view field, std::string_view value);

}  // namespace amigo::detail

#pragma once

// The checks a ClientOptions must pass before a client is built from it.

#include "amigo/options.hpp"
#include "base_url.hpp"

namespace amigo::detail {

/// Returns the parsed base URL, or throws ConfigurationError saying which
/// option is wrong and how to fix it (never echoing a secret).
BaseUrl validate_client_options(const ClientOptions& options);

}  // namespace amigo::detail

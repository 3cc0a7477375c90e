#pragma once

/// @file
/// Everything in one include.

#include "amigo/auth.hpp"
#include "amigo/client.hpp"
#include "amigo/errors.hpp"
#include "amigo/field.hpp"
#include "amigo/models.hpp"
#include "amigo/operation.hpp"
#include "amigo/options.hpp"
#include "amigo/rate_limit.hpp"
#include "amigo/transport.hpp"
#include "amigo/user_service.hpp"
#include "amigo/version.hpp"

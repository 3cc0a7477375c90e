#pragma once

#include <httplib.h>

#include "reply.hpp"
#include "route.hpp"
#include "service.hpp"

namespace amigo::emulator {

/// Answers one of the five operations of the user API, maintenance and rate limits included.
/// Every answer carries the X-RateLimit-* headers of the caller's window, unless rate limits
/// are off.
Reply handle_operation(Service& service, const Route& route, const httplib::Request& request);

/// The answer to an injected failure on one of the five operations: `reply` gains the
/// X-RateLimit-* headers of the caller's window (none when rate limits are off), without
/// charging it.
void add_rate_headers_for_fault(Service& service, const Route& route,
                                const httplib::Request& request, Reply& reply);

}  // namespace amigo::emulator

#include "user_api.hpp"

#include <chrono>

#include "auth.hpp"
#include "list_query.hpp"
#include "rfc3339.hpp"
#include "text.hpp"
#include "user_requests.hpp"
#include "validation.hpp"

namespace amigo::emulator {
namespace {

constexpr std::size_t kTokenIdBytes = 16;
constexpr const char* kMaintenanceDetail = "The service is going through temporary maintenance.";

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> header(const httplib::Request& request, const char* name) {
  if (!request.has_header(name)) return std::nullopt;
  return request.get_header_value(name);
}

void add_rate_headers(const RateLimiter& limiter, const RateDecision& decision, Reply& reply) {
  // With limits off there is no limit in force; a Remaining of 0 would make a client that
  // paces itself wait for a window that cannot refuse it.
  if (!limiter.enforced()) return;
  reply.headers.emplace_back("X-RateLimit-Limit", std::to_string(decision.limit));
  reply.headers.emplace_back("X-RateLimit-Remaining", std::to_string(decision.remaining));
  reply.headers.emplace_back("X-RateLimit-Reset",
                             limiter.format_seconds(decision.reset_seconds, 0));
}

Reply rate_limited(Service& service, const RateDecision& decision, Operation operation) {
  Reply reply = detail_reply(429, "The user has exceeded the rate limit of " +
                                      std::to_string(requests_per_minute(operation)) +
                                      " requests per minute for this endpoint.");
  // Retry-After is never below one (scaled) second, so a client that honours it always
  // lands in the next window.
  const double minimum = 1.0 / service.options().time_scale;
  reply.headers.emplace_back("Retry-After",
                             service.limiter().format_seconds(decision.reset_seconds, minimum));
  return reply;
}

Credentials credentials_of(const httplib::Request& request) {
  return Credentials{request.get_header_value("Authorization"), header(request, "X-ORG-ID")};
}

std::string sign_in_rate_key(const Route& route, const httplib::Request& request) {
  return "sign-in\n" + route.org_id + "\n" + request.get_header_value("x-user-id");
}

// The bucket of an authenticated caller; empty (a fresh window that nobody
// charges) when the credentials do not verify.
std::string caller_rate_key(Service& service, const Route& route, const httplib::Request& request) {
  if (route.operation == Operation::sign_in) return sign_in_rate_key(route, request);
  const auto caller = authenticate(service.store(), service.signer(), credentials_of(request),
                                   route.org_id, unix_now());
  if (const auto* found = std::get_if<Caller>(&caller)) {
    return found->org_id + "\n" + found->user_id;
  }
  return {};
}

Reply sign_in(Service& service, const Route& route, const httplib::Request& request) {
  const std::string rate_key = sign_in_rate_key(route, request);
  ValidationErrors errors;
  for (const char* name : {"x-api-key", "x-api-key-id", "x-user-id"}) {
    if (!request.has_header(name)) {
      errors.add("missing", {"header", name}, "Field required", nullptr);
    }
  }
  if (!errors.empty()) {
    Reply reply = json_reply(422, {{"detail", errors.detail()}});
    add_rate_headers(service.limiter(), service.limiter().peek(rate_key, route.operation), reply);
    return reply;
  }

  const RateDecision decision = service.limiter().consume(rate_key, route.operation);
  Reply reply;
  if (!decision.allowed) {
    reply = rate_limited(service, decision, route.operation);
  } else {
    const std::string user_id = request.get_header_value("x-user-id");
    const SignInCheck check =
        service.store().check_api_key(route.org_id, request.get_header_value("x-api-key"),
                                      request.get_header_value("x-api-key-id"), user_id);
    if (check == SignInCheck::unknown_organization) {
      reply = detail_reply(404, "Organization " + route.org_id + " not found.");
    } else if (check == SignInCheck::rejected) {
      reply =
          detail_reply(401, "API key not found, is incorrect, or the requested user is not found.");
    } else {
      // Rounding the expiry up keeps every token valid for at least the TTL.
      const std::int64_t now_micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count();
      const std::int64_t expiry_micros = now_micros + service.options().token_ttl.count() * 1000000;
      TokenClaims claims{route.org_id, user_id, now_micros / 1000000,
                         (expiry_micros + 999999) / 1000000, random_hex(kTokenIdBytes)};
      service.journal().count_sign_in();
      reply = json_reply(200, {{"id_token", service.signer().sign(claims)},
                               {"expires_at", format_rfc3339_utc(claims.exp)}});
    }
  }
  add_rate_headers(service.limiter(), decision, reply);
  return reply;
}

Reply validation_failed(const ValidationErrors& errors) {
  return json_reply(422, {{"detail", errors.detail()}});
}

Reply invite(Service& service, const Route& route, const Caller& caller,
             const httplib::Request& request) {
  ValidationErrors errors;
  const auto parsed =
      parse_invite_request(request.body, request.get_header_value("Content-Type"), errors);
  if (!parsed) return validation_failed(errors);
  const InviteResult result = service.store().invite(route.org_id, caller, *parsed);
  if (result.outcome.status != 201) {
    return detail_reply(result.outcome.status, result.outcome.detail);
  }
  return json_reply(201, {{"user_id", result.user_id},
                          {"verify_link", result.verify_link ? nlohmann::json(*result.verify_link)
                                                             : nlohmann::json(nullptr)}});
}

Reply list(Service& service, const Route& route, const Caller& caller,
           const httplib::Request& request) {
  ValidationErrors errors;
  const auto query = parse_list_query(request.params, errors);
  if (!query) return validation_failed(errors);
  return Reply{200, service.store().list(route.org_id, caller, *query), "application/json", {}};
}

Reply no_content_or_detail(const Outcome& outcome) {
  if (outcome.status == 204) return Reply{204, {}, {}, {}};
  return detail_reply(outcome.status, outcome.detail);
}

Reply update(Service& service, const Route& route, const Caller& caller,
             const httplib::Request& request) {
  ValidationErrors errors;
  const auto parsed =
      parse_update_request(request.body, request.get_header_value("Content-Type"), errors);
  if (!parsed) return validation_failed(errors);
  return no_content_or_detail(service.store().update(route.org_id, caller, route.user_id, *parsed));
}

Reply remove(Service& service, const Route& route, const Caller& caller) {
  return no_content_or_detail(service.store().remove(route.org_id, caller, route.user_id));
}

}  // namespace

Reply handle_operation(Service& service, const Route& route, const httplib::Request& request) {
  RateLimiter& limiter = service.limiter();
  if (service.maintenance()) {
    Reply reply = detail_reply(503, kMaintenanceDetail);
    add_rate_headers_for_fault(service, route, request, reply);
    return reply;
  }
  if (route.operation == Operation::sign_in) return sign_in(service, route, request);

  if (!service.store().has_organization(route.org_id)) {
    Reply reply = detail_reply(404, "Organization " + route.org_id + " not found.");
    add_rate_headers(limiter, limiter.peek(std::string(), route.operation), reply);
    return reply;
  }
  const auto authenticated = authenticate(service.store(), service.signer(),
                                          credentials_of(request), route.org_id, unix_now());
  if (const auto* reason = std::get_if<std::string>(&authenticated)) {
    Reply reply = detail_reply(401, *reason);
    add_rate_headers(limiter, limiter.peek(std::string(), route.operation), reply);
    return reply;
  }
  const auto& caller = std::get<Caller>(authenticated);

  const RateDecision decision =
      limiter.consume(caller.org_id + "\n" + caller.user_id, route.operation);
  Reply reply;
  if (!decision.allowed) {
    reply = rate_limited(service, decision, route.operation);
  } else if (route.operation == Operation::invite_user) {
    reply = invite(service, route, caller, request);
  } else if (route.operation == Operation::list_users) {
    reply = list(service, route, caller, request);
  } else if (route.operation == Operation::update_user) {
    reply = update(service, route, caller, request);
  } else {
    reply = remove(service, route, caller);
  }
  add_rate_headers(limiter, decision, reply);
  return reply;
}

void add_rate_headers_for_fault(Service& service, const Route& route,
                                const httplib::Request& request, Reply& reply) {
  const std::string key = caller_rate_key(service, route, request);
  add_rate_headers(service.limiter(), service.limiter().peek(key, route.operation), reply);
}

}  // namespace amigo::emulator

// update_user's request body.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "amigo/errors.hpp"
#include "field_json.hpp"
#include "request_checks.hpp"
#include "user_codec.hpp"

namespace amigo::detail {
namespace {

constexpr Operation kUpdate = Operation::update_user;
constexpr std::size_t kMaxAudioKeyterms = 20;

[[noreturn]] void refuse(const std::string& problem) {
  throw InvalidArgumentError(fmt::format("{}: {}", to_string(kUpdate), problem));
}

void check_name(std::string_view field, const std::optional<std::string>& name) {
  if (!name) return;
  if (is_blank(*name)) {
    refuse(
        fmt::format("{} must not be empty or only whitespace; leave it unset to keep the "
                    "current one",
                    field));
  }
  require_utf8(kUpdate, field, *name);
}

void check_audio_keyterms(const std::vector<std::string>& keyterms) {
  if (keyterms.size() > kMaxAudioKeyterms) {
    refuse(fmt::format("audio_keyterms may hold at most {} keyterms, got {}", kMaxAudioKeyterms,
                       keyterms.size()));
  }
  for (std::size_t i = 0; i < keyterms.size(); ++i) {
    if (!is_audio_keyterm(keyterms[i])) {
      refuse(fmt::format(
          "audio_keyterms[{}] must be one to three words of lower-case letters and hyphens, "
          "separated by single spaces (^[a-z-]+( [a-z-]+){{0,2}}$)",
          i));
    }
  }
}

void check_additional_context(const std::vector<std::string>& context) {
  for (std::size_t i = 0; i < context.size(); ++i) {
    const auto field = fmt::format("additional_context[{}]", i);
    require_not_blank(kUpdate, field, context[i]);
    require_utf8(kUpdate, field, context[i]);
  }
}

void check_update(const UserUpdateRequest& request) {
  check_name("first_name", request.first_name);
  check_name("last_name", request.last_name);
  if (request.preferred_language.has_value()) {
    require_utf8(kUpdate, "preferred_language", request.preferred_language.value());
  }
  if (request.timezone.has_value()) require_utf8(kUpdate, "timezone", request.timezone.value());
  if (request.additional_context) check_additional_context(*request.additional_context);
  if (request.audio_keyterms) check_audio_keyterms(*request.audio_keyterms);
}

}  // namespace

std::string encode_update(const UserUpdateRequest& request) {
  check_update(request);

  auto body = nlohmann::ordered_json::object();
  put_optional(body, "first_name", request.first_name);
  put_optional(body, "last_name", request.last_name);
  put_optional(body, "enable_response_recommendation", request.enable_response_recommendation);
  put_field(body, "preferred_language", request.preferred_language);
  put_field(body, "timezone", request.timezone);
  put_optional(body, "conversations_visible_to_admins", request.conversations_visible_to_admins);
  put_optional(body, "user_model_visible_to_admins", request.user_model_visible_to_admins);
  put_optional(body, "additional_context", request.additional_context);
  put_optional(body, "audio_keyterms", request.audio_keyterms);
  return body.dump();
}

}  // namespace amigo::detail

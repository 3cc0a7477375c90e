// invite_user on the wire: the request body out, the answer in.

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "amigo/errors.hpp"
#include "field_json.hpp"
#include "json_kind.hpp"
#include "request_checks.hpp"
#include "user_codec.hpp"

namespace amigo::detail {
namespace {

constexpr Operation kInvite = Operation::invite_user;
constexpr std::size_t kMaxNonsensitiveVariables = 19;
constexpr std::size_t kMaxSensitiveVariables = 20;
constexpr std::size_t kMaxLoginLinkLength = 2083;

[[noreturn]] void refuse(const std::string& problem) {
  throw InvalidArgumentError(fmt::format("{}: {}", to_string(kInvite), problem));
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c =
        text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

void check_login_link(std::string_view link) {
  if (link.empty()) refuse("login_link must not be empty; leave it unset to send no email");
  if (link.size() > kMaxLoginLinkLength) {
    refuse(fmt::format("login_link must be at most {} characters long, got {}", kMaxLoginLinkLength,
                       link.size()));
  }
  if (!starts_with_ignoring_case(link, "http://") && !starts_with_ignoring_case(link, "https://")) {
    refuse("login_link must be an absolute http:// or https:// URL");
  }
  require_utf8(kInvite, "login_link", link);
}

// Names are checked and may be quoted; values only for UTF-8, and never shown.
void check_variables(std::string_view field, const std::map<std::string, std::string>& variables,
                     std::size_t max_count) {
  if (variables.size() > max_count) {
    refuse(fmt::format("{} may hold at most {} variables, got {}", field, max_count,
                       variables.size()));
  }
  for (const auto& [name, value] : variables) {
    if (!is_variable_name(name)) {
      refuse(fmt::format(
          "{} name \"{}\" must match ^[a-z_][a-z0-9_]+$: at least two characters, lower-case "
          "letters, digits and underscores, not starting with a digit",
          field, printable(name)));
    }
    require_utf8(kInvite, fmt::format("{}[\"{}\"]", field, name), value);
  }
}

void check_preferences(const UserPreferences& preferences) {
  if (preferences.preferred_language) {
    require_utf8(kInvite, "user_preferences.preferred_language", *preferences.preferred_language);
  }
  if (preferences.timezone) {
    require_utf8(kInvite, "user_preferences.timezone", *preferences.timezone);
  }
  if (preferences.audio_keyterms) {
    for (std::size_t i = 0; i < preferences.audio_keyterms->size(); ++i) {
      require_utf8(kInvite, fmt::format("user_preferences.audio_keyterms[{}]", i),
                   (*preferences.audio_keyterms)[i]);
    }
  }
}

void check_invite(const UserInviteRequest& request) {
  require_not_blank(kInvite, "first_name", request.first_name);
  require_utf8(kInvite, "first_name", request.first_name);
  require_not_blank(kInvite, "last_name", request.last_name);
  require_utf8(kInvite, "last_name", request.last_name);
  require_not_blank(kInvite, "email", request.email);
  if (!looks_like_email(request.email)) {
    refuse(
        "email must hold exactly one '@' with a name before it and a domain containing a dot "
        "after it, like ada@example.com");
  }
  require_utf8(kInvite, "email", request.email);
  require_not_blank(kInvite, "role", request.role);
  require_utf8(kInvite, "role", request.role);
  if (request.login_link) check_login_link(*request.login_link);
  check_variables("nonsensitive_user_variables", request.nonsensitive_user_variables,
                  kMaxNonsensitiveVariables);
  check_variables("sensitive_user_variables", request.sensitive_user_variables,
                  kMaxSensitiveVariables);
  if (request.user_preferences) check_preferences(*request.user_preferences);
}

nlohmann::ordered_json preferences_json(const UserPreferences& preferences) {
  auto object = nlohmann::ordered_json::object();
  put_optional(object, "enable_response_recommendation",
               preferences.enable_response_recommendation);
  put_optional(object, "preferred_language", preferences.preferred_language);
  put_optional(object, "conversations_visible_to_admins",
               preferences.conversations_visible_to_admins);
  put_optional(object, "user_model_visible_to_admins", preferences.user_model_visible_to_admins);
  put_optional(object, "timezone", preferences.timezone);
  put_optional(object, "audio_keyterms", preferences.audio_keyterms);
  return object;
}

[[noreturn]] void reject_answer(int status, std::string field, const std::string& problem) {
  throw DecodeError(kInvite, status, std::move(field), problem);
}

// The answer as a JSON object. The answer is two short fields, so a document
// costs nothing worth avoiding here.
nlohmann::json parse_answer(std::string_view body, int status) {
  if (is_blank(body)) reject_answer(status, "", "the body is empty; expected a JSON object");

  nlohmann::json document;
  try {
    document = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    // The library's own message quotes the text it choked on: leave it out.
    reject_answer(status, "",
                  fmt::format("the body is not valid JSON (error at byte {})", error.byte));
  } catch (const nlohmann::json::exception&) {
    reject_answer(status, "", "the body is not valid JSON");
  }
  if (!document.is_object()) {
    reject_answer(status, "",
                  fmt::format("expected an object, got {}", describe(kind_of(document))));
  }
  return document;
}

}  // namespace

std::string encode_invite(const UserInviteRequest& request) {
  check_invite(request);

  auto body = nlohmann::ordered_json::object();
  body["first_name"] = request.first_name;
  body["last_name"] = request.last_name;
  body["email"] = request.email;
  body["role_name"] = request.role;
  put_optional(body, "login_link", request.login_link);
  if (!request.nonsensitive_user_variables.empty()) {
    body["nonsensitive_user_variables"] = request.nonsensitive_user_variables;
  }
  if (!request.sensitive_user_variables.empty()) {
    body["sensitive_user_variables"] = request.sensitive_user_variables;
  }
  if (request.user_preferences) {
    body["user_preferences"] = preferences_json(*request.user_preferences);
  }
  return body.dump();
}

UserInviteResponse decode_invite_response(std::string_view body, int status) {
  const nlohmann::json document = parse_answer(body, status);

  UserInviteResponse response;
  const auto user_id = document.find("user_id");
  if (user_id == document.end()) reject_answer(status, "user_id", "required field is missing");
  if (!user_id->is_string()) {
    reject_answer(status, "user_id",
                  fmt::format("expected a string, got {}", describe(kind_of(*user_id))));
  }
  response.user_id = user_id->get<std::string>();

  const auto verify_link = document.find("verify_link");
  if (verify_link == document.end()) {
    reject_answer(status, "verify_link", "required field is missing (it may be null)");
  }
  if (verify_link->is_string()) {
    response.verify_link = verify_link->get<std::string>();
  } else if (!verify_link->is_null()) {
    reject_answer(
        status, "verify_link",
        fmt::format("expected a string or null, got {}", describe(kind_of(*verify_link))));
  }
  return response;
}

}  // namespace amigo::detail

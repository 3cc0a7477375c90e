#include "user_requests.hpp"

#include "spec_enums.hpp"
#include "text.hpp"

namespace amigo::emulator {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxNonsensitiveVariables = 19;
constexpr std::size_t kMaxSensitiveVariables = 20;
constexpr std::size_t kMaxAudioKeyterms = 20;
constexpr const char* kVariableNamePattern = "^[a-z_][a-z0-9_]+$";
constexpr const char* kKeytermPattern = "^[a-z-]+( [a-z-]+){0,2}$";

const json* find(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

void report_missing(const json& body, const char* key, ValidationErrors& errors) {
  errors.add("missing", {"body", key}, "Field required", body);
}

void report_too_long(const json& loc, const char* kind, std::size_t max, std::size_t actual,
                     const json& input, ValidationErrors& errors) {
  errors.add("too_long", loc,
             std::string(kind) + " should have at most " + std::to_string(max) +
                 " items after validation, not " + std::to_string(actual),
             input, {{"field_type", kind}, {"max_length", max}, {"actual_length", actual}});
}

void report_pattern(const json& loc, const char* pattern, const json& input,
                    ValidationErrors& errors) {
  errors.add("string_pattern_mismatch", loc,
             std::string("String should match pattern '") + pattern + "'", input,
             {{"pattern", pattern}});
}

std::map<std::string, std::string> parse_variables(const json& value, const json& loc,
                                                   std::size_t max, ValidationErrors& errors) {
  std::map<std::string, std::string> variables;
  if (!value.is_object()) {
    errors.add("dict_type", loc, "Input should be a valid dictionary", value);
    return variables;
  }
  for (const auto& [raw_name, variable] : value.items()) {
    const std::string name = strip(raw_name);
    const json key_loc = child(child(loc, raw_name), "[key]");
    if (name.empty()) {
      errors.add("string_too_short", key_loc, "String should have at least 1 character", raw_name,
                 {{"min_length", 1}});
    } else if (!is_variable_name(name)) {
      report_pattern(key_loc, kVariableNamePattern, raw_name, errors);
    }
    if (!variable.is_string()) {
      errors.add("string_type", child(loc, raw_name), "Input should be a valid string", variable);
      continue;
    }
    variables[name] = variable.get<std::string>();
  }
  if (value.size() > max) report_too_long(loc, "Dictionary", max, value.size(), value, errors);
  return variables;
}

void report_enum(const json& loc, const char* expected, const json& input,
                 ValidationErrors& errors) {
  errors.add("enum", loc, std::string("Input should be ") + expected, input,
             {{"expected", expected}});
}

// The invite accepts an ISO 639-3 code or any two word characters.
std::optional<std::string> invite_language(const json& value, const json& loc,
                                           ValidationErrors& errors) {
  if (!value.is_string()) {
    errors.add("string_type", loc, "Input should be a valid string", value);
    return std::nullopt;
  }
  const std::string code = value.get<std::string>();
  if ((code.size() == 3 && language_codes().contains(code)) || is_two_word_chars(code)) return code;
  report_enum(loc, "an ISO 639-3 code or two word characters", value, errors);
  return std::nullopt;
}

std::optional<std::string> enum_string(const json& value, const json& loc, StringTable table,
                                       const char* expected, ValidationErrors& errors) {
  if (!value.is_string()) {
    errors.add("string_type", loc, "Input should be a valid string", value);
    return std::nullopt;
  }
  const std::string text = value.get<std::string>();
  if (table.contains(text)) return text;
  report_enum(loc, expected, value, errors);
  return std::nullopt;
}

std::vector<std::string> string_list(const json& value, const json& loc, ValidationErrors& errors) {
  std::vector<std::string> items;
  if (!value.is_array()) {
    errors.add("list_type", loc, "Input should be a valid list", value);
    return items;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i].is_string()) {
      items.push_back(value[i].get<std::string>());
    } else {
      errors.add("string_type", child(loc, i), "Input should be a valid string", value[i]);
    }
  }
  return items;
}

Preferences parse_invite_preferences(const json& value, const json& loc, ValidationErrors& errors) {
  Preferences preferences;
  if (!require_object(value, loc, errors)) return preferences;

  if (const json* field = find(value, "enable_response_recommendation")) {
    const auto flag = strict_bool(*field, child(loc, "enable_response_recommendation"), errors);
    preferences.enable_response_recommendation = flag.value_or(false);
  }
  if (const json* field = find(value, "preferred_language"); field && !field->is_null()) {
    preferences.preferred_language =
        invite_language(*field, child(loc, "preferred_language"), errors);
  }
  if (const json* field = find(value, "conversations_visible_to_admins")) {
    const auto flag = strict_bool(*field, child(loc, "conversations_visible_to_admins"), errors);
    preferences.conversations_visible_to_admins = flag.value_or(true);
  }
  if (const json* field = find(value, "user_model_visible_to_admins")) {
    const auto flag = strict_bool(*field, child(loc, "user_model_visible_to_admins"), errors);
    preferences.user_model_visible_to_admins = flag.value_or(true);
  }
  if (const json* field = find(value, "timezone"); field && !field->is_null()) {
    preferences.timezone =
        enum_string(*field, child(loc, "timezone"), time_zones(), "an IANA time-zone name", errors);
  }
  if (const json* field = find(value, "audio_keyterms")) {
    preferences.audio_keyterms = string_list(*field, child(loc, "audio_keyterms"), errors);
  }
  return preferences;
}

// Update fields where null means "leave alone".
template <typename T, typename Parse>
std::optional<T> optional_field(const json& body, const char* key, Parse parse) {
  const json* field = find(body, key);
  if (!field || field->is_null()) return std::nullopt;
  return parse(*field, json{"body", key});
}

// preferred_language and timezone: absent or an object leaves alone, null erases.
Change<std::string> three_state(const json& body, const char* key, StringTable table,
                                const char* expected, ValidationErrors& errors) {
  Change<std::string> change;
  const json* field = find(body, key);
  if (!field || field->is_object()) return change;
  change.present = true;
  if (field->is_null()) return change;
  change.value = enum_string(*field, {"body", key}, table, expected, errors);
  if (!change.value) change.present = false;
  return change;
}

std::vector<std::string> stripped_list(const json& value, const json& loc, bool keyterms,
                                       ValidationErrors& errors) {
  std::vector<std::string> items;
  if (!value.is_array()) {
    errors.add("list_type", loc, "Input should be a valid list", value);
    return items;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto item = stripped_nonempty(value[i], child(loc, i), errors);
    if (item && keyterms && !is_audio_keyterm(*item)) {
      report_pattern(child(loc, i), kKeytermPattern, value[i], errors);
    } else if (item) {
      items.push_back(std::move(*item));
    }
  }
  if (keyterms && value.size() > kMaxAudioKeyterms) {
    report_too_long(loc, "List", kMaxAudioKeyterms, value.size(), value, errors);
  }
  return items;
}

}  // namespace

std::optional<InviteRequest> parse_invite_request(const std::string& body,
                                                  const std::string& content_type,
                                                  ValidationErrors& errors) {
  const auto document = parse_json_body(body, content_type, errors);
  if (!document || !require_object(*document, {"body"}, errors)) return std::nullopt;
  const json& object = *document;

  InviteRequest request;
  const auto name = [&](const char* key) {
    const json* field = find(object, key);
    if (!field) {
      report_missing(object, key, errors);
      return std::string();
    }
    return stripped_nonempty(*field, {"body", key}, errors).value_or("");
  };
  request.first_name = name("first_name");
  request.last_name = name("last_name");
  if (const json* field = find(object, "email")) {
    request.email = email_field(*field, {"body", "email"}, errors).value_or("");
  } else {
    report_missing(object, "email", errors);
  }
  if (const json* field = find(object, "login_link"); field && !field->is_null()) {
    request.login_link = http_url_field(*field, {"body", "login_link"}, errors);
  }
  if (const json* field = find(object, "role_name")) {
    if (field->is_string()) {
      request.role_name = field->get<std::string>();
    } else {
      errors.add("string_type", {"body", "role_name"}, "Input should be a valid string", *field);
    }
  } else {
    report_missing(object, "role_name", errors);
  }
  if (const json* field = find(object, "nonsensitive_user_variables")) {
    request.nonsensitive_variables = parse_variables(
        *field, {"body", "nonsensitive_user_variables"}, kMaxNonsensitiveVariables, errors);
  }
  if (const json* field = find(object, "sensitive_user_variables")) {
    request.sensitive_variables = parse_variables(*field, {"body", "sensitive_user_variables"},
                                                  kMaxSensitiveVariables, errors);
  }
  if (const json* field = find(object, "user_preferences"); field && !field->is_null()) {
    request.preferences = parse_invite_preferences(*field, {"body", "user_preferences"}, errors);
  }

  if (!errors.empty()) return std::nullopt;
  return request;
}

std::optional<UpdateRequest> parse_update_request(const std::string& body,
                                                  const std::string& content_type,
                                                  ValidationErrors& errors) {
  const auto document = parse_json_body(body, content_type, errors);
  if (!document || !require_object(*document, {"body"}, errors)) return std::nullopt;
  const json& object = *document;

  const auto text = [&](const json& value, const json& loc) {
    return stripped_nonempty(value, loc, errors);
  };
  const auto flag = [&](const json& value, const json& loc) {
    return strict_bool(value, loc, errors);
  };
  const auto context = [&](const json& value, const json& loc) {
    return std::optional(stripped_list(value, loc, false, errors));
  };
  const auto keyterms = [&](const json& value, const json& loc) {
    return std::optional(stripped_list(value, loc, true, errors));
  };

  UpdateRequest request;
  request.first_name = optional_field<std::string>(object, "first_name", text);
  request.last_name = optional_field<std::string>(object, "last_name", text);
  request.enable_response_recommendation =
      optional_field<bool>(object, "enable_response_recommendation", flag);
  request.preferred_language =
      three_state(object, "preferred_language", language_codes(), "an ISO 639-3 code", errors);
  request.timezone =
      three_state(object, "timezone", time_zones(), "an IANA time-zone name", errors);
  request.conversations_visible_to_admins =
      optional_field<bool>(object, "conversations_visible_to_admins", flag);
  request.user_model_visible_to_admins =
      optional_field<bool>(object, "user_model_visible_to_admins", flag);
  request.additional_context =
      optional_field<std::vector<std::string>>(object, "additional_context", context);
  request.audio_keyterms =
      optional_field<std::vector<std::string>>(object, "audio_keyterms", keyterms);

  if (!errors.empty()) return std::nullopt;
  return request;
}

}  // namespace amigo::emulator

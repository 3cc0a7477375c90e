#include "validation.hpp"

#include <algorithm>

#include "text.hpp"

namespace amigo::emulator {
namespace {

constexpr std::size_t kMaxUrlLength = 2083;

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_lower_or(char c, std::string_view extra) {
  return (c >= 'a' && c <= 'z') || extra.find(c) != std::string_view::npos;
}

// A domain of dot-separated labels of letters, digits and inner hyphens, as
// email-validator wants; non-ASCII bytes are let through for IDNs.
std::optional<std::string> domain_problem(std::string_view domain) {
  if (domain.empty()) return "There must be something after the @-sign.";
  if (domain.find('.') == std::string_view::npos) {
    return "The part after the @-sign is not valid. It should have a period.";
  }
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty()) return "An email address cannot have a period in this position.";
    if (label.front() == '-' || label.back() == '-') {
      return "An email address cannot have a hyphen immediately before or after a period.";
    }
    for (const char c : label) {
      const bool ok = is_ascii_word(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80;
      if (!ok || c == '_') return "The part after the @-sign contains invalid characters.";
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

void ValidationErrors::add(std::string type, nlohmann::json loc, std::string msg,
                           nlohmann::json input, nlohmann::json ctx) {
  nlohmann::json error = {{"type", std::move(type)},
                          {"loc", std::move(loc)},
                          {"msg", std::move(msg)},
                          {"input", std::move(input)}};
  if (!ctx.is_null()) error["ctx"] = std::move(ctx);
  errors_.push_back(std::move(error));
}

nlohmann::json child(const nlohmann::json& loc, const nlohmann::json& step) {
  nlohmann::json extended = loc;
  extended.push_back(step);
  return extended;
}

std::optional<nlohmann::json> parse_json_body(const std::string& body,
                                              const std::string& content_type,
                                              ValidationErrors& errors) {
  const nlohmann::json loc = {"body"};
  if (body.empty()) {
    errors.add("missing", loc, "Field required", nullptr);
    return std::nullopt;
  }

  // FastAPI only decodes JSON for application/json, application/*+json or no
  // content type at all; anything else reaches the model as raw text.
  const std::string media_type =
      to_lower_ascii(strip(content_type.substr(0, content_type.find(';'))));
  const bool json_type = media_type.empty() || media_type == "application/json" ||
                         (media_type.rfind("application/", 0) == 0 && media_type.size() > 5 &&
                          media_type.compare(media_type.size() - 5, 5, "+json") == 0);
  if (!json_type) {
    errors.add("model_attributes_type", loc,
               "Input should be a valid dictionary or object to extract fields from", body);
    return std::nullopt;
  }

  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    const auto position = error.byte > 0 ? error.byte - 1 : 0;
    errors.add("json_invalid", {"body", position}, "JSON decode error", nlohmann::json::object(),
               {{"error", "Expecting value"}});
    return std::nullopt;
  }
}

bool require_object(const nlohmann::json& value, const nlohmann::json& loc,
                    ValidationErrors& errors) {
  if (value.is_object()) return true;
  errors.add("model_attributes_type", loc,
             "Input should be a valid dictionary or object to extract fields from", value);
  return false;
}

std::optional<std::string> stripped_nonempty(const nlohmann::json& value, const nlohmann::json& loc,
                                             ValidationErrors& errors) {
  if (!value.is_string()) {
    errors.add("string_type", loc, "Input should be a valid string", value);
    return std::nullopt;
  }
  std::string stripped = strip(value.get<std::string>());
  if (stripped.empty()) {
    errors.add("string_too_short", loc, "String should have at least 1 character", value,
               {{"min_length", 1}});
    return std::nullopt;
  }
  return stripped;
}

std::optional<bool> strict_bool(const nlohmann::json& value, const nlohmann::json& loc,
                                ValidationErrors& errors) {
  if (value.is_boolean()) return value.get<bool>();
  errors.add("bool_type", loc, "Input should be a valid boolean", value);
  return std::nullopt;
}

std::optional<std::string> email_problem(std::string_view email) {
  const std::size_t at = email.rfind('@');
  if (at == std::string_view::npos) return "An email address must have an @-sign.";
  const std::string_view local = email.substr(0, at);
  if (local.empty()) return "There must be something before the @-sign.";
  if (local.size() > 64) return "The email address is too long before the @-sign.";
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return "An email address cannot have a period in this position.";
  }
  for (const char c : local) {
    const auto byte = static_cast<unsigned char>(c);
    const bool allowed = is_ascii_word(c) || byte >= 0x80 ||
                         std::string_view("!#$%&'*+-/=?^`{|}~.").find(c) != std::string_view::npos;
    if (!allowed) return "The email address contains invalid characters before the @-sign.";
  }
  return domain_problem(email.substr(at + 1));
}

std::optional<std::string> email_field(const nlohmann::json& value, const nlohmann::json& loc,
                                       ValidationErrors& errors) {
  if (!value.is_string()) {
    errors.add("string_type", loc, "Input should be a valid string", value);
    return std::nullopt;
  }
  const std::string email = strip(value.get<std::string>());
  if (const auto problem = email_problem(email)) {
    errors.add("value_error", loc, "value is not a valid email address: " + *problem, value,
               {{"reason", *problem}});
    return std::nullopt;
  }
  return email;
}

std::optional<std::string> http_url_field(const nlohmann::json& value, const nlohmann::json& loc,
                                          ValidationErrors& errors) {
  if (!value.is_string()) {
    errors.add("url_type", loc, "URL input should be a string or URL", value);
    return std::nullopt;
  }
  const std::string url = strip(value.get<std::string>());
  if (url.size() > kMaxUrlLength) {
    errors.add("url_too_long", loc, "URL should have at most 2083 characters", value,
               {{"max_length", kMaxUrlLength}});
    return std::nullopt;
  }
  if (url.empty()) {
    errors.add("url_parsing", loc, "Input should be a valid URL, input is empty", value,
               {{"error", "input is empty"}});
    return std::nullopt;
  }

  const std::size_t colon = url.find("://");
  if (colon == std::string::npos || colon == 0) {
    errors.add("url_parsing", loc, "Input should be a valid URL, relative URL without a base",
               value, {{"error", "relative URL without a base"}});
    return std::nullopt;
  }
  const std::string scheme = to_lower_ascii(url.substr(0, colon));
  if (scheme != "http" && scheme != "https") {
    errors.add("url_scheme", loc, "URL scheme should be 'http' or 'https'", value,
               {{"expected_schemes", "'http' or 'https'"}});
    return std::nullopt;
  }
  const std::string rest = url.substr(colon + 3);
  const std::size_t host_end = rest.find_first_of("/?#");
  const std::string authority = rest.substr(0, host_end);
  const std::string host =
      authority.substr(authority.rfind('@') == std::string::npos ? 0 : authority.rfind('@') + 1);
  const bool bad_char = std::any_of(url.begin(), url.end(), [](char c) {
    return c == ' ' || static_cast<unsigned char>(c) < 0x20;
  });
  if (host.empty() || host.front() == ':' || bad_char) {
    errors.add("url_parsing", loc, "Input should be a valid URL, empty host", value,
               {{"error", "empty host"}});
    return std::nullopt;
  }
  return url;
}

bool is_variable_name(std::string_view name) {
  if (name.size() < 2 || !is_lower_or(name.front(), "_")) return false;
  return std::all_of(name.begin() + 1, name.end(),
                     [](char c) { return is_lower_or(c, "_0123456789"); });
}

bool is_audio_keyterm(std::string_view term) {
  int words = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(term.find(' ', start), term.size());
    const std::string_view word = term.substr(start, end - start);
    if (word.empty() ||
        !std::all_of(word.begin(), word.end(), [](char c) { return is_lower_or(c, "-"); })) {
      return false;
    }
    if (++words > 3) return false;
    if (end == term.size()) return true;
    start = end + 1;
  }
}

bool is_two_word_chars(std::string_view text) {
  int code_points = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (!is_ascii_word(text[i])) return false;
      ++i;
    } else {
      // Skip the continuation bytes of one UTF-8 sequence.
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    ++code_points;
  }
  return code_points == 2;
}

}  // namespace amigo::emulator

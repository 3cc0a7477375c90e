#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace amigo::emulator {

/// Collects every validation failure of one request, in the shape FastAPI gives pydantic v2
/// errors: `{"type", "loc", "msg", "input"[, "ctx"]}`.
class ValidationErrors {
 public:
  void add(std::string type, nlohmann::json loc, std::string msg, nlohmann::json input,
           nlohmann::json ctx = nullptr);

  bool empty() const { return errors_.empty(); }

  /// The `detail` array of a 422 response.
  const nlohmann::json& detail() const { return errors_; }

 private:
  nlohmann::json errors_ = nlohmann::json::array();
};

/// `loc` extended by one more step.
nlohmann::json child(const nlohmann::json& loc, const nlohmann::json& step);

/// Parses a JSON request body, reporting `missing`, `json_invalid` or a non-JSON content type the
/// way FastAPI does; nullopt when the body cannot be validated further.
std::optional<nlohmann::json> parse_json_body(const std::string& body,
                                              const std::string& content_type,
                                              ValidationErrors& errors);

/// Reports `model_attributes_type` unless `value` is an object.
bool require_object(const nlohmann::json& value, const nlohmann::json& loc,
                    ValidationErrors& errors);

/// A string that is non-empty once stripped (pydantic's StrippedNonemptyString).
std::optional<std::string> stripped_nonempty(const nlohmann::json& value, const nlohmann::json& loc,
                                             ValidationErrors& errors);

/// A JSON boolean; pydantic's lax string forms are refused so that client bugs show.
std::optional<bool> strict_bool(const nlohmann::json& value, const nlohmann::json& loc,
                                ValidationErrors& errors);

/// Why `email` is not an address, or nullopt when it is one.
std::optional<std::string> email_problem(std::string_view email);

/// A string that is a valid email address (pydantic's EmailStr).
std::optional<std::string> email_field(const nlohmann::json& value, const nlohmann::json& loc,
                                       ValidationErrors& errors);

/// An absolute http(s) URL of at most 2,083 characters (pydantic's HttpUrl).
std::optional<std::string> http_url_field(const nlohmann::json& value, const nlohmann::json& loc,
                                          ValidationErrors& errors);

/// `^[a-z_][a-z0-9_]+$`: the names of user variables.
bool is_variable_name(std::string_view name);

/// `^[a-z-]+( [a-z-]+){0,2}$`: an audio keyterm.
bool is_audio_keyterm(std::string_view term);

/// Python's `^\w{2}$`: exactly two word characters (any non-ASCII code point counts as one).
bool is_two_word_chars(std::string_view text);

}  // namespace amigo::emulator

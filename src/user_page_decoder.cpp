// list_users pages, decoded straight into the models.
//
// A page can hold a hundred users, and decoding it is most of the client's
// own CPU time on a list, so there is no intermediate JSON document: a SAX
// handler follows the parser through the page with a small stack of scopes
// (page, users, user, user_stats, preferences, the variables) and writes each
// value where it belongs. Unknown keys are skipped, whatever they hold.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "amigo/errors.hpp"
#include "json_kind.hpp"
#include "request_checks.hpp"
#include "rfc3339.hpp"
#include "user_codec.hpp"
#include "user_page_schema.hpp"

namespace amigo::detail {
namespace {

using Json = nlohmann::json;

bool opens_scope(JsonKind kind) { return kind == JsonKind::object || kind == JsonKind::array; }

// Reserving for the users up front: a page holds at most 100 (the largest
// limit), and a user as servers send one takes well over 256 bytes, so the
// body's size gives a count that is rarely too high. A page of unusually
// small users just grows the vector.
constexpr std::size_t kMaxUsersPerPage = 100;
constexpr std::size_t kMinBytesPerUser = 256;

// The SAX handler: nlohmann::json calls it once per token.
//
// Strings are copied out of the parser rather than moved: the parser reuses
// one buffer for every string it reads, and taking that buffer away would
// make it grow a new one, allocation by allocation, for each of them. A copy
// allocates once, or not at all for short strings.
class UserPageParser {
 public:
  using string_t = Json::string_t;

  UserPageParser(int status, std::size_t body_size)
      : status_(status),
        users_estimate_(std::min(body_size / kMinBytesPerUser + 1, kMaxUsersPerPage)) {}

  bool null() {
    if (!accept(JsonKind::null)) return true;
    switch (key_) {
      case Key::continuation_token:
        page_.continuation_token.reset();
        break;
      case Key::last_message_time:
        user().user_stats.last_message_time.reset();
        break;
      case Key::preferred_language:
        user().preferences.preferred_language.reset();
        break;
      case Key::timezone:
        user().preferences.timezone.reset();
        break;
      default:
        break;
    }
    return true;
  }

  bool boolean(bool value) {
    if (!accept(JsonKind::boolean)) return true;
    switch (key_) {
      case Key::has_more:
        page_.has_more = value;
        break;
      case Key::enable_response_recommendation:
        user().preferences.enable_response_recommendation = value;
        break;
      case Key::conversations_visible_to_admins:
        user().preferences.conversations_visible_to_admins = value;
        break;
      case Key::user_model_visible_to_admins:
        user().preferences.user_model_visible_to_admins = value;
        break;
      default:
        break;
    }
    return true;
  }

  bool number_integer(Json::number_integer_t value) {
    if (accept(JsonKind::integer)) store_integer(value);
    return true;
  }

  bool number_unsigned(Json::number_unsigned_t value) {
    if (!accept(JsonKind::integer)) return true;
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(value_path(), "expected an integer that fits in 64 bits, got a larger one");
    }
    store_integer(static_cast<std::int64_t>(value));
    return true;
  }

  bool number_float(Json::number_float_t /*value*/, const string_t& /*text*/) {
    accept(JsonKind::number);  // no field holds one: this throws unless the key is unknown
    return true;
  }

  bool string(string_t& value) {
    if (!accept(JsonKind::string)) return true;
    switch (top()) {
      case Scope::audio_keyterms:
        user().preferences.audio_keyterms.push_back(value);
        return true;
      case Scope::sensitive_variables:
        user().sensitive_variables.push_back(value);
        return true;
      case Scope::nonsensitive_variables: {
        auto& variables = user().nonsensitive_variables;
        variables.insert_or_assign(variables.end(), variable_name_, value);
        return true;
      }
      default:
        store_string(value);
        return true;
    }
  }

  bool binary(Json::binary_t& /*value*/) { return false; }  // not produced by JSON text

  bool start_object(std::size_t /*elements*/) {
    if (!accept(JsonKind::object)) return true;
    switch (top()) {
      case Scope::document:
        push(Scope::page);
        break;
      case Scope::users:
        page_.users.emplace_back();
        push(Scope::user);
        break;
      default:
        open_user_object();
        break;
    }
    return true;
  }

  bool start_array(std::size_t /*elements*/) {
    if (!accept(JsonKind::array)) return true;
    // A repeated key replaces what came before, as in any JSON reader.
    switch (key_) {
      case Key::users:
        page_.users.clear();
        page_.users.reserve(users_estimate_);
        push(Scope::users);
        break;
      case Key::sensitive_variables:
        user().sensitive_variables.clear();
        push(Scope::sensitive_variables);
        break;
      default:
        user().preferences.audio_keyterms.clear();
        push(Scope::audio_keyterms);
        break;
    }
    return true;
  }

  bool key(string_t& name) {
    if (skip_depth_ > 0) return true;
    key_ = find_key(top(), name);
    if (key_ == Key::variable) variable_name_.assign(name);
    return true;
  }

  bool end_object() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
    const auto missing = first_missing(top(), seen_[index(top())]);
    if (!missing.empty()) fail(child_path(missing), "required field is missing");
    pop();
    return true;
  }

  bool end_array() {
    if (skip_depth_ > 0) {
      --skip_depth_;
    } else {
      pop();
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::json::exception& /*error*/) {
    // Both arguments can quote the body, so only the offset is kept.
    fail(scope_path(), fmt::format("the body is not valid JSON (error at byte {})", position));
  }

  UserPage take_page() { return std::move(page_); }

  // Where the parser is: "users[3].preferences".
  [[nodiscard]] std::string scope_path() const {
    std::string path;
    for (std::size_t level = 1; level < depth_; ++level) append_scope(path, scopes_[level]);
    return path;
  }

 private:
  static std::size_t index(Scope scope) { return static_cast<std::size_t>(scope); }

  [[nodiscard]] Scope top() const { return scopes_[depth_ - 1]; }
  User& user() { return page_.users.back(); }

  void push(Scope scope) {
    scopes_[depth_++] = scope;
    seen_[index(scope)] = 0;
    key_ = Key::unknown;
  }
  void pop() { --depth_; }

  // Checks a value against what its place expects. False when the value
  // belongs to an unknown key and is skipped, with all it contains.
  bool accept(JsonKind found) {
    if (skip_depth_ > 0) {
      if (opens_scope(found)) ++skip_depth_;
      return false;
    }
    const Scope scope = top();
    if (is_object_scope(scope) && key_ == Key::unknown) {
      if (opens_scope(found)) skip_depth_ = 1;
      return false;
    }
    const Expected expected = expected_here();
    if (found != expected.kind && !(found == JsonKind::null && expected.nullable)) {
      fail(value_path(), fmt::format("expected {}, got {}", describe(expected), describe(found)));
    }
    if (is_object_scope(scope)) seen_[index(scope)] |= bit(key_);
    return true;
  }

  [[nodiscard]] Expected expected_here() const {
    switch (top()) {
      case Scope::document:
      case Scope::users:
        return {JsonKind::object};
      case Scope::audio_keyterms:
      case Scope::sensitive_variables:
      case Scope::nonsensitive_variables:
        return {JsonKind::string};
      default:
        return expected_for(key_);
    }
  }

  void open_user_object() {
    switch (key_) {
      case Key::user_stats:
        user().user_stats = UserStats{};
        push(Scope::user_stats);
        break;
      case Key::preferences:
        user().preferences = Preferences{};
        push(Scope::preferences);
        break;
      default:
        user().nonsensitive_variables.clear();
        push(Scope::nonsensitive_variables);
        break;
    }
  }

  void store_integer(std::int64_t value) {
    switch (key_) {
      case Key::continuation_token:
        page_.continuation_token = value;
        break;
      case Key::num_conversations:
        user().user_stats.num_conversations = value;
        break;
      case Key::num_messages:
        user().user_stats.num_messages = value;
        break;
      default:
        break;
    }
  }

  void store_string(string_t& value) {
    switch (key_) {
      case Key::org_id:
        user().org_id = value;
        break;
      case Key::user_id:
        user().user_id = value;
        break;
      case Key::first_name:
        user().first_name = value;
        break;
      case Key::last_name:
        user().last_name = value;
        break;
      case Key::email:
        user().email = value;
        break;
      case Key::role:
        user().role = value;
        break;
      case Key::preferred_language:
        user().preferences.preferred_language = value;
        break;
      case Key::timezone:
        user().preferences.timezone = value;
        break;
      case Key::last_message_time:
        store_time(value);
        break;
      default:
        break;
    }
  }

  void store_time(std::string_view text) {
    auto time = parse_rfc3339(text);
    if (!time) fail(value_path(), "expected an RFC 3339 date-time, got a string that is not one");
    user().user_stats.last_message_time = *time;
  }

  void append_scope(std::string& path, Scope scope) const {
    switch (scope) {
      case Scope::document:
      case Scope::page:
        return;
      case Scope::user:
        path += fmt::format("[{}]", page_.users.size() - 1);
        return;
      case Scope::users:
        return append_name(path, "users");
      case Scope::user_stats:
        return append_name(path, "user_stats");
      case Scope::preferences:
        return append_name(path, "preferences");
      case Scope::audio_keyterms:
        return append_name(path, "audio_keyterms");
      case Scope::nonsensitive_variables:
        return append_name(path, "nonsensitive_variables");
      case Scope::sensitive_variables:
        return append_name(path, "sensitive_variables");
    }
  }

  static void append_name(std::string& path, std::string_view name) {
    if (!path.empty()) path += '.';
    path += name;
  }

  [[nodiscard]] std::string child_path(std::string_view name) const {
    std::string path = scope_path();
    append_name(path, name);
    return path;
  }

  // The path of the value being read: a key of the current object, or the
  // next element of the current array.
  [[nodiscard]] std::string value_path() const {
    std::string path = scope_path();
    switch (top()) {
      case Scope::document:
        return path;
      case Scope::users:
        return path + fmt::format("[{}]", page_.users.size());
      case Scope::audio_keyterms:
        return path + fmt::format("[{}]", page_.users.back().preferences.audio_keyterms.size());
      case Scope::sensitive_variables:
        return path + fmt::format("[{}]", page_.users.back().sensitive_variables.size());
      case Scope::nonsensitive_variables:
        return child_path(printable(variable_name_));
      default:
        return child_path(name_of(key_));
    }
  }

  [[noreturn]] void fail(std::string path, const std::string& problem) const {
    throw DecodeError(Operation::list_users, status_, std::move(path), problem);
  }

  int status_;
  std::size_t users_estimate_;
  UserPage page_;
  // The document, the page, users, a user, preferences, audio_keyterms: six
  // levels at most; anything deeper is inside a skipped value.
  std::array<Scope, 8> scopes_{Scope::document};
  std::size_t depth_ = 1;
  std::array<std::uint32_t, kScopeCount> seen_{};  // keys seen, per open object
  Key key_ = Key::unknown;
  std::size_t skip_depth_ = 0;
  std::string variable_name_;
};

}  // namespace

UserPage decode_user_page(std::string_view body, int status) {
  if (is_blank(body)) {
    throw DecodeError(Operation::list_users, status, "",
                      "the body is empty; expected a JSON object");
  }
  UserPageParser parser(status, body.size());
  bool complete = false;
  try {
    complete = Json::sax_parse(body.data(), body.data() + body.size(), &parser);
  } catch (const nlohmann::json::exception&) {
    // Syntax errors come through the handler; this catches anything else
    // the library raises, leaving out its message, which can quote the body.
  }
  if (!complete) {
    throw DecodeError(Operation::list_users, status, parser.scope_path(),
                      "the body could not be read as JSON");
  }
  return parser.take_page();
}

}  // namespace amigo::detail

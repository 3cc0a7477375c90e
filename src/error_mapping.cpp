#include "error_mapping.hpp"

#include <cctype>
#include <utility>

#include <nlohmann/json.hpp>

namespace amigo::detail {
namespace {

using Op = Operation;

constexpr std::size_t kMaxDetailLength = 1000;
constexpr std::size_t kMaxNonJsonDetailLength = 200;
// How much of a non-JSON body is looked at before its tags are stripped.
constexpr std::size_t kNonJsonBodyScanned = 8192;

constexpr std::string_view kInvalidCredentials = "invalid authorization credentials";
constexpr std::string_view kMaintenance = "temporary maintenance";
constexpr std::string_view kRelatedOperation = "a related operation is in progress";

// The docs page's "Meanings of each failure, per operation"; the sign-in row
// comes from the OpenAPI document, which the docs page does not cover.
const std::vector<DocumentedFailure> kDocumentedFailures = {
    {Op::sign_in_with_api_key, 401,
     "API key not found, is incorrect, or the requested user is not found"},
    {Op::sign_in_with_api_key, 404, "organization not found"},
    {Op::sign_in_with_api_key, 422, "path failed validation"},
    {Op::sign_in_with_api_key, 429, "over 5 requests per minute"},
    {Op::sign_in_with_api_key, 503, kMaintenance},

    {Op::invite_user, 401, kInvalidCredentials},
    {Op::invite_user, 403,
     "missing required permissions (User:InviteUser; caller must outrank the new user's role)"},
    {Op::invite_user, 404, "organization or role not found"},
    {Op::invite_user, 409, "a user with this email exists, or a related operation is in progress"},
    {Op::invite_user, 422, "path or body failed validation"},
    {Op::invite_user, 429, "over 50 requests per minute"},
    {Op::invite_user, 503, kMaintenance},

    {Op::list_users, 401, kInvalidCredentials},
    {Op::list_users, 403,
     "missing required permissions (list filters out users without User:GetUserInfo)"},
    {Op::list_users, 404, "organization not found"},
    {Op::list_users, 422, "path or query failed validation"},
    {Op::list_users, 429, "over 60 requests per minute"},
    {Op::list_users, 503, kMaintenance},

    {Op::update_user, 401, kInvalidCredentials},
    {Op::update_user, 403, "missing User:UpdateUserInfo"},
    {Op::update_user, 404, "organization or user not found"},
    {Op::update_user, 409, kRelatedOperation},
    {Op::update_user, 422, "path or body failed validation"},
    {Op::update_user, 429, "over 50 requests per minute"},
    {Op::update_user, 503, kMaintenance},

    {Op::delete_user, 400, "the user is currently active in Actions development"},
    {Op::delete_user, 401, kInvalidCredentials},
    {Op::delete_user, 403, "missing User:DeleteUser"},
    {Op::delete_user, 404, "organization or user not found"},
    {Op::delete_user, 409, kRelatedOperation},
    {Op::delete_user, 422, "path failed validation"},
    {Op::delete_user, 429, "over 500 requests per minute"},
    {Op::delete_user, 503, kMaintenance},
};

// Cuts at a character boundary so a multi-byte UTF-8 sequence is never split.
std::string truncate_utf8(std::string text, std::size_t max_length) {
  if (text.size() <= max_length) return text;
  std::size_t cut = max_length;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  text += "...";
  return text;
}

// "<html><h1>Bad   Gateway</h1>" -> "Bad Gateway"
std::string collapse_markup(std::string_view body) {
  std::string text;
  bool in_tag = false;
  bool pending_space = false;
  for (char c : body.substr(0, kNonJsonBodyScanned)) {
    if (in_tag) {
      in_tag = c != '>';
      if (!in_tag) pending_space = true;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    auto byte = static_cast<unsigned char>(c);
    if (std::isspace(byte) != 0 || (byte < 0x20) || byte == 0x7F) {
      pending_space = true;
      continue;
    }
    if (pending_space && !text.empty()) text += ' ';
    pending_space = false;
    text += c;
  }
  return text;
}

std::string loc_element(const nlohmann::json& element) {
  if (element.is_string()) return element.get<std::string>();
  if (element.is_number_integer()) return std::to_string(element.get<long long>());
  return element.dump();
}

std::string string_or_empty(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// FastAPI's 422 list: [{"loc": ["body", "email"], "msg": "...", "type": "...", "input": ...}].
// `input` is dropped on purpose: it echoes what was sent, secrets included.
ServerDetail read_validation_list(const nlohmann::json& list, const Redactor& redactor) {
  ServerDetail detail;
  for (const auto& entry : list) {
    if (!entry.is_object()) continue;
    FieldError error;
    if (auto loc = entry.find("loc"); loc != entry.end() && loc->is_array()) {
      for (const auto& element : *loc) error.loc.push_back(redactor.redact(loc_element(element)));
    }
    error.msg = redactor.redact(string_or_empty(entry, "msg"));
    error.type = string_or_empty(entry, "type");

    if (!detail.text.empty()) detail.text += "; ";
    std::string where;
    for (const auto& part : error.loc) where += (where.empty() ? "" : ".") + part;
    detail.text += where.empty() ? error.msg : where + ": " + error.msg;
    detail.field_errors.push_back(std::move(error));
  }
  return detail;
}

template <typename ErrorType>
[[noreturn]] void throw_with_retry_after(ApiErrorDetails details,
                                         std::optional<std::chrono::milliseconds> retry_after) {
  throw ErrorType(std::move(details), retry_after);
}

}  // namespace

const std::vector<DocumentedFailure>& documented_failures() { return kDocumentedFailures; }

std::string_view documented_meaning(Operation operation, int status) {
  for (const auto& failure : kDocumentedFailures) {
    if (failure.operation == operation && failure.status == status) return failure.meaning;
  }
  return kUnexpectedStatus;
}

ServerDetail read_server_detail(std::string_view body, const Redactor& redactor) {
  if (body.empty()) return {};
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    std::string text = redactor.redact(collapse_markup(body));
    if (text.empty()) return {};
    return {"(non-JSON body) " + truncate_utf8(std::move(text), kMaxNonJsonDetailLength), {}};
  }

  const nlohmann::json* detail = &json;
  if (json.is_object()) {
    if (auto it = json.find("detail"); it != json.end()) detail = &*it;
  }
  if (detail->is_array()) {
    ServerDetail parsed = read_validation_list(*detail, redactor);
    parsed.text = truncate_utf8(std::move(parsed.text), kMaxDetailLength);
    return parsed;
  }
  std::string text = detail->is_string()
                         ? detail->get<std::string>()
                         : detail->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return {truncate_utf8(redactor.redact(text), kMaxDetailLength), {}};
}

void throw_api_error(Operation operation, const HttpResponse& response, const Redactor& redactor,
                     std::optional<RateLimitInfo> rate_limit,
                     std::optional<std::chrono::milliseconds> retry_after) {
  ServerDetail server = read_server_detail(response.body, redactor);
  ApiErrorDetails details{operation, response.status,
                          std::string(documented_meaning(operation, response.status)),
                          std::move(server.text), rate_limit};
  switch (response.status) {
    case 400:
      throw BadRequestError(std::move(details));
    case 401:
      throw AuthenticationError(std::move(details));
    case 403:
      throw PermissionDeniedError(std::move(details));
    case 404:
      throw NotFoundError(std::move(details));
    case 409:
      throw ConflictError(std::move(details));
    case 422:
      throw ValidationError(std::move(details), std::move(server.field_errors));
    case 429:
      throw_with_retry_after<RateLimitError>(std::move(details), retry_after);
    case 503:
      throw_with_retry_after<ServiceUnavailableError>(std::move(details), retry_after);
    default:
      if (response.status >= 500 && response.status <= 599) throw ServerError(std::move(details));
      throw ApiError(std::move(details));
  }
}

}  // namespace amigo::detail

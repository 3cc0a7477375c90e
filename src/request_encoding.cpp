#include "request_encoding.hpp"

#include <fmt/format.h>

#include "amigo/errors.hpp"

namespace amigo::detail {
namespace {

constexpr int kMaxListLimit = 100;

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void append_parameter(std::string& query, std::string_view key, std::string_view value) {
  if (!query.empty()) query += '&';
  query += key;
  query += '=';
  query += percent_encode(value);
}

}  // namespace

std::string percent_encode(std::string_view text) {
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_unreserved(byte)) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHexDigits[byte >> 4];
      encoded += kHexDigits[byte & 0x0F];
    }
  }
  return encoded;
}

std::string user_id_segment(Operation operation, std::string_view user_id) {
  if (user_id.empty()) {
    throw InvalidArgumentError(
        fmt::format("{}: user_id must not be empty; pass the id invite_user or list_users returned",
                    to_string(operation)));
  }
  // Clients and proxies normalise "." and ".." segments even when encoded,
  // so the request would reach a different resource.
  if (user_id == "." || user_id == "..") {
    throw InvalidArgumentError(fmt::format(
        R"({}: user_id must not be "." or "..": URL normalisation would change the path)",
        to_string(operation)));
  }
  return percent_encode(user_id);
}

void check_list_request(const ListUsersRequest& request) {
  if (request.limit && (*request.limit < 0 || *request.limit > kMaxListLimit)) {
    throw InvalidArgumentError(fmt::format(
        "list_users: limit must be between 0 and {}, got {}; leave it unset for the server's "
        "default of {}",
        kMaxListLimit, *request.limit, kMaxListLimit));
  }
  if (request.continuation_token && *request.continuation_token < 0) {
    throw InvalidArgumentError(fmt::format(
        "list_users: continuation_token must not be negative, got {}; pass the token of the "
        "previous page, or leave it unset for the first page",
        *request.continuation_token));
  }
}

std::string list_users_query(const ListUsersRequest& request) {
  check_list_request(request);

  std::string query;
  for (const auto& user_id : request.user_ids) append_parameter(query, "user_id", user_id);
  for (const auto& email : request.emails) append_parameter(query, "email", email);
  if (request.limit) append_parameter(query, "limit", std::to_string(*request.limit));
  if (request.continuation_token) {
    append_parameter(query, "continuation_token", std::to_string(*request.continuation_token));
  }
  for (const auto& sort : request.sort_by) append_parameter(query, "sort_by", sort.to_string());
  return query;
}

}  // namespace amigo::detail

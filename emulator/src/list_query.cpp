#include "list_query.hpp"

#include <limits>

#include "text.hpp"

namespace amigo::emulator {
namespace {

constexpr int kMaxLimit = 100;

struct NamedField {
  const char* name;
  SortField field;
};

constexpr NamedField kSortFields[] = {
    {"first_name", SortField::first_name},
    {"last_name", SortField::last_name},
    {"email", SortField::email},
    {"user_stats.num_conversations", SortField::num_conversations},
    {"user_stats.num_messages", SortField::num_messages},
    {"user_stats.last_message_time", SortField::last_message_time},
};

// Python's int() on a query string: optional sign, digits, surrounding blanks.
std::optional<std::int64_t> parse_integer(const std::string& raw) {
  const std::string text = strip(raw);
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  if (pos == text.size()) return std::nullopt;
  std::int64_t value = 0;
  for (; pos < text.size(); ++pos) {
    if (text[pos] < '0' || text[pos] > '9') return std::nullopt;
    if (value > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return std::nullopt;
    value = value * 10 + (text[pos] - '0');
  }
  return negative ? -value : value;
}

// The last value wins for scalar parameters, as in Starlette.
const std::string* last_value(const std::multimap<std::string, std::string>& params,
                              const std::string& key) {
  const auto [begin, end] = params.equal_range(key);
  if (begin == end) return nullptr;
  return &std::prev(end)->second;
}

std::optional<std::int64_t> bounded_integer(const std::multimap<std::string, std::string>& params,
                                            const char* key, std::int64_t fallback,
                                            std::optional<std::int64_t> max,
                                            ValidationErrors& errors) {
  const std::string* raw = last_value(params, key);
  if (!raw) return fallback;
  const nlohmann::json loc = {"query", key};
  const auto value = parse_integer(*raw);
  if (!value) {
    errors.add("int_parsing", loc,
               "Input should be a valid integer, unable to parse string as an integer", *raw);
    return std::nullopt;
  }
  if (*value < 0) {
    errors.add("greater_than_equal", loc, "Input should be greater than or equal to 0", *raw,
               {{"ge", 0}});
    return std::nullopt;
  }
  if (max && *value > *max) {
    errors.add("less_than_equal", loc,
               "Input should be less than or equal to " + std::to_string(*max), *raw,
               {{"le", *max}});
    return std::nullopt;
  }
  return value;
}

std::optional<SortKey> parse_sort_key(const std::string& raw) {
  // A '+' sent unescaped arrives as a space; both mean ascending.
  std::string text = strip(raw);
  SortKey key;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    key.descending = text.front() == '-';
    text.erase(0, 1);
  }
  for (const NamedField& candidate : kSortFields) {
    if (text == candidate.name) {
      key.field = candidate.field;
      return key;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ListQuery> parse_list_query(const std::multimap<std::string, std::string>& params,
                                          ValidationErrors& errors) {
  ListQuery query;
  const auto [ids_begin, ids_end] = params.equal_range("user_id");
  for (auto it = ids_begin; it != ids_end; ++it) query.user_ids.push_back(it->second);

  const auto [emails_begin, emails_end] = params.equal_range("email");
  std::size_t index = 0;
  for (auto it = emails_begin; it != emails_end; ++it, ++index) {
    if (const auto problem = email_problem(strip(it->second))) {
      errors.add("value_error", {"query", "email", index},
                 "value is not a valid email address: " + *problem, it->second,
                 {{"reason", *problem}});
    }
    query.emails.push_back(strip(it->second));
  }

  const auto limit = bounded_integer(params, "limit", kMaxLimit, kMaxLimit, errors);
  const auto offset = bounded_integer(params, "continuation_token", 0, std::nullopt, errors);
  query.limit = static_cast<int>(limit.value_or(kMaxLimit));
  query.offset = offset.value_or(0);

  const auto [sort_begin, sort_end] = params.equal_range("sort_by");
  index = 0;
  for (auto it = sort_begin; it != sort_end; ++it, ++index) {
    if (const auto key = parse_sort_key(it->second)) {
      query.sort.push_back(*key);
      continue;
    }
    const std::string reason =
        "Unsupported sort field; use first_name, last_name, email, user_stats.num_conversations, "
        "user_stats.num_messages or user_stats.last_message_time with an optional + or - prefix";
    errors.add("value_error", {"query", "sort_by", index}, "Value error, " + reason, it->second,
               {{"error", reason}});
  }

  if (!errors.empty()) return std::nullopt;
  return query;
}

std::string sort_cache_key(const std::vector<SortKey>& sort) {
  std::string key;
  for (const SortKey& part : sort) {
    key.push_back(part.descending ? '-' : '+');
    key.push_back(static_cast<char>('0' + static_cast<int>(part.field)));
  }
  return key;
}

}  // namespace amigo::emulator

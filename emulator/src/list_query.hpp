#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "validation.hpp"

namespace amigo::emulator {

enum class SortField {
  first_name,
  last_name,
  email,
  num_conversations,
  num_messages,
  last_message_time,
};

struct SortKey {
  SortField field = SortField::first_name;
  bool descending = false;
};

/// The validated query of a list call (`get_users`).
struct ListQuery {
  std::vector<std::string> user_ids;
  std::vector<std::string> emails;
  int limit = 100;
  // The continuation token is an offset into the sorted, filtered list.
  std::int64_t offset = 0;
  std::vector<SortKey> sort;
};

/// Validates the query parameters (repeated ones in order), collecting every failure.
std::optional<ListQuery> parse_list_query(const std::multimap<std::string, std::string>& params,
                                          ValidationErrors& errors);

/// A canonical text for a sort order, used to cache sorted lists.
std::string sort_cache_key(const std::vector<SortKey>& sort);

}  // namespace amigo::emulator

#include "sort_keys.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "exit_codes.hpp"

namespace amigo_users {
namespace {

struct SortName {
  std::string_view name;
  amigo::UserSortField field;
};

constexpr std::array<SortName, 9> kSortNames{{
    {"first_name", amigo::UserSortField::first_name},
    {"last_name", amigo::UserSortField::last_name},
    {"email", amigo::UserSortField::email},
    {"num_conversations", amigo::UserSortField::num_conversations},
    {"num_messages", amigo::UserSortField::num_messages},
    {"last_message_time", amigo::UserSortField::last_message_time},
    {"user_stats.num_conversations", amigo::UserSortField::num_conversations},
    {"user_stats.num_messages", amigo::UserSortField::num_messages},
    {"user_stats.last_message_time", amigo::UserSortField::last_message_time},
}};

}  // namespace

amigo::UserSort parse_sort_key(const std::string& text) {
  std::string_view name = text;
  bool descending = false;
  if (!name.empty() && (name.front() == '+' || name.front() == '-')) {
    descending = name.front() == '-';
    name.remove_prefix(1);
  }

  for (const SortName& candidate : kSortNames) {
    if (candidate.name != name) continue;
    return descending ? amigo::UserSort::descending(candidate.field)
                      : amigo::UserSort::ascending(candidate.field);
  }
  throw UsageError("--sort: unknown field '" + std::string(name) +
                   "'; valid fields: first_name, last_name, email, num_conversations, "
                   "num_messages, last_message_time (the last three also as "
                   "user_stats.<field>), each optionally prefixed with + (ascending, the "
                   "default) or - (descending)");
}

}  // namespace amigo_users

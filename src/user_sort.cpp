#include "amigo/models.hpp"

namespace amigo {
namespace {

std::string_view wire_name(UserSortField field) {
  switch (field) {
    case UserSortField::first_name:
      return "first_name";
    case UserSortField::last_name:
      return "last_name";
    case UserSortField::email:
      return "email";
    case UserSortField::num_conversations:
      return "user_stats.num_conversations";
    case UserSortField::num_messages:
      return "user_stats.num_messages";
    case UserSortField::last_message_time:
      return "user_stats.last_message_time";
  }
  return "unknown";
}

}  // namespace

std::string UserSort::to_string() const {
  std::string text(1, descending_ ? '-' : '+');
  text += wire_name(field_);
  return text;
}

}  // namespace amigo

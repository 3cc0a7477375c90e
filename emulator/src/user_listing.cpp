// The list operation of Store: filtering, sorting (cached) and paging.
#include <algorithm>
#include <unordered_set>

#include "seed.hpp"
#include "store.hpp"
#include "text.hpp"

namespace amigo::emulator {
namespace {

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Strings compare by bytes, which for UTF-8 is code point order, as MongoDB's
// default collation and Python both do. A missing time sorts before any time.
int compare_field(const User& a, const User& b, SortField field) {
  switch (field) {
    case SortField::first_name:
      return a.first_name.compare(b.first_name);
    case SortField::last_name:
      return a.last_name.compare(b.last_name);
    case SortField::email:
      return a.email.compare(b.email);
    case SortField::num_conversations:
      return three_way(a.stats.num_conversations, b.stats.num_conversations);
    case SortField::num_messages:
      return three_way(a.stats.num_messages, b.stats.num_messages);
    case SortField::last_message_time: {
      const bool a_set = a.stats.last_message_time.has_value();
      const bool b_set = b.stats.last_message_time.has_value();
      if (a_set != b_set) return a_set ? 1 : -1;
      return a_set ? three_way(a.stats.last_message_micros, b.stats.last_message_micros) : 0;
    }
  }
  return 0;
}

// Each key in turn breaks the previous key's ties; the user id, always
// ascending, breaks the rest so that pages never overlap or skip.
struct UserOrder {
  const std::vector<SortKey>* keys;

  bool operator()(const User* a, const User* b) const {
    for (const SortKey& key : *keys) {
      const int order = compare_field(*a, *b, key.field);
      if (order != 0) return key.descending ? order > 0 : order < 0;
    }
    return a->user_id < b->user_id;
  }
};

// Only the given ids and emails (each list, when not empty, must match).
std::vector<const User*> filtered_users(const Organization& organization, const ListQuery& query) {
  std::unordered_set<std::string> emails;
  for (const std::string& email : query.emails) emails.insert(to_lower_ascii(email));

  std::vector<const User*> users;
  const auto accept = [&](const User& user) {
    if (!emails.empty() && emails.count(to_lower_ascii(user.email)) == 0) return;
    if (!query.user_ids.empty() && std::find(query.user_ids.begin(), query.user_ids.end(),
                                             user.user_id) == query.user_ids.end()) {
      return;
    }
    if (std::find(users.begin(), users.end(), &user) == users.end()) users.push_back(&user);
  };

  if (!query.user_ids.empty()) {
    for (const std::string& user_id : query.user_ids) {
      const auto user = organization.users.find(user_id);
      if (user != organization.users.end()) accept(user->second);
    }
  } else {
    for (const std::string& email : emails) {
      const auto user_id = organization.user_id_by_email.find(email);
      if (user_id != organization.user_id_by_email.end()) {
        accept(organization.users.at(user_id->second));
      }
    }
  }
  std::sort(users.begin(), users.end(), UserOrder{&query.sort});
  return users;
}

}  // namespace

const std::vector<const User*>& Store::sorted_users(const Organization& organization,
                                                    const std::vector<SortKey>& sort) {
  auto& cache = sorted_[organization.id];
  const std::string key = sort_cache_key(sort);
  const auto cached = cache.find(key);
  if (cached != cache.end()) return cached->second.users;

  SortedUsers sorted{sort, {}};
  sorted.users.reserve(organization.users.size());
  for (const auto& [user_id, user] : organization.users) sorted.users.push_back(&user);
  std::sort(sorted.users.begin(), sorted.users.end(), UserOrder{&sorted.sort});
  return cache.emplace(key, std::move(sorted)).first->second.users;
}

void Store::take_out_of_order(const User& user) {
  const auto org = sorted_.find(user.org_id);
  if (org == sorted_.end()) return;
  for (auto& [key, sorted] : org->second) {
    // By address: the user's fields may already disagree with the order.
    const auto found = std::find(sorted.users.begin(), sorted.users.end(), &user);
    if (found != sorted.users.end()) sorted.users.erase(found);
  }
}

void Store::put_in_order(const User& user) {
  const auto org = sorted_.find(user.org_id);
  if (org == sorted_.end()) return;
  for (auto& [key, sorted] : org->second) {
    const auto position =
        std::upper_bound(sorted.users.begin(), sorted.users.end(), &user, UserOrder{&sorted.sort});
    sorted.users.insert(position, &user);
  }
}

void Store::forget_order(const std::string& org_id) { sorted_.erase(org_id); }

std::string Store::list(const std::string& org_id, const Caller& caller, const ListQuery& query) {
  std::lock_guard lock(mutex_);
  const Organization& organization = world_.organizations.at(org_id);

  // Without User:GetUserInfo a caller sees only their own user.
  std::vector<const User*> own;
  const std::vector<const User*>* users = &own;
  std::vector<const User*> filtered;
  if (!caller.role.allows(kGetUserInfo)) {
    ListQuery self = query;
    if (caller.org_id == org_id) {
      self.user_ids.erase(std::remove_if(self.user_ids.begin(), self.user_ids.end(),
                                         [&](const auto& id) { return id != caller.user_id; }),
                          self.user_ids.end());
      if (query.user_ids.empty() || !self.user_ids.empty()) {
        self.user_ids = {caller.user_id};
        own = filtered_users(organization, self);
      }
    }
  } else if (!query.user_ids.empty() || !query.emails.empty()) {
    filtered = filtered_users(organization, query);
    users = &filtered;
  } else {
    users = &sorted_users(organization, query.sort);
  }

  const auto total = static_cast<std::int64_t>(users->size());
  const std::int64_t begin = std::min(query.offset, total);
  const std::int64_t end = std::min(begin + query.limit, total);
  nlohmann::json page = nlohmann::json::array();
  for (std::int64_t i = begin; i < end; ++i) {
    page.push_back(user_instance_json(*(*users)[static_cast<std::size_t>(i)]));
  }

  const bool has_more = end < total;
  const nlohmann::json body = {
      {"users", std::move(page)},
      {"has_more", has_more},
      {"continuation_token", has_more ? nlohmann::json(end) : nlohmann::json(nullptr)}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace amigo::emulator

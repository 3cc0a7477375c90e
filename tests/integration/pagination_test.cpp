// list_all_users across many pages, in every sort order, compared with the
// same users sorted here by the documented rule: each key in turn, ties broken
// by the next key and finally by the user id, ascending.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

constexpr std::size_t kGeneratedUsers = 250;
constexpr std::size_t kAllUsers = kGeneratedUsers + kSeededDemoUsers;
constexpr int kPageSize = 37;

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Strings in byte order (code point order for UTF-8); a user without a last
// message sorts before every user with one.
int compare_by(const User& a, const User& b, UserSortField field) {
  switch (field) {
    case UserSortField::first_name:
      return a.first_name.compare(b.first_name);
    case UserSortField::last_name:
      return a.last_name.compare(b.last_name);
    case UserSortField::email:
      return a.email.compare(b.email);
    case UserSortField::num_conversations:
      return three_way(a.user_stats.num_conversations, b.user_stats.num_conversations);
    case UserSortField::num_messages:
      return three_way(a.user_stats.num_messages, b.user_stats.num_messages);
    case UserSortField::last_message_time:
      return three_way(a.user_stats.last_message_time, b.user_stats.last_message_time);
  }
  return 0;
}

std::vector<std::string> sorted_locally(std::vector<User> users,
                                        const std::vector<UserSort>& sort) {
  std::sort(users.begin(), users.end(), [&](const User& a, const User& b) {
    for (const UserSort& key : sort) {
      const int order = compare_by(a, b, key.field());
      if (order != 0) return key.is_descending() ? order > 0 : order < 0;
    }
    return a.user_id < b.user_id;
  });
  return ids_of(users);
}

class PaginationTest : public IntegrationTest,
                       public ::testing::WithParamInterface<std::vector<UserSort>> {
 protected:
  PaginationTest() : client_(client_options()) { emulator().generate_users(kOrg, kGeneratedUsers); }

  // Every user, in the server's order, with the number of pages it took.
  std::vector<User> everyone(ListUsersRequest query, std::size_t& pages) {
    std::vector<User> users;
    UserRange range = client_.user().list_all_users(std::move(query));
    for (const User& user : range) users.push_back(user);
    pages = range.pages_fetched();
    return users;
  }

  AmigoClient client_;
};

TEST_P(PaginationTest, EveryPageInOrder) {
  std::size_t pages = 0;
  const std::vector<User> all = everyone(ListUsersRequest{}, pages);
  ASSERT_EQ(all.size(), kAllUsers);

  ListUsersRequest query;
  query.limit = kPageSize;
  query.sort_by = GetParam();
  const std::vector<User> sorted = everyone(query, pages);
  EXPECT_EQ(ids_of(sorted), sorted_locally(all, GetParam()));
  EXPECT_EQ(pages, (kAllUsers + kPageSize - 1) / kPageSize);
  EXPECT_EQ(emulator().counters().sign_ins, 1u);
}

const std::vector<std::vector<UserSort>> kSortOrders = {
    {UserSort::ascending(UserSortField::first_name)},
    {UserSort::descending(UserSortField::first_name)},
    {UserSort::ascending(UserSortField::last_name)},
    {UserSort::descending(UserSortField::last_name)},
    {UserSort::ascending(UserSortField::email)},
    {UserSort::descending(UserSortField::email)},
    {UserSort::ascending(UserSortField::num_conversations)},
    {UserSort::descending(UserSortField::num_conversations)},
    {UserSort::ascending(UserSortField::num_messages)},
    {UserSort::descending(UserSortField::num_messages)},
    {UserSort::ascending(UserSortField::last_message_time)},
    {UserSort::descending(UserSortField::last_message_time)},
    {UserSort::descending(UserSortField::num_conversations),
     UserSort::ascending(UserSortField::first_name)},
    {UserSort::ascending(UserSortField::last_name), UserSort::descending(UserSortField::first_name),
     UserSort::ascending(UserSortField::email)},
};

std::string sort_name(const ::testing::TestParamInfo<std::vector<UserSort>>& info) {
  std::string name;
  for (const UserSort& key : info.param) {
    std::string wire = key.to_string();  // "+user_stats.num_messages"
    name += wire[0] == '-' ? "Desc_" : "Asc_";
    name += wire.substr(wire.find_last_of("+-.") + 1) + "_";
  }
  name.pop_back();
  return name;
}

INSTANTIATE_TEST_SUITE_P(SortOrders, PaginationTest, ::testing::ValuesIn(kSortOrders), sort_name);

class ListAllUsersTest : public IntegrationTest {};

TEST_F(ListAllUsersTest, VisitsEveryUserExactlyOnce) {
  emulator().generate_users(kOrg, kGeneratedUsers);
  AmigoClient client(client_options());
  ListUsersRequest query;
  query.limit = kPageSize;

  std::vector<std::string> seen;
  UserRange range = client.user().list_all_users(query);
  for (const User& user : range) seen.push_back(user.user_id);
  const std::set<std::string> distinct(seen.begin(), seen.end());
  EXPECT_EQ(seen.size(), kAllUsers);
  EXPECT_EQ(distinct.size(), kAllUsers);
  EXPECT_EQ(distinct.count("admin-user"), 1u);
  EXPECT_EQ(distinct.count("generated-0000250"), 1u);
  EXPECT_EQ(range.pages_fetched(), 7u);
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 7u);
}

TEST_F(ListAllUsersTest, AnEmptyResultEndsAtOnce) {
  AmigoClient client(client_options());
  ListUsersRequest query;
  query.emails = {"nobody@example.com"};
  UserRange range = client.user().list_all_users(query);
  EXPECT_EQ(range.begin(), range.end());
  EXPECT_EQ(range.pages_fetched(), 1u);
}

}  // namespace
}  // namespace amigo::integration

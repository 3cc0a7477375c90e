#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "list_query.hpp"
#include "model.hpp"
#include "user_requests.hpp"

namespace amigo::emulator {

/// The status of a user operation and, for failures, the `detail` to answer with.
struct Outcome {
  int status = 200;
  std::string detail;
};

/// The authenticated user behind a request, with the role of their own organization.
struct Caller {
  std::string org_id;
  std::string user_id;
  Role role;
};

struct InviteResult {
  Outcome outcome;
  std::string user_id;
  std::optional<std::string> verify_link;
};

enum class SignInCheck { accepted, unknown_organization, rejected };

/// The organizations, users and API keys, guarded by one mutex, with the rules of the four user
/// operations. Sorted user lists are cached per organization and sort order until that
/// organization changes, so paging through 100,000 users does not sort on every call.
class Store {
 public:
  /// Replaces everything with `world`; conflicts are cleared too.
  void load(World world);

  bool has_organization(const std::string& org_id) const;

  SignInCheck check_api_key(const std::string& org_id, const std::string& key,
                            const std::string& key_id, const std::string& user_id) const;

  /// The user `user_id` of `org_id`, if both exist.
  std::optional<Caller> find_caller(const std::string& org_id, const std::string& user_id) const;

  InviteResult invite(const std::string& org_id, const Caller& caller,
                      const InviteRequest& request);

  Outcome update(const std::string& org_id, const Caller& caller, const std::string& user_id,
                 const UpdateRequest& request);

  Outcome remove(const std::string& org_id, const Caller& caller, const std::string& user_id);

  /// The serialized 200 body of a list call.
  std::string list(const std::string& org_id, const Caller& caller, const ListQuery& query);

  /// While set, changes to `user_id` (and invites of its email) answer 409.
  void set_conflict(const std::string& user_id, bool enabled);

  /// Adds `count` synthetic users with role `role`; throws std::invalid_argument for an unknown
  /// organization or role.
  void generate_users(const std::string& org_id, std::size_t count, const std::string& role);

  /// The whole world as a seed document.
  nlohmann::json dump() const;

 private:
  // One cached order of an organization's users.
  struct SortedUsers {
    std::vector<SortKey> sort;
    std::vector<const User*> users;
  };

  const std::vector<const User*>& sorted_users(const Organization& organization,
                                               const std::vector<SortKey>& sort);
  // Cached orders are kept up to date one user at a time, so that a change
  // costs a binary search and a move of pointers rather than a full sort:
  // take the user out before it changes or goes, put it back after.
  void take_out_of_order(const User& user);
  void put_in_order(const User& user);
  void forget_order(const std::string& org_id);
  bool in_conflict(const Organization& organization, const std::string& user_id) const;

  mutable std::mutex mutex_;
  World world_;
  std::set<std::string> conflicts_;
  // Organization -> sort_cache_key() -> order.
  std::map<std::string, std::map<std::string, SortedUsers>> sorted_;
  std::size_t generated_ = 0;
};

}  // namespace amigo::emulator

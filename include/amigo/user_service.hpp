#pragma once

/// @file
/// amigo::UserService: invite, list, update and delete the users of an organization.

#include <cstddef>
#include <iterator>
#include <string_view>

#include "amigo/export.hpp"
#include "amigo/models.hpp"

namespace amigo {

namespace detail {
class ClientCore;
}  // namespace detail

/// Every user matching a query, fetched a page at a time as the loop advances.
/// Only the current page is held in memory. Valid while its client lives.
///
/// @code
/// for (const amigo::User& user : client.user().list_all_users()) {
///   std::cout << user.email << '\n';
/// }
/// @endcode
class AMIGO_API UserRange {
 public:
  class AMIGO_API iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = User;
    using difference_type = std::ptrdiff_t;
    using pointer = const User*;
    using reference = const User&;

    iterator() = default;
    reference operator*() const;
    pointer operator->() const;
    /// May fetch the next page, and so throw what list_users throws.
    iterator& operator++();
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.at_end() == b.at_end();
    }
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class UserRange;
    explicit iterator(UserRange* range) : range_(range) {}
    [[nodiscard]] bool at_end() const noexcept;

    UserRange* range_ = nullptr;
  };

  UserRange(detail::ClientCore& core, ListUsersRequest request);

  /// Fetches the first page. Call once: the range is single-pass.
  iterator begin();
  iterator end() noexcept { return {}; }

  /// Pages fetched so far.
  [[nodiscard]] std::size_t pages_fetched() const noexcept { return pages_fetched_; }

 private:
  void fetch_next_page();
  void advance();

  detail::ClientCore* core_;
  ListUsersRequest request_;
  UserPage page_;
  std::size_t index_ = 0;
  std::size_t pages_fetched_ = 0;
  bool done_ = false;
};

/// The user operations. Obtain it from AmigoClient::user(); it lives as long
/// as its client and may be used from many threads at once.
class AMIGO_API UserService {
 public:
  explicit UserService(detail::ClientCore& core) : core_(&core) {}

  /// Invites a user; they stay unverified until they sign in.
  /// @throws ConflictError when the email is taken; NotFoundError for an unknown
  ///         role; PermissionDeniedError; ValidationError; and the common errors.
  UserInviteResponse invite_user(const UserInviteRequest& request);

  /// One page of users.
  UserPage list_users(const ListUsersRequest& request = {});

  /// Every user matching `request`, following continuation tokens lazily.
  UserRange list_all_users(ListUsersRequest request = {});

  /// Changes the fields set in `request` and nothing else.
  /// @throws InvalidArgumentError for an empty id, "." or "..".
  void update_user(std::string_view user_id, const UserUpdateRequest& request);

  /// Deletes a user.
  /// @throws BadRequestError when the user is active in Actions development.
  void delete_user(std::string_view user_id);

 private:
  detail::ClientCore* core_;
};

}  // namespace amigo

#include "amigo/user_service.hpp"

#include <string>
#include <utility>
#include <vector>

#include "amigo/errors.hpp"
#include "client_core.hpp"
#include "request_encoding.hpp"
#include "user_codec.hpp"

namespace amigo {
namespace {

UserPage fetch_page(detail::ClientCore& core, const ListUsersRequest& request) {
  detail::ApiCall call{Operation::list_users,
                       HttpMethod::get,
                       core.users_path(),
                       detail::list_users_query(request),
                       {}};
  const HttpResponse response = core.execute(call);
  return detail::decode_user_page(response.body, response.status);
}

}  // namespace

UserInviteResponse UserService::invite_user(const UserInviteRequest& request) {
  detail::ApiCall call{Operation::invite_user,
                       HttpMethod::post,
                       core_->users_path(),
                       {},
                       detail::encode_invite(request)};
  // A server may quote what it refused, and these values must never be shown.
  std::vector<std::string> sensitive_values;
  for (const auto& [name, value] : request.sensitive_user_variables) {
    sensitive_values.push_back(value);
  }
  const HttpResponse response = core_->execute(call, sensitive_values);
  return detail::decode_invite_response(response.body, response.status);
}

UserPage UserService::list_users(const ListUsersRequest& request) {
  return fetch_page(*core_, request);
}

UserRange UserService::list_all_users(ListUsersRequest request) {
  // Refuse a bad query now rather than at the first iteration.
  detail::check_list_request(request);
  if (request.limit == 0) {
    throw InvalidArgumentError(
        "list_all_users needs a limit from 1 to 100 (0 returns no users, so no page would "
        "advance); leave it unset for the server's default");
  }
  return {*core_, std::move(request)};
}

void UserService::update_user(std::string_view user_id, const UserUpdateRequest& request) {
  std::string path = core_->users_path();
  path += detail::user_id_segment(Operation::update_user, user_id);
  detail::ApiCall call{Operation::update_user,
                       HttpMethod::post,
                       std::move(path),
                       {},
                       detail::encode_update(request)};
  // 204 is documented; any 2xx is success, and a body, if any, says nothing more.
  core_->execute(call);
}

void UserService::delete_user(std::string_view user_id) {
  std::string path = core_->users_path();
  path += detail::user_id_segment(Operation::delete_user, user_id);
  detail::ApiCall call{Operation::delete_user, HttpMethod::del, std::move(path), {}, {}};
  call.not_found_after_lost_answer_is_success = true;
  core_->execute(call);
}

UserRange::UserRange(detail::ClientCore& core, ListUsersRequest request)
    : core_(&core), request_(std::move(request)) {}

UserRange::iterator UserRange::begin() {
  if (pages_fetched_ == 0) {
    fetch_next_page();
    if (page_.users.empty()) advance();
  }
  return iterator(this);
}

// The request for the first page is as given; each later one carries the
// token of the page before. A page claiming more without a token, or handing
// back the token just used, would make this loop forever: both are server
// faults and end the range with a DecodeError.
void UserRange::fetch_next_page() {
  if (pages_fetched_ > 0) {
    if (!page_.continuation_token) {
      throw DecodeError(Operation::list_users, 200, "continuation_token",
                        "has_more is true but continuation_token is null, so there is no way "
                        "to ask for the next page");
    }
    if (page_.continuation_token == request_.continuation_token) {
      throw DecodeError(Operation::list_users, 200, "continuation_token",
                        "the server returned the token of the page just fetched, which would "
                        "fetch the same page forever");
    }
    request_.continuation_token = page_.continuation_token;
  }
  page_ = fetch_page(*core_, request_);
  index_ = 0;
  ++pages_fetched_;
}

// Moves to the next user, fetching pages until one has a user or the server
// says there are no more. Empty pages with a token are passed over.
void UserRange::advance() {
  if (index_ < page_.users.size()) ++index_;
  while (index_ >= page_.users.size()) {
    if (!page_.has_more) {
      done_ = true;
      page_ = UserPage{};
      return;
    }
    fetch_next_page();
  }
}

UserRange::iterator::reference UserRange::iterator::operator*() const {
  return range_->page_.users[range_->index_];
}

UserRange::iterator::pointer UserRange::iterator::operator->() const {
  return &range_->page_.users[range_->index_];
}

UserRange::iterator& UserRange::iterator::operator++() {
  range_->advance();
  return *this;
}

bool UserRange::iterator::at_end() const noexcept { return range_ == nullptr || range_->done_; }

}  // namespace amigo

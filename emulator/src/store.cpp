#include "store.hpp"

#include "seed.hpp"
#include "text.hpp"

namespace amigo::emulator {
namespace {

constexpr std::size_t kUserIdBytes = 12;
constexpr std::size_t kVerifyTokenBytes = 16;

// The link the invitation email would carry: the login link with a
// verification token added to its query, before any fragment.
std::string make_verify_link(const std::string& login_link) {
  const std::size_t fragment = login_link.find('#');
  std::string link = login_link.substr(0, fragment);
  link += link.find('?') == std::string::npos ? "?" : "&";
  link += "token=" + random_hex(kVerifyTokenBytes);
  if (fragment != std::string::npos) link += login_link.substr(fragment);
  return link;
}

Outcome fail(int status, std::string detail) { return Outcome{status, std::move(detail)}; }

void apply(const UpdateRequest& request, User& user) {
  Preferences& preferences = user.preferences;
  if (request.first_name) user.first_name = *request.first_name;
  if (request.last_name) user.last_name = *request.last_name;
  if (request.enable_response_recommendation) {
    preferences.enable_response_recommendation = *request.enable_response_recommendation;
  }
  if (request.preferred_language.present) {
    preferences.preferred_language = request.preferred_language.value;
  }
  if (request.timezone.present) preferences.timezone = request.timezone.value;
  if (request.conversations_visible_to_admins) {
    preferences.conversations_visible_to_admins = *request.conversations_visible_to_admins;
  }
  if (request.user_model_visible_to_admins) {
    preferences.user_model_visible_to_admins = *request.user_model_visible_to_admins;
  }
  if (request.additional_context) user.additional_context = *request.additional_context;
  if (request.audio_keyterms) preferences.audio_keyterms = *request.audio_keyterms;
}

}  // namespace

void Store::load(World world) {
  std::lock_guard lock(mutex_);
  world_ = std::move(world);
  conflicts_.clear();
  sorted_.clear();
  generated_ = 0;
}

bool Store::has_organization(const std::string& org_id) const {
  std::lock_guard lock(mutex_);
  return world_.organizations.count(org_id) > 0;
}

SignInCheck Store::check_api_key(const std::string& org_id, const std::string& key,
                                 const std::string& key_id, const std::string& user_id) const {
  std::lock_guard lock(mutex_);
  const auto org = world_.organizations.find(org_id);
  if (org == world_.organizations.end()) return SignInCheck::unknown_organization;
  for (const ApiKey& candidate : world_.api_keys) {
    if (candidate.org_id == org_id && candidate.key_id == key_id && candidate.key == key) {
      // An organization key may sign in as any of its users.
      return org->second.users.count(user_id) > 0 ? SignInCheck::accepted : SignInCheck::rejected;
    }
  }
  return SignInCheck::rejected;
}

std::optional<Caller> Store::find_caller(const std::string& org_id,
                                         const std::string& user_id) const {
  std::lock_guard lock(mutex_);
  const auto org = world_.organizations.find(org_id);
  if (org == world_.organizations.end()) return std::nullopt;
  const auto user = org->second.users.find(user_id);
  if (user == org->second.users.end()) return std::nullopt;
  const auto role = org->second.roles.find(user->second.role);
  Caller caller{org_id, user_id, {}};
  if (role != org->second.roles.end()) caller.role = role->second;
  return caller;
}

bool Store::in_conflict(const Organization& organization, const std::string& user_id) const {
  return conflicts_.count(user_id) > 0 && organization.users.count(user_id) > 0;
}

InviteResult Store::invite(const std::string& org_id, const Caller& caller,
                           const InviteRequest& request) {
  std::lock_guard lock(mutex_);
  InviteResult result;
  const auto org = world_.organizations.find(org_id);
  if (org == world_.organizations.end()) {
    result.outcome = fail(404, "Organization " + org_id + " not found.");
    return result;
  }
  Organization& organization = org->second;
  if (!caller.role.allows(kInviteUser)) {
    result.outcome = fail(403, "Missing required permission User:InviteUser.");
    return result;
  }
  const auto role = organization.roles.find(request.role_name);
  if (role == organization.roles.end()) {
    result.outcome = fail(404, "Role " + request.role_name + " not found.");
    return result;
  }
  if (caller.role.rank <= role->second.rank) {
    result.outcome = fail(403, "The authenticated user must have greater privileges than role " +
                                   request.role_name + ".");
    return result;
  }

  const std::string email_key = to_lower_ascii(request.email);
  const auto existing = organization.user_id_by_email.find(email_key);
  if (existing != organization.user_id_by_email.end()) {
    result.outcome = in_conflict(organization, existing->second)
                         ? fail(409, "A related operation is in progress.")
                         : fail(409, "A user with this email already exists in the organization.");
    return result;
  }

  User user;
  user.org_id = org_id;
  do {
    user.user_id = random_hex(kUserIdBytes);
  } while (organization.users.count(user.user_id) > 0);
  user.first_name = request.first_name;
  user.last_name = request.last_name;
  user.email = request.email;
  user.role = request.role_name;
  user.preferences = request.preferences;
  user.nonsensitive_variables = request.nonsensitive_variables;
  user.sensitive_variables = request.sensitive_variables;
  user.verified = false;

  result.user_id = user.user_id;
  if (request.login_link) result.verify_link = make_verify_link(*request.login_link);
  organization.user_id_by_email.emplace(email_key, user.user_id);
  const auto added = organization.users.emplace(user.user_id, std::move(user)).first;
  put_in_order(added->second);
  result.outcome.status = 201;
  return result;
}

Outcome Store::update(const std::string& org_id, const Caller& caller, const std::string& user_id,
                      const UpdateRequest& request) {
  std::lock_guard lock(mutex_);
  const auto org = world_.organizations.find(org_id);
  if (org == world_.organizations.end()) return fail(404, "Organization " + org_id + " not found.");
  const auto user = org->second.users.find(user_id);
  if (user == org->second.users.end()) return fail(404, "User " + user_id + " not found.");
  if (!caller.role.allows(kUpdateUserInfo)) {
    return fail(403, "Missing required permission User:UpdateUserInfo.");
  }
  if (conflicts_.count(user_id) > 0) return fail(409, "A related operation is in progress.");

  take_out_of_order(user->second);
  apply(request, user->second);
  put_in_order(user->second);
  return Outcome{204, {}};
}

Outcome Store::remove(const std::string& org_id, const Caller& caller, const std::string& user_id) {
  std::lock_guard lock(mutex_);
  const auto org = world_.organizations.find(org_id);
  if (org == world_.organizations.end()) return fail(404, "Organization " + org_id + " not found.");
  Organization& organization = org->second;
  const auto user = organization.users.find(user_id);
  if (user == organization.users.end()) return fail(404, "User " + user_id + " not found.");
  if (!caller.role.allows(kDeleteUser)) {
    return fail(403, "Missing required permission User:DeleteUser.");
  }
  if (conflicts_.count(user_id) > 0) return fail(409, "A related operation is in progress.");
  if (user->second.active_in_actions_development) {
    return fail(400, "The user is currently active in Actions development.");
  }

  take_out_of_order(user->second);
  organization.user_id_by_email.erase(to_lower_ascii(user->second.email));
  organization.users.erase(user);
  return Outcome{204, {}};
}

void Store::set_conflict(const std::string& user_id, bool enabled) {
  std::lock_guard lock(mutex_);
  if (enabled) {
    conflicts_.insert(user_id);
  } else {
    conflicts_.erase(user_id);
  }
}

nlohmann::json Store::dump() const {
  std::lock_guard lock(mutex_);
  nlohmann::json document = dump_world(world_);
  document["conflicts"] = conflicts_;
  return document;
}

}  // namespace amigo::emulator

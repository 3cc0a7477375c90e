// 401, 403 and 404 from the emulator, each reaching its typed exception with
// the status, the operation, the documented meaning and the server's detail.

#include <string>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

constexpr const char* kUnknownOrg = "no-such-org";

// An organization whose Recruiter may invite, but only below its own rank.
constexpr const char* kRankSeed = R"({
  "organizations": [{"id": "rank-org", "roles": [
    {"name": "DefaultUserRole", "rank": 10, "permissions": []},
    {"name": "Recruiter", "rank": 20, "permissions": ["User:InviteUser", "User:GetUserInfo"]},
    {"name": "Admin", "rank": 100, "permissions": ["User:InviteUser", "User:GetUserInfo",
                                                   "User:UpdateUserInfo", "User:DeleteUser"]}]}],
  "users": [
    {"org_id": "rank-org", "user_id": "recruiter", "first_name": "Rita", "last_name": "Reyes",
     "email": "rita@example.org", "role": "Recruiter"},
    {"org_id": "rank-org", "user_id": "boss", "first_name": "Bo", "last_name": "Sterling",
     "email": "bo@example.org", "role": "Admin"}],
  "api_keys": [{"org_id": "rank-org", "key": "rank-secret-key-42", "key_id": "rank-key",
                "user_id": "recruiter"}]
})";

void expect_api_error(const ApiError& error, int status, Operation operation,
                      const std::string& meaning, const std::string& detail) {
  EXPECT_EQ(error.status(), status);
  EXPECT_EQ(error.operation(), operation);
  EXPECT_EQ(error.meaning(), meaning);
  EXPECT_EQ(error.detail(), detail);
}

UserInviteRequest invite_of(const std::string& email, const std::string& role) {
  UserInviteRequest invite;
  invite.first_name = "Grace";
  invite.last_name = "Hopper";
  invite.email = email;
  invite.role = role;
  return invite;
}

class AccessErrorsTest : public IntegrationTest {
 protected:
  // A client of `organization` that presents a token signed in directly.
  AmigoClient bearer_client(const std::string& organization) {
    const std::string token = sign_in_directly(emulator(), kAdmin);
    keep_secret(token);
    ClientOptions options = client_options();
    options.organization_id = organization;
    options.auth = BearerAuth{token, std::nullopt};
    return AmigoClient(options);
  }
};

TEST_F(AccessErrorsTest, AWrongApiKeyIsRefusedAtSignIn) {
  keep_secret("wrong-secret-key-9876543210");
  ClientOptions options = client_options();
  options.auth = ApiKeyAuth{"wrong-secret-key-9876543210", kApiKeyId, kAdmin};
  AmigoClient client(options);

  const auto error = expect_thrown<AuthenticationError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 401, Operation::sign_in_with_api_key,
                   "API key not found, is incorrect, or the requested user is not found",
                   "API key not found, is incorrect, or the requested user is not found.");
  EXPECT_EQ(emulator().counters().requests_of("sign_in"), 1u);
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 0u);
}

TEST_F(AccessErrorsTest, AnUnknownUserIsRefusedAtSignIn) {
  AmigoClient client(client_options("no-such-user"));
  const auto error = expect_thrown<AuthenticationError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->status(), 401);
  EXPECT_EQ(error->operation(), Operation::sign_in_with_api_key);
}

TEST_F(AccessErrorsTest, AForgedBearerTokenIsAuthenticationError) {
  std::string token = sign_in_directly(emulator(), kAdmin);
  keep_secret(token);
  token.back() = token.back() == 'A' ? 'B' : 'A';
  keep_secret(token);
  ClientOptions options = client_options();
  options.auth = BearerAuth{token, std::nullopt};
  AmigoClient client(options);

  const auto error = expect_thrown<AuthenticationError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 401, Operation::list_users, "invalid authorization credentials",
                   "Invalid token: token signature is invalid.");
  // A token given by the caller cannot be renewed, so it is sent once.
  EXPECT_EQ(emulator().counters().requests_of("list_users"), 1u);
}

TEST_F(AccessErrorsTest, SomethingThatIsNotAJwtIsAuthenticationError) {
  ClientOptions options = client_options();
  options.auth = BearerAuth{"not-a-token", std::nullopt};
  AmigoClient client(options);
  const auto error =
      expect_thrown<AuthenticationError>([&] { client.user().delete_user("user-noah"); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 401, Operation::delete_user, "invalid authorization credentials",
                   "Invalid token: token is not a JWT.");
}

TEST_F(AccessErrorsTest, InviteWithoutThePermissionIsPermissionDenied) {
  AmigoClient member(client_options(kMember));
  const auto error = expect_thrown<PermissionDeniedError>(
      [&] { member.user().invite_user(invite_of("grace@example.com", "DefaultUserRole")); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(
      *error, 403, Operation::invite_user,
      "missing required permissions (User:InviteUser; caller must outrank the new user's role)",
      "Missing required permission User:InviteUser.");
}

TEST_F(AccessErrorsTest, InviteIsRefusedUnlessTheCallerOutranksTheRole) {
  emulator().load_seed(kRankSeed);
  keep_secret("rank-secret-key-42");
  ClientOptions options = client_options();
  options.organization_id = "rank-org";
  options.auth = ApiKeyAuth{"rank-secret-key-42", "rank-key", "recruiter"};
  AmigoClient recruiter(options);

  const UserInviteResponse invited =
      recruiter.user().invite_user(invite_of("grace@example.org", "DefaultUserRole"));
  EXPECT_FALSE(invited.user_id.empty());

  for (const char* role : {"Recruiter", "Admin"}) {
    const auto error = expect_thrown<PermissionDeniedError>(
        [&] { recruiter.user().invite_user(invite_of("ada@example.org", role)); });
    ASSERT_TRUE(error.has_value());
    expect_api_error(
        *error, 403, Operation::invite_user,
        "missing required permissions (User:InviteUser; caller must outrank the new user's role)",
        std::string("The authenticated user must have greater privileges than role ") + role + ".");
  }
  EXPECT_EQ(count_with_email(recruiter, "ada@example.org"), 0u);
}

TEST_F(AccessErrorsTest, UpdateWithoutThePermissionIsPermissionDenied) {
  AmigoClient member(client_options(kMember));
  UserUpdateRequest update;
  update.first_name = "Mallory";
  const auto error =
      expect_thrown<PermissionDeniedError>([&] { member.user().update_user("user-noah", update); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 403, Operation::update_user, "missing User:UpdateUserInfo",
                   "Missing required permission User:UpdateUserInfo.");
}

TEST_F(AccessErrorsTest, DeleteWithoutThePermissionIsPermissionDenied) {
  AmigoClient manager(client_options(kManager));
  const auto error =
      expect_thrown<PermissionDeniedError>([&] { manager.user().delete_user("user-noah"); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 403, Operation::delete_user, "missing User:DeleteUser",
                   "Missing required permission User:DeleteUser.");
  AmigoClient admin(client_options());
  EXPECT_TRUE(find_user(admin, "user-noah").has_value());
}

TEST_F(AccessErrorsTest, AnUnknownOrganizationIsNotFoundAtSignIn) {
  ClientOptions options = client_options();
  options.organization_id = kUnknownOrg;
  AmigoClient client(options);
  const auto error = expect_thrown<NotFoundError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::sign_in_with_api_key, "organization not found",
                   "Organization no-such-org not found.");
}

TEST_F(AccessErrorsTest, AnUnknownOrganizationIsNotFoundForEveryOperation) {
  AmigoClient client = bearer_client(kUnknownOrg);
  const std::string detail = "Organization no-such-org not found.";

  auto error = expect_thrown<NotFoundError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::list_users, "organization not found", detail);

  error = expect_thrown<NotFoundError>(
      [&] { client.user().invite_user(invite_of("grace@example.com", "DefaultUserRole")); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::invite_user, "organization or role not found", detail);

  error = expect_thrown<NotFoundError>(
      [&] { client.user().update_user("user-noah", UserUpdateRequest{}); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::update_user, "organization or user not found", detail);

  error = expect_thrown<NotFoundError>([&] { client.user().delete_user("user-noah"); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::delete_user, "organization or user not found", detail);
}

TEST_F(AccessErrorsTest, AnUnknownRoleIsNotFound) {
  AmigoClient client(client_options());
  const auto error = expect_thrown<NotFoundError>(
      [&] { client.user().invite_user(invite_of("grace@example.com", "Astronaut")); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::invite_user, "organization or role not found",
                   "Role Astronaut not found.");
  EXPECT_EQ(count_with_email(client, "grace@example.com"), 0u);
}

TEST_F(AccessErrorsTest, AnUnknownUserIsNotFoundForUpdateAndDelete) {
  AmigoClient client(client_options());
  UserUpdateRequest update;
  update.first_name = "Nobody";
  auto error =
      expect_thrown<NotFoundError>([&] { client.user().update_user("ghost-user", update); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::update_user, "organization or user not found",
                   "User ghost-user not found.");

  error = expect_thrown<NotFoundError>([&] { client.user().delete_user("ghost-user"); });
  ASSERT_TRUE(error.has_value());
  expect_api_error(*error, 404, Operation::delete_user, "organization or user not found",
                   "User ghost-user not found.");
}

}  // namespace
}  // namespace amigo::integration

#include "amigo/user_service.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "amigo/client.hpp"
#include "amigo/errors.hpp"
#include "support/recording_transport.hpp"

namespace amigo {
namespace {

using test::json_response;
using test::RecordingTransport;

constexpr const char* kUsersUrl = "https://api.example.test/v1/acme/user/";

// A user with every required field, named by its id.
std::string user_json(const std::string& id) {
  return R"({"org_id":"acme","user_id":")" + id + R"(","first_name":"F","last_name":"L",)" +
         R"("email":")" + id + R"(@example.com","user_stats":{"num_conversations":0,)" +
         R"("num_messages":0,"last_message_time":null},"role":"DefaultUserRole",)" +
         R"("preferences":{},"nonsensitive_variables":{},"sensitive_variables":[]})";
}

std::string page_json(const std::vector<std::string>& ids, bool has_more,
                      std::optional<std::int64_t> token) {
  std::string body = R"({"users":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) body += ',';
    body += user_json(ids[i]);
  }
  body += R"(],"has_more":)";
  body += has_more ? "true" : "false";
  body += R"(,"continuation_token":)";
  body += token ? std::to_string(*token) : "null";
  body += '}';
  return body;
}

HttpResponse no_content() { return HttpResponse{204, {}, ""}; }

class UserServiceTest : public ::testing::Test {
 protected:
  UserServiceTest() : transport_(std::make_shared<RecordingTransport>()), client_(options()) {}

  ClientOptions options() {
    ClientOptions options;
    options.organization_id = "acme";
    options.base_url = "https://api.example.test";
    options.auth = BearerAuth{"test-token", std::nullopt};
    options.retry = RetryOptions::none();
    options.transport = transport_;
    return options;
  }

  UserService& users() { return client_.user(); }
  HttpRequest request(std::size_t index) const { return transport_->requests().at(index); }
  std::vector<std::string> urls() const {
    std::vector<std::string> urls;
    for (const auto& request : transport_->requests()) urls.push_back(request.url);
    return urls;
  }

  std::shared_ptr<RecordingTransport> transport_;
  AmigoClient client_;
};

UserInviteRequest docs_example() {
  UserInviteRequest invite;
  invite.first_name = "Ada";
  invite.last_name = "Lovelace";
  invite.email = "ada@example.com";
  invite.role = "DefaultUserRole";
  invite.user_preferences = UserPreferences{};
  invite.user_preferences->timezone = "America/New_York";
  return invite;
}

TEST_F(UserServiceTest, InviteSendsTheDocsPageExample) {
  transport_->push(json_response(201, R"({"user_id":"u-1","verify_link":null})"));

  const UserInviteResponse invited = users().invite_user(docs_example());

  EXPECT_EQ(invited.user_id, "u-1");
  EXPECT_FALSE(invited.verify_link.has_value());
  ASSERT_EQ(transport_->request_count(), 1U);
  EXPECT_EQ(request(0).method, HttpMethod::post);
  EXPECT_EQ(request(0).url, kUsersUrl);
  EXPECT_EQ(request(0).body,
            R"({"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com",)"
            R"("role_name":"DefaultUserRole","user_preferences":{"timezone":"America/New_York"}})");
}

TEST_F(UserServiceTest, InviteWithALoginLinkReturnsTheVerifyLink) {
  transport_->push(json_response(
      201, R"({"user_id":"u-2","verify_link":"https://app.example.test/verify/abc"})"));
  auto invite = docs_example();
  invite.user_preferences.reset();
  invite.login_link = "https://app.example.test/login";

  const UserInviteResponse invited = users().invite_user(invite);

  EXPECT_EQ(invited.user_id, "u-2");
  EXPECT_EQ(invited.verify_link, "https://app.example.test/verify/abc");
  EXPECT_EQ(request(0).body,
            R"({"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com",)"
            R"("role_name":"DefaultUserRole","login_link":"https://app.example.test/login"})");
}

TEST_F(UserServiceTest, InviteRefusesABadRequestWithoutSendingIt) {
  auto invite = docs_example();
  invite.email = "not-an-email";
  EXPECT_THROW(users().invite_user(invite), InvalidArgumentError);
  EXPECT_EQ(transport_->request_count(), 0U);
}

TEST_F(UserServiceTest, InviteAnswerThatIsNotTheSchemaIsADecodeError) {
  transport_->push(json_response(201, R"({"verify_link":null})"));
  try {
    users().invite_user(docs_example());
    ADD_FAILURE() << "no exception";
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.operation(), Operation::invite_user);
    EXPECT_EQ(error.status(), 201);
    EXPECT_EQ(error.field(), "user_id");
  }
}

TEST_F(UserServiceTest, ListWithoutParametersHasNoQuery) {
  transport_->push(json_response(200, page_json({"u-1"}, false, std::nullopt)));

  const UserPage page = users().list_users();

  ASSERT_EQ(page.users.size(), 1U);
  EXPECT_EQ(page.users[0].user_id, "u-1");
  EXPECT_EQ(request(0).method, HttpMethod::get);
  EXPECT_EQ(request(0).url, kUsersUrl);
  EXPECT_EQ(request(0).body, "");
}

TEST_F(UserServiceTest, ListSendsEveryParameter) {
  transport_->push(json_response(200, page_json({"a", "b"}, true, 100)));
  ListUsersRequest query;
  query.user_ids = {"a", "b"};
  query.emails = {"x@y.com"};
  query.limit = 50;
  query.continuation_token = 100;
  query.sort_by = {UserSort::descending(UserSortField::last_message_time),
                   UserSort::ascending(UserSortField::email)};

  const UserPage page = users().list_users(query);

  EXPECT_EQ(request(0).url, std::string(kUsersUrl) +
                                "?user_id=a&user_id=b&email=x%40y.com&limit=50"
                                "&continuation_token=100&sort_by=-user_stats.last_message_time"
                                "&sort_by=%2Bemail");
  ASSERT_EQ(page.users.size(), 2U);
  EXPECT_TRUE(page.has_more);
  EXPECT_EQ(page.continuation_token, 100);
}

TEST_F(UserServiceTest, ListRefusesAnOutOfRangeLimitWithoutSending) {
  ListUsersRequest query;
  query.limit = 101;
  EXPECT_THROW(users().list_users(query), InvalidArgumentError);
  EXPECT_THROW(users().list_all_users(query), InvalidArgumentError);
  EXPECT_EQ(transport_->request_count(), 0U);
}

TEST_F(UserServiceTest, ListAllRefusesLimitZeroWithoutSending) {
  ListUsersRequest query;
  query.limit = 0;
  try {
    users().list_all_users(query);
    ADD_FAILURE() << "no exception";
  } catch (const InvalidArgumentError& error) {
    EXPECT_STREQ(error.what(),
                 "list_all_users needs a limit from 1 to 100 (0 returns no users, so no page "
                 "would advance); leave it unset for the server's default");
  }
  EXPECT_EQ(transport_->request_count(), 0U);
}

TEST_F(UserServiceTest, ListUsersAcceptsLimitZero) {
  transport_->push(json_response(200, R"({"users":[],"has_more":true,"continuation_token":0})"));
  ListUsersRequest query;
  query.limit = 0;
  const UserPage page = users().list_users(query);
  EXPECT_EQ(request(0).url, std::string(kUsersUrl) + "?limit=0");
  EXPECT_TRUE(page.users.empty());
}

TEST_F(UserServiceTest, ListPageThatIsNotTheSchemaIsADecodeError) {
  transport_->push(json_response(200, R"({"users":[],"has_more":"no","continuation_token":null})"));
  try {
    users().list_users();
    ADD_FAILURE() << "no exception";
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.operation(), Operation::list_users);
    EXPECT_EQ(error.status(), 200);
    EXPECT_EQ(error.field(), "has_more");
  }
}

TEST_F(UserServiceTest, UpdateSendsOnlyWhatIsSetAndAccepts204) {
  transport_->push(no_content());
  UserUpdateRequest update;
  update.first_name = "Augusta";
  update.timezone = "Europe/London";
  update.preferred_language = amigo::null;

  users().update_user("u-1", update);

  ASSERT_EQ(transport_->request_count(), 1U);
  EXPECT_EQ(request(0).method, HttpMethod::post);
  EXPECT_EQ(request(0).url, std::string(kUsersUrl) + "u-1");
  EXPECT_EQ(request(0).body,
            R"({"first_name":"Augusta","preferred_language":null,"timezone":"Europe/London"})");
}

TEST_F(UserServiceTest, UpdateSendsBothTriStateFieldsInEachState) {
  struct Case {
    const char* name;
    Field<std::string> preferred_language;
    Field<std::string> timezone;
    const char* body;
  };
  const Case cases[] = {
      {"not set", {}, {}, "{}"},
      {"null", amigo::null, amigo::null, R"({"preferred_language":null,"timezone":null})"},
      {"value", "eng", "UTC", R"({"preferred_language":"eng","timezone":"UTC"})"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    transport_->push(no_content());
    UserUpdateRequest update;
    update.preferred_language = c.preferred_language;
    update.timezone = c.timezone;
    users().update_user("u-1", update);
    EXPECT_EQ(transport_->requests().back().body, c.body);
  }
}

TEST_F(UserServiceTest, UpdateAcceptsAny2xxWithOrWithoutABody) {
  transport_->push(json_response(200, R"({"ok":true})"));
  transport_->push(HttpResponse{200, {}, ""});
  UserUpdateRequest update;
  update.last_name = "King";
  EXPECT_NO_THROW(users().update_user("u-1", update));
  EXPECT_NO_THROW(users().update_user("u-1", update));
  EXPECT_EQ(transport_->request_count(), 2U);
}

TEST_F(UserServiceTest, UpdateAndDeletePercentEncodeTheUserId) {
  transport_->push(no_content());
  transport_->push(no_content());
  transport_->push(no_content());

  users().update_user("a/b?c#d%e f", {});
  users().delete_user("a/b?c#d%e f");
  users().delete_user("jos\xC3\xA9-\xE2\x82\xAC");

  EXPECT_EQ(urls(), (std::vector<std::string>{
                        std::string(kUsersUrl) + "a%2Fb%3Fc%23d%25e%20f",
                        std::string(kUsersUrl) + "a%2Fb%3Fc%23d%25e%20f",
                        std::string(kUsersUrl) + "jos%C3%A9-%E2%82%AC",
                    }));
}

TEST_F(UserServiceTest, UpdateAndDeleteRefuseIdsThatAreNotAPathSegment) {
  for (const char* id : {"", ".", ".."}) {
    SCOPED_TRACE(id);
    EXPECT_THROW(users().update_user(id, {}), InvalidArgumentError);
    EXPECT_THROW(users().delete_user(id), InvalidArgumentError);
  }
  EXPECT_EQ(transport_->request_count(), 0U);
}

TEST_F(UserServiceTest, UpdateRefusesABadBodyWithoutSending) {
  UserUpdateRequest update;
  update.first_name = " ";
  EXPECT_THROW(users().update_user("u-1", update), InvalidArgumentError);
  EXPECT_EQ(transport_->request_count(), 0U);
}

TEST_F(UserServiceTest, DeleteSendsDeleteWithoutABody) {
  transport_->push(no_content());

  users().delete_user("u-9");

  ASSERT_EQ(transport_->request_count(), 1U);
  EXPECT_EQ(request(0).method, HttpMethod::del);
  EXPECT_EQ(request(0).url, std::string(kUsersUrl) + "u-9");
  EXPECT_EQ(request(0).body, "");
}

TEST_F(UserServiceTest, DeleteOfAUserActiveInActionsIsABadRequest) {
  transport_->push(json_response(400, R"({"detail":"user is active"})"));
  EXPECT_THROW(users().delete_user("u-9"), BadRequestError);
}

TEST_F(UserServiceTest, ListAllFollowsTokensLazilyAcrossPages) {
  transport_->push(json_response(200, page_json({"u-1", "u-2"}, true, 2)));
  transport_->push(json_response(200, page_json({"u-3", "u-4"}, true, 4)));
  transport_->push(json_response(200, page_json({"u-5"}, false, std::nullopt)));
  ListUsersRequest query;
  query.limit = 2;

  UserRange range = users().list_all_users(query);
  EXPECT_EQ(transport_->request_count(), 0U);

  auto it = range.begin();
  ASSERT_NE(it, range.end());
  EXPECT_EQ(it->user_id, "u-1");
  EXPECT_EQ(transport_->request_count(), 1U);
  EXPECT_EQ(range.pages_fetched(), 1U);

  std::vector<std::string> ids;
  for (; it != range.end(); ++it) ids.push_back((*it).user_id);

  EXPECT_EQ(ids, (std::vector<std::string>{"u-1", "u-2", "u-3", "u-4", "u-5"}));
  EXPECT_EQ(range.pages_fetched(), 3U);
  EXPECT_EQ(urls(), (std::vector<std::string>{
                        std::string(kUsersUrl) + "?limit=2",
                        std::string(kUsersUrl) + "?limit=2&continuation_token=2",
                        std::string(kUsersUrl) + "?limit=2&continuation_token=4",
                    }));
}

TEST_F(UserServiceTest, ListAllWorksInARangeFor) {
  transport_->push(json_response(200, page_json({"u-1"}, true, 1)));
  transport_->push(json_response(200, page_json({"u-2"}, false, std::nullopt)));
  std::vector<std::string> ids;
  for (const User& user : users().list_all_users()) ids.push_back(user.user_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"u-1", "u-2"}));
}

TEST_F(UserServiceTest, ListAllPassesOverEmptyPagesThatHaveMore) {
  transport_->push(json_response(200, page_json({}, true, 10)));
  transport_->push(json_response(200, page_json({"u-1"}, true, 20)));
  transport_->push(json_response(200, page_json({}, true, 30)));
  transport_->push(json_response(200, page_json({}, false, std::nullopt)));

  std::vector<std::string> ids;
  for (const User& user : users().list_all_users()) ids.push_back(user.user_id);

  EXPECT_EQ(ids, (std::vector<std::string>{"u-1"}));
  EXPECT_EQ(urls(), (std::vector<std::string>{
                        kUsersUrl,
                        std::string(kUsersUrl) + "?continuation_token=10",
                        std::string(kUsersUrl) + "?continuation_token=20",
                        std::string(kUsersUrl) + "?continuation_token=30",
                    }));
}

TEST_F(UserServiceTest, ListAllOfNobodyIsEmpty) {
  transport_->push(json_response(200, page_json({}, false, std::nullopt)));
  UserRange range = users().list_all_users();
  EXPECT_EQ(range.begin(), range.end());
  EXPECT_EQ(transport_->request_count(), 1U);
}

TEST_F(UserServiceTest, ListAllStopsWithADecodeErrorWhenMoreHasNoToken) {
  transport_->push(json_response(200, page_json({"u-1"}, true, std::nullopt)));
  UserRange range = users().list_all_users();
  auto it = range.begin();
  EXPECT_EQ(it->user_id, "u-1");
  try {
    ++it;
    ADD_FAILURE() << "no exception";
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.operation(), Operation::list_users);
    EXPECT_EQ(error.field(), "continuation_token");
  }
  EXPECT_EQ(transport_->request_count(), 1U);
}

TEST_F(UserServiceTest, ListAllStopsWithADecodeErrorWhenATokenRepeats) {
  transport_->push(json_response(200, page_json({"u-1"}, true, 7)));
  transport_->push(json_response(200, page_json({"u-2"}, true, 7)));
  UserRange range = users().list_all_users();
  auto it = range.begin();
  ++it;
  EXPECT_EQ(it->user_id, "u-2");
  EXPECT_THROW(++it, DecodeError);
  EXPECT_EQ(transport_->request_count(), 2U);
}

}  // namespace
}  // namespace amigo
